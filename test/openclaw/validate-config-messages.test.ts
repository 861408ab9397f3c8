/**
 * The project's own openclaw.json rules (`lib/openclaw/validate-config.ts`), each refusal read whole:
 * the path, what was received, what was expected and the fix, and the boundary on each side of the
 * rule. `openclaw-config.test.ts` covers the same rules on the lolice document; this file states the
 * exact text, so a fix that vanishes from a message or a boundary that moves fails here.
 */
import type { JsonObject } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import {
  BUNDLED_PLUGIN_IDS,
  DIAGNOSTICS_OTEL_PLUGIN_ID,
  PLUGINS_ENABLED_BY_DEFAULT,
  resolvePluginEnableState,
  validateOpenClawConfig,
  type ValidateOpenClawConfigOptions,
} from '../../lib/openclaw/validate-config';

const V17 = OpenClawVersion.V2026_2_17;
const V19 = OpenClawVersion.V2026_2_19;
const V81 = OpenClawVersion.parse('2026.8.1');
const V96 = OpenClawVersion.parse('2026.9.6');

/** The plugin ids bundled with OpenClaw 2026.2.19 (its `extensions/<id>/openclaw.plugin.json`), sorted. */
const BUNDLED_2026_2_19 = [
  'bluebubbles',
  'copilot-proxy',
  'device-pair',
  'diagnostics-otel',
  'discord',
  'feishu',
  'google-antigravity-auth',
  'google-gemini-cli-auth',
  'googlechat',
  'imessage',
  'irc',
  'line',
  'llm-task',
  'lobster',
  'matrix',
  'mattermost',
  'memory-core',
  'memory-lancedb',
  'minimax-portal-auth',
  'msteams',
  'nextcloud-talk',
  'nostr',
  'open-prose',
  'phone-control',
  'qwen-portal-auth',
  'signal',
  'slack',
  'talk-voice',
  'telegram',
  'thread-ownership',
  'tlon',
  'twitch',
  'voice-call',
  'whatsapp',
  'zalo',
  'zalouser',
];
const KNOWN = BUNDLED_2026_2_19.map((id) => `"${id}"`).join(', ');

const ENABLE_FIX = (id: string): string =>
  `set plugins.entries.${id}.enabled to true, list "${id}" in plugins.allow if the allowlist is used, ` +
  `keep it out of plugins.deny and do not set plugins.enabled to false (do not rely on auto-enable: ` +
  `its write-back fails on a read-only config)`;

/** A document with only a gateway token (no other rule applies) plus `extra`. */
function doc(extra: JsonObject = {}): JsonObject {
  return { gateway: { auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' } }, ...extra };
}

function errors(document: unknown, options: Partial<ValidateOpenClawConfigOptions> = {}): string[] {
  return validateOpenClawConfig(document, { version: V19, ...options });
}

/** The otel section of a document that is otherwise valid. */
function otel(section: JsonObject, options: Partial<ValidateOpenClawConfigOptions> = {}): string[] {
  return errors(doc({ diagnostics: { otel: section } }), options);
}

describe('the plugin tables', () => {
  test('know exactly the plugins bundled with 2026.2.19, three of them on by default', () => {
    expect([...BUNDLED_PLUGIN_IDS]).toEqual(BUNDLED_2026_2_19);
    expect([...PLUGINS_ENABLED_BY_DEFAULT]).toEqual(['device-pair', 'phone-control', 'talk-voice']);
    expect(DIAGNOSTICS_OTEL_PLUGIN_ID).toBe('diagnostics-otel');
  });

  test('resolve the enable state in openclaw order, each with its reason', () => {
    expect(resolvePluginEnableState({ enabled: false, entries: { discord: { enabled: true } } }, 'discord')).toEqual({
      enabled: false,
      reason: 'plugins.enabled is false, which disables every plugin',
    });
    expect(
      resolvePluginEnableState(
        { deny: ['discord'], allow: ['discord'], entries: { discord: { enabled: true } } },
        'discord',
      ),
    ).toEqual({ enabled: false, reason: 'plugins.deny lists it (deny wins over allow and entries)' });
    expect(resolvePluginEnableState({ allow: ['slack'], entries: { discord: { enabled: true } } }, 'discord')).toEqual({
      enabled: false,
      reason: 'plugins.allow is non-empty and does not list it',
    });
    expect(
      resolvePluginEnableState({ allow: ['discord'], entries: { discord: { enabled: true } } }, 'discord'),
    ).toEqual({
      enabled: true,
      reason: 'plugins.entries.discord.enabled is true',
    });
    expect(resolvePluginEnableState({ entries: { 'talk-voice': { enabled: false } } }, 'talk-voice')).toEqual({
      enabled: false,
      reason: 'plugins.entries.talk-voice.enabled is false',
    });
    expect(resolvePluginEnableState({ entries: { 'talk-voice': {} } }, 'talk-voice')).toEqual({
      enabled: true,
      reason: 'it is a bundled plugin enabled by default',
    });
    expect(resolvePluginEnableState({ entries: { discord: {} } }, 'discord')).toEqual({
      enabled: false,
      reason: 'plugins.entries.discord.enabled is not true and bundled plugins are disabled by default',
    });
  });

  test('read only the parts of plugins that have the right type', () => {
    // a deny or allow that is not an array, entries that are not an object: each is ignored
    expect(resolvePluginEnableState({ deny: 'discord', allow: 'slack', entries: [] }, 'talk-voice')).toEqual({
      enabled: true,
      reason: 'it is a bundled plugin enabled by default',
    });
    expect(resolvePluginEnableState('plugins', 'discord').enabled).toBe(false);
    expect(resolvePluginEnableState({ enabled: true, allow: [] }, 'phone-control').enabled).toBe(true);
    expect(resolvePluginEnableState({ entries: { discord: { enabled: 'true' } } }, 'discord').enabled).toBe(false);
    expect(resolvePluginEnableState({ entries: { 'device-pair': true } }, 'device-pair').enabled).toBe(true);
  });
});

describe('plugin ids', () => {
  test('an unknown id in allow, deny or entries is named at its own path, entries sorted', () => {
    const notFound = (path: string, id: string): string =>
      `openclaw.json ${path}: received the plugin id "${id}", expected one of the known plugin ids ${KNOWN}; ` +
      `openclaw rejects the config with "plugin not found: ${id}", so fix the id, or pass it in knownPluginIds ` +
      'if that plugin is installed';
    expect(errors(doc({ plugins: { allow: ['discord', 'x'], deny: ['y'], entries: { zz: {}, aa: {} } } }))).toEqual([
      notFound('plugins.allow[1]', 'x'),
      notFound('plugins.deny[0]', 'y'),
      notFound('plugins.entries.aa', 'aa'),
      notFound('plugins.entries.zz', 'zz'),
    ]);
  });

  test('an id passed in knownPluginIds joins the known list, sorted and without duplicates', () => {
    expect(errors(doc({ plugins: { entries: { acme: {} } } }), { knownPluginIds: ['acme'] })).toEqual([]);
    const found = errors(doc({ plugins: { deny: ['nope'] } }), { knownPluginIds: ['zulu', 'discord', 'aaa'] });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`expected one of the known plugin ids "aaa", ${KNOWN}, "zulu";`);
  });
});

describe('diagnostics.otel', () => {
  const BASE_URL_FIX =
    'configure the base url only (openclaw appends /v1/<signal>), or turn traces and logs off and give the ' +
    'full .../v1/metrics url';
  const reused19 = (endpoint: string): string =>
    `openclaw.json diagnostics.otel.endpoint: received ${JSON.stringify(endpoint)}, expected the otlp base url ` +
    'without a signal path; openclaw 2026.2.19 uses a url whose path ends in /v1/metrics, /v1/traces or /v1/logs ' +
    `unchanged for every signal, so traces and logs would be posted to the same signal url; ${BASE_URL_FIX}`;

  test('an endpoint that is no url, or not http(s)', () => {
    expect(otel({ endpoint: 'not a url' })).toEqual([
      'openclaw.json diagnostics.otel.endpoint: received "not a url", expected an absolute http(s) base url such as ' +
        '"http://otel-collector.observability:4318"; openclaw accepts any string here, then every export fails and ' +
        'no metrics arrive; write the otlp/http base url including scheme and host',
    ]);
    expect(otel({ endpoint: 'ftp://collector:4318' })).toEqual([
      'openclaw.json diagnostics.otel.endpoint: received "ftp://collector:4318", expected an http:// or https:// url ' +
        '(the exporter speaks otlp/http only); openclaw accepts any string here, then every export fails and no ' +
        'metrics arrive; point diagnostics.otel.endpoint at the otlp/http receiver (usually port 4318) with an ' +
        'http(s) scheme',
    ]);
    expect(otel({ endpoint: 'https://collector:4318' })).toEqual([]);
    expect(otel({ endpoint: 'http://collector:4318/' })).toEqual([]);
    expect(otel({ endpoint: '${OTEL_ENDPOINT}/v1/traces' })).toEqual([]);
  });

  test('2026.2.19: a path ending in a signal is reused for every signal, whatever its case or trailing slashes', () => {
    expect(otel({ endpoint: 'http://collector:4318/v1/traces/' })).toEqual([
      reused19('http://collector:4318/v1/traces/'),
    ]);
    expect(otel({ endpoint: 'http://collector:4318/V1/LOGS' })).toEqual([reused19('http://collector:4318/V1/LOGS')]);
    expect(otel({ endpoint: 'http://collector:4318/v1/metrics' })).toEqual([
      reused19('http://collector:4318/v1/metrics'),
    ]);
    // "/v1/" inside the path is kept and appended to from 2026.2.19 on
    expect(otel({ endpoint: 'http://prometheus:9090/api/v1/otlp/' })).toEqual([]);
    expect(otel({ endpoint: 'http://collector:4318/v1/metricsx' })).toEqual([]);
    expect(otel({ endpoint: 'http://collector:4318/xv1/metrics' })).toEqual([]);
  });

  test('the full metrics url is accepted only when traces are off and logs are not on', () => {
    const metricsUrl = ' http://collector:4318/v1/metrics// ';
    expect(otel({ endpoint: metricsUrl, traces: false })).toEqual([]);
    expect(otel({ endpoint: metricsUrl, traces: false, logs: false })).toEqual([]);
    expect(otel({ endpoint: metricsUrl, traces: false, logs: true })).toEqual([reused19(metricsUrl)]);
    expect(otel({ endpoint: metricsUrl, traces: true })).toEqual([reused19(metricsUrl)]);
    expect(otel({ endpoint: metricsUrl })).toEqual([reused19(metricsUrl)]);
    expect(otel({ endpoint: 'http://collector:4318/v1/traces', traces: false })).toEqual([
      reused19('http://collector:4318/v1/traces'),
    ]);
  });

  test('2026.2.17: any url containing "/v1/" is used unchanged', () => {
    const reused17 = (endpoint: string): string =>
      `openclaw.json diagnostics.otel.endpoint: received ${JSON.stringify(endpoint)}, expected the otlp base url ` +
      'without a signal path; openclaw 2026.2.17 uses any url containing "/v1/" unchanged for every signal, so ' +
      `traces and logs would be posted to the same signal url; ${BASE_URL_FIX}`;
    expect(otel({ endpoint: 'http://collector:4318/v1/metrics' }, { version: V17 })).toEqual([
      reused17('http://collector:4318/v1/metrics'),
    ]);
    expect(otel({ endpoint: 'http://collector:4318/v1/metrics', traces: false }, { version: V17 })).toEqual([]);
    expect(otel({ endpoint: 'http://prometheus:9090/api/v1/otlp//' }, { version: V17 })).toEqual([
      'openclaw.json diagnostics.otel.endpoint: received "http://prometheus:9090/api/v1/otlp//", expected a base url ' +
        'whose path does not contain "/v1/"; openclaw 2026.2.17 uses any endpoint containing "/v1/" unchanged and ' +
        'does not append /v1/metrics, so metrics would be posted to "http://prometheus:9090/api/v1/otlp"; use ' +
        'openclaw 2026.2.19 or later (which only keeps urls ending in /v1/<signal>), an endpoint without "/v1/" in ' +
        'its path, or (traces and logs off) the full .../v1/metrics url',
    ]);
    // "/v1/" is matched in lower case only: the upper-case path is neither reused nor refused
    expect(otel({ endpoint: 'http://collector:4318/V1/METRICS' }, { version: V17 })).toEqual([]);
    expect(otel({ endpoint: 'http://collector:4318/otlp' }, { version: V17 })).toEqual([]);
  });

  test('the grpc protocol, which exports nothing', () => {
    expect(otel({ protocol: 'grpc' })).toEqual([
      'openclaw.json diagnostics.otel.protocol: received "grpc", expected "http/protobuf"; openclaw accepts "grpc" ' +
        'in the schema but then logs "diagnostics-otel: unsupported protocol grpc" and exports nothing, so set ' +
        'protocol to "http/protobuf" (or remove it) and point the endpoint at the otlp/http port',
    ]);
    expect(otel({ protocol: 'http/protobuf' })).toEqual([]);
  });

  test('a flush interval from 0 to 999 ms, which openclaw clamps to 1000', () => {
    const clamped = (ms: number): string =>
      `openclaw.json diagnostics.otel.flushIntervalMs: received ${ms}, expected at least 1000; openclaw silently ` +
      'clamps export intervals below 1000 ms to 1000 ms, so write 1000 or more to say what actually happens';
    expect(otel({ flushIntervalMs: 0 })).toEqual([clamped(0)]);
    expect(otel({ flushIntervalMs: 999 })).toEqual([clamped(999)]);
    expect(otel({ flushIntervalMs: 1000 })).toEqual([]);
  });
});

describe('the diagnostics-otel chain', () => {
  const ENABLED_CHAIN: JsonObject = {
    diagnostics: { enabled: true, otel: { enabled: true } },
    plugins: { entries: { 'diagnostics-otel': { enabled: true } } },
  };
  const PARTLY = 'diagnostics-otel is partly enabled (diagnostics.otel.enabled or its plugin entry is true)';
  const diagnosticsOff = (why: string, received = 'nothing'): string =>
    `openclaw.json diagnostics.enabled: received ${received}, expected true; ${why} and the diagnostics-otel service ` +
    'does nothing unless diagnostics.enabled is true, so set diagnostics.enabled to true';
  const otelOff = (why: string, received = 'nothing'): string =>
    `openclaw.json diagnostics.otel.enabled: received ${received}, expected true; ${why} and the diagnostics-otel ` +
    'service does nothing unless diagnostics.otel.enabled is true, so set it to true';
  const pluginOff = (why: string, reason: string): string =>
    `openclaw.json plugins.entries.diagnostics-otel.enabled: received a disabled plugin (${reason}), expected the ` +
    `diagnostics-otel plugin to be enabled; ${why} but the plugin is not loaded; ${ENABLE_FIX('diagnostics-otel')}`;

  test('required metrics with nothing enabled: each link of the chain is named', () => {
    const why = 'otel metrics are required';
    expect(errors(doc(), { requireOtelMetrics: true })).toEqual([
      diagnosticsOff(why),
      otelOff(why),
      pluginOff(
        why,
        'plugins.entries.diagnostics-otel.enabled is not true and bundled plugins are disabled by default',
      ),
    ]);
    expect(errors(doc(ENABLED_CHAIN), { requireOtelMetrics: true })).toEqual([]);
  });

  test('a chain enabled in one place only is reported with that reason', () => {
    expect(errors(doc({ diagnostics: { otel: { enabled: true } } }))).toEqual([
      diagnosticsOff(PARTLY),
      pluginOff(
        PARTLY,
        'plugins.entries.diagnostics-otel.enabled is not true and bundled plugins are disabled by default',
      ),
    ]);
    expect(
      errors(doc({ diagnostics: { enabled: false }, plugins: { entries: { 'diagnostics-otel': { enabled: true } } } })),
    ).toEqual([diagnosticsOff(PARTLY, 'false'), otelOff(PARTLY)]);
    // diagnostics.enabled alone, or an entry that is not enabled, wants nothing
    expect(errors(doc({ diagnostics: { enabled: true, otel: { enabled: false } } }))).toEqual([]);
    expect(errors(doc({ plugins: { entries: { 'diagnostics-otel': { enabled: false } } } }))).toEqual([]);
  });

  test('required metrics switched off', () => {
    const chain = { ...ENABLED_CHAIN, diagnostics: { enabled: true, otel: { enabled: true, metrics: false } } };
    expect(errors(doc(chain), { requireOtelMetrics: true })).toEqual([
      'openclaw.json diagnostics.otel.metrics: received false, expected true or unset; otel metrics are required but ' +
        'the metric exporter is switched off, so remove diagnostics.otel.metrics or set it to true',
    ]);
    expect(errors(doc(chain))).toEqual([]);
  });

  test('required metrics before 2026.2.19 and after the plugin was unbundled', () => {
    expect(errors(doc(ENABLED_CHAIN), { version: V17, requireOtelMetrics: true })).toEqual([
      'openclaw.json diagnostics.otel: received openclaw 2026.2.17, expected openclaw 2026.2.19 or later; before ' +
        '2026.2.19 the plugin subscribes to a separate copy of the diagnostic event bus and its metrics never ' +
        'record, so upgrade the image',
    ]);
    expect(errors(doc(ENABLED_CHAIN), { version: V17 })).toEqual([]);
    expect(errors(doc(ENABLED_CHAIN), { version: V96, requireOtelMetrics: true })).toEqual([
      'openclaw.json plugins.entries.diagnostics-otel: received openclaw 2026.9.6, expected a release that still ' +
        'bundles the diagnostics-otel plugin; otel metrics are required but openclaw 2026.9.6 no longer bundles ' +
        'diagnostics-otel (gate diagnostics-otel-unbundled, from 2026.5.2) and @openclaw/diagnostics-otel is not on ' +
        'npm, so no metric is exported (the telemetry-absent alert fires, the metrics dashboard goes flat); stay on ' +
        'an older release, or set telemetry.requireOtelMetrics to false to accept losing the metrics',
    ]);
    expect(errors(doc(ENABLED_CHAIN), { version: V96 })).toEqual([]);
  });
});

describe('heartbeats', () => {
  const badEvery = (path: string, value: string): string =>
    `openclaw.json ${path}.every: received ${JSON.stringify(value)}, expected a duration such as "30m", "1h" or ` +
    '"45" (one number with an optional unit ms, s, m, h or d; a bare number means minutes); openclaw rejects the ' +
    'config ("invalid duration"), so write one number and one unit without spaces';
  const badTime = (path: string, key: 'start' | 'end', value: string): string =>
    `openclaw.json ${path}.activeHours.${key}: received ${JSON.stringify(value)}, expected a 24h time "HH:MM"` +
    `${key === 'end' ? ' (24:00 allowed)' : ' before 24:00'}; openclaw rejects the config ("invalid time"), so ` +
    'write the time as two-digit hours and minutes, e.g. "08:00"';
  const defaults = (heartbeat: JsonObject): string[] => errors(doc({ agents: { defaults: { heartbeat } } }));
  const times = (start: string, end: string): string[] => defaults({ activeHours: { start, end } });
  const P = 'agents.defaults.heartbeat';

  test('every: a duration whose bare number means minutes', () => {
    expect(defaults({ every: '5 m' })).toEqual([badEvery(P, '5 m')]);
    expect(defaults({ every: '45' })).toEqual([]);
    expect(defaults({ every: '30m' })).toEqual([]);
    expect(defaults({ every: '' })).toEqual([]);
  });

  test('active hours: HH:MM, 24:00 only as the end', () => {
    expect(times('00:00', '24:00')).toEqual([]);
    expect(times('23:59', '19:05')).toEqual([]);
    expect(times('24:00', '24:01')).toEqual([badTime(P, 'start', '24:00'), badTime(P, 'end', '24:01')]);
    expect(times('7:00', '24:10')).toEqual([badTime(P, 'start', '7:00'), badTime(P, 'end', '24:10')]);
    expect(times('25:00', '23:60')).toEqual([badTime(P, 'start', '25:00'), badTime(P, 'end', '23:60')]);
    expect(times('x08:00', '08:00x')).toEqual([badTime(P, 'start', 'x08:00'), badTime(P, 'end', '08:00x')]);
    expect(times('08:0a', 'a8:00')).toEqual([badTime(P, 'start', '08:0a'), badTime(P, 'end', 'a8:00')]);
    expect(times('', '')).toEqual([]);
  });

  test("each agent's heartbeat is checked at its own index; agents without one are skipped", () => {
    const list = [{ id: 'a' }, { id: 'b', heartbeat: { every: 'soon', activeHours: { start: '08:00', end: '8:00' } } }];
    expect(errors(doc({ agents: { list } }))).toEqual([
      badEvery('agents.list[1].heartbeat', 'soon'),
      badTime('agents.list[1].heartbeat', 'end', '8:00'),
    ]);
  });
});

describe('cron', () => {
  test('a sessionRetention openclaw cannot parse (it would fall back to 24h)', () => {
    const retention = (value: unknown): string[] => errors(doc({ cron: { sessionRetention: value as string } }));
    expect(retention('7 days')).toEqual([
      'openclaw.json cron.sessionRetention: received "7 days", expected a duration such as "7d", "36h" or "90m" (a ' +
        'number with an optional unit ms, s, m, h or d; a bare number means hours) or false; openclaw silently ' +
        'falls back to 24h for a value it cannot parse, so write a single number and unit without spaces',
    ]);
    expect(retention('36')).toEqual([]);
    expect(retention('90m')).toEqual([]);
    expect(retention(false)).toEqual([]);
  });

  test('webhookSsrfPolicy before its gate names the gate', () => {
    const policy = { webhookSsrfPolicy: { allowedHostnames: ['receiver.example'] } };
    expect(errors(doc({ cron: policy }))).toEqual([
      'openclaw.json cron.webhookSsrfPolicy: received an object with keys allowedHostnames, expected no such key on ' +
        'openclaw 2026.2.19; openclaw 2026.2.19 has no cron webhook ssrf policy (gate cron-webhook-ssrf-policy, from ' +
        '2026.8.1) and rejects the whole config, so remove it (and expose in-cluster receivers at a public hostname) ' +
        'or upgrade openclaw',
    ]);
    expect(errors(doc({ cron: policy }), { version: V81 })).toEqual([]);
  });
});

describe('gateway', () => {
  test('a port above 65535 (the schema of 2026.2.19 accepts it)', () => {
    const port = (value: number): string[] => errors({ gateway: { port: value, auth: { token: '${T}' } } });
    expect(port(65536)).toEqual([
      'openclaw.json gateway.port: received 65536, expected an integer from 1 to 65535; openclaw accepts any ' +
        'positive integer, but the gateway cannot listen on it and fails at startup (ERR_SOCKET_BAD_PORT); use the ' +
        'default 18789 unless something else needs it',
    ]);
    expect(port(65535)).toEqual([]);
  });

  test('a missing token, with the consequence on each side of 2026.2.19', () => {
    const FIX = 'set gateway.auth.token to a ${VAR} reference backed by a secret';
    expect(errors({})).toEqual([
      'openclaw.json gateway.auth.token: received nothing, expected a non-empty token, normally ' +
        '"${OPENCLAW_GATEWAY_TOKEN}"; without it openclaw 2026.2.19 generates a token at startup and may try to ' +
        `write it into the config; ${FIX}`,
    ]);
    expect(errors({ gateway: { auth: { token: '' } } }, { version: V17 })).toEqual([
      'openclaw.json gateway.auth.token: received "", expected a non-empty token, normally ' +
        `"\${OPENCLAW_GATEWAY_TOKEN}"; without it clients cannot authenticate with a token you control; ${FIX}`,
    ]);
  });

  test('controlUi.allowInsecureAuth from its retirement on names the gate', () => {
    const insecure = doc({ gateway: { auth: { token: '${T}' }, controlUi: { allowInsecureAuth: false } } });
    expect(errors(insecure, { version: V81 })).toEqual([
      'openclaw.json gateway.controlUi.allowInsecureAuth: received false, expected no such key on openclaw 2026.8.1; ' +
        'openclaw 2026.8.1 retired it (gate control-ui-insecure-auth-retired, from 2026.8.1) and rejects the whole ' +
        'config ("Unrecognized key"), so remove it; list a public Control UI origin in ' +
        'gateway.controlUi.allowedOrigins',
    ]);
    expect(errors(insecure)).toEqual([]);
  });
});

describe('hooks', () => {
  test('enabled without a token, and a path that is only slashes', () => {
    expect(errors(doc({ hooks: { enabled: true, path: ' // ' } }))).toEqual([
      'openclaw.json hooks.token: received nothing, expected a non-empty token when hooks.enabled is true; openclaw ' +
        'refuses to start with "hooks.enabled requires hooks.token", so set hooks.token to a ${VAR} reference backed ' +
        'by its own secret',
      'openclaw.json hooks.path: received " // ", expected a sub-path such as "/hooks"; the schema accepts it, but ' +
        'the gateway refuses to start ("hooks.path may not be \'/\'"), so use "/hooks" (the default) or remove the key',
    ]);
    expect(errors(doc({ hooks: { enabled: false, path: '/hooks/' } }))).toEqual([]);
  });

  test('the same token as the gateway, from 2026.2.19 on, never printed when literal', () => {
    expect(errors(doc({ hooks: { enabled: true, token: '${OPENCLAW_GATEWAY_TOKEN}' } }))).toEqual([
      'openclaw.json hooks.token: received the same value as gateway.auth.token ("${OPENCLAW_GATEWAY_TOKEN}"), ' +
        'expected a token different from the gateway auth token; openclaw 2026.2.19 refuses to start with ' +
        '"hooks.token must not match gateway auth token", so give hooks.token its own secret',
    ]);
    expect(errors(doc({ hooks: { enabled: true, token: '${OPENCLAW_GATEWAY_TOKEN}' } }), { version: V17 })).toEqual([]);
    const literal = errors({ gateway: { auth: { token: 'abc' } }, hooks: { token: 'abc' } });
    expect(literal[0]).toBe(
      'openclaw.json hooks.token: received the same value as gateway.auth.token (a literal string of 3 character(s)), ' +
        'expected a token different from the gateway auth token; openclaw 2026.2.19 refuses to start with ' +
        '"hooks.token must not match gateway auth token", so give hooks.token its own secret',
    );
    expect(literal.join('\n')).not.toContain('abc');
  });
});

describe('channels', () => {
  test('channels that is not an object', () => {
    expect(errors(doc({ channels: [] }))).toEqual([
      'openclaw.json channels: received an empty array, expected an object; write channels as a json object',
    ]);
  });

  test('an unknown channel, one whose plugin is off, and the entries that are skipped', () => {
    const channels = {
      zeta: { enabled: true },
      discord: { enabled: true, bogus: 1 },
      defaults: { enabled: true },
      slack: { enabled: false },
      telegram: 'off',
    };
    expect(errors(doc({ channels }))).toEqual([
      'openclaw.json channels.discord: received an enabled channel whose plugin is disabled (plugins.entries.discord.' +
        'enabled is not true and bundled plugins are disabled by default), expected the "discord" plugin to be ' +
        'enabled; openclaw accepts the config but never starts the channel (its plugin is not loaded); ' +
        `${ENABLE_FIX('discord')}; or set channels.discord.enabled to false`,
      `openclaw.json channels.zeta: received the channel "zeta", expected a channel whose plugin is known (${KNOWN}); ` +
        'fix the channel id, or pass its plugin id in knownPluginIds if that channel plugin is installed',
      // the release schema's own refusal, at a path no project rule reported
      'openclaw.json channels.telegram: received "off", expected an object; write channels.telegram as an object',
    ]);
  });

  test('discord dm.* from the gate on names the flat key', () => {
    const dm = doc({ channels: { discord: { enabled: false, dm: { policy: 'allowlist', allowFrom: ['1'] } } } });
    expect(errors(dm, { version: V96 })).toEqual([
      'openclaw.json channels.discord.dm.policy: received "allowlist", expected channels.discord.dmPolicy on ' +
        'openclaw 2026.9.6; openclaw 2026.9.6 refuses dm.policy ("must not have additional properties") (gate ' +
        'discord-dm-policy-flat, from 2026.5.18), so move it to channels.discord.dmPolicy',
      'openclaw.json channels.discord.dm.allowFrom: received an array of 1 item, expected channels.discord.allowFrom ' +
        'on openclaw 2026.9.6; openclaw 2026.9.6 refuses dm.allowFrom ("must not have additional properties") (gate ' +
        'discord-dm-policy-flat, from 2026.5.18), so move it to channels.discord.allowFrom',
    ]);
    expect(errors(dm)).toEqual([]);
  });
});

describe('${VAR} references', () => {
  test('a malformed reference and one the workload does not provide (the provided list sorted)', () => {
    const document = doc({ env: { vars: { A: '${lower}', B: '${OK}' } } });
    expect(errors(document, { providedEnvVars: ['OPENCLAW_GATEWAY_TOKEN', 'A_VAR'] })).toEqual([
      'openclaw.json env.vars.A: received the text "${lower}", expected a ${NAME} reference with an upper-case name ' +
        '(A-Z, 0-9, _), or $${NAME} for a literal; the name has lower-case letters and openclaw substitutes ' +
        'upper-case names only, so the text stays literal; fix the reference',
      'openclaw.json env.vars.B: received a reference to ${OK}, expected one of the env vars the workload provides ' +
        '("A_VAR", "OPENCLAW_GATEWAY_TOKEN"); openclaw refuses to start when a referenced variable is missing or ' +
        'empty, so provide OK to the container or change the reference',
    ]);
    expect(errors(document, { providedEnvVars: ['OPENCLAW_GATEWAY_TOKEN', 'OK'] })).toHaveLength(1);
  });
});

test('a document that is not an object', () => {
  expect(errors('x')).toEqual([
    'openclaw.json: received "x", expected a json object at the top level; write the config as an object with ' +
      'sections such as gateway, plugins and channels',
  ]);
});

/** Values of the wrong type are the release schema's to report: the project's rule adds nothing beside it. */
describe('a rule leaves a value of another type to the release schema', () => {
  test.each([
    [
      'a plugin id that is no string',
      { plugins: { allow: [5] } },
      'plugins.allow[0]: received 5, expected a string; write plugins.allow[0] as a string',
    ],
    [
      'a fractional flush interval',
      { diagnostics: { otel: { flushIntervalMs: 999.5 } } },
      'diagnostics.otel.flushIntervalMs: received 999.5, expected an integer; write diagnostics.otel.flushIntervalMs as an integer',
    ],
    [
      'a negative flush interval',
      { diagnostics: { otel: { flushIntervalMs: -1 } } },
      'diagnostics.otel.flushIntervalMs: received -1, expected a number at least 0; use a value at least 0',
    ],
    [
      'an active-hours end that is a number',
      { agents: { defaults: { heartbeat: { activeHours: { end: 5 } } } } },
      'agents.defaults.heartbeat.activeHours.end: received 5, expected a string; write ' +
        'agents.defaults.heartbeat.activeHours.end as a string',
    ],
    [
      'a fractional port above 65535',
      { gateway: { port: 65536.5, auth: { token: '${T}' } } },
      'gateway.port: received 65536.5, expected an integer; write gateway.port as an integer',
    ],
  ])('%s', (_, extra, message) => {
    expect(errors(doc(extra as JsonObject))).toEqual([`openclaw.json ${message}`]);
  });
});

describe('otel endpoint paths, the edge cases', () => {
  const REUSED_19 =
    'expected the otlp base url without a signal path; openclaw 2026.2.19 uses a url whose path ends in ' +
    '/v1/metrics, /v1/traces or /v1/logs unchanged for every signal';

  test('slashes before a query still end the path in a signal', () => {
    const [message] = otel({ endpoint: 'http://collector:4318/v1/metrics//?x=1' });
    expect(message).toContain(`received "http://collector:4318/v1/metrics//?x=1", ${REUSED_19}`);
  });

  test('only a path that ends in /v1/metrics is the metrics url', () => {
    const [message] = otel({ endpoint: 'http://collector:4318/v1/metrics/v1/traces', traces: false });
    expect(message).toContain(`received "http://collector:4318/v1/metrics/v1/traces", ${REUSED_19}`);
  });

  test('2026.2.17: the url metrics would be posted to is trimmed of spaces and trailing slashes', () => {
    const [message] = otel({ endpoint: ' http://prometheus:9090/api/v1/otlp/ ' }, { version: V17 });
    expect(message).toContain('so metrics would be posted to "http://prometheus:9090/api/v1/otlp";');
  });
});

test('discord dm.* names only the keys that are there', () => {
  const dm = doc({ channels: { discord: { enabled: false, dm: { allowFrom: ['1'] } } } });
  expect(errors(dm, { version: V96 }).map((m) => m.slice(0, m.indexOf(':')))).toEqual([
    'openclaw.json channels.discord.dm.allowFrom',
  ]);
});
