import type { JsonObject, JsonValue, OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import {
  resolvePluginEnableState,
  validateOpenClawConfig,
  type ValidateOpenClawConfigOptions,
} from '../../lib/openclaw/validate-config';

/** The openclaw.json lolice runs (placeholders only). */
const LOLICE: OpenClawConfigDocument = {
  models: {
    providers: {
      litellm: {
        baseUrl: 'http://litellm.openclaw.svc.cluster.local:4000',
        apiKey: '${LITELLM_PROXY_KEY}',
        api: 'openai-completions',
        models: [{ id: 'claude-sonnet', name: 'claude-sonnet' }],
      },
    },
  },
  agents: { defaults: { model: { primary: 'litellm/claude-sonnet' } } },
  channels: {
    discord: { enabled: true, token: '${DISCORD_BOT_TOKEN}' },
    telegram: { enabled: true, botToken: '${TELEGRAM_BOT_TOKEN}' },
  },
  diagnostics: {
    enabled: true,
    otel: {
      enabled: true,
      endpoint: 'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp',
      protocol: 'http/protobuf',
      serviceName: 'openclaw',
      metrics: true,
      traces: false,
      logs: false,
      flushIntervalMs: 60000,
    },
  },
  gateway: {
    mode: 'local',
    bind: 'lan',
    port: 18789,
    auth: { mode: 'token', token: '${OPENCLAW_GATEWAY_TOKEN}' },
    controlUi: { enabled: true },
  },
  cron: {
    enabled: true,
    webhookToken: '${OPENCLAW_CRON_WEBHOOK_TOKEN}',
    sessionRetention: '7d',
  },
  plugins: {
    entries: {
      discord: { enabled: true },
      telegram: { enabled: true },
      'diagnostics-otel': { enabled: true },
    },
  },
};

const V17 = OpenClawVersion.V2026_2_17;
const V19 = OpenClawVersion.V2026_2_19;

/** Returns LOLICE with `patch` deep-merged in; a `null` in the patch deletes the key. */
function lolice(patch: JsonObject = {}): JsonObject {
  const merge = (base: JsonValue | undefined, change: JsonValue | undefined): JsonValue | undefined => {
    if (change === null) {
      return undefined;
    }
    if (
      typeof base === 'object' &&
      base !== null &&
      !Array.isArray(base) &&
      typeof change === 'object' &&
      !Array.isArray(change)
    ) {
      const out: Record<string, JsonValue> = {};
      for (const key of new Set([...Object.keys(base), ...Object.keys(change)])) {
        const merged = merge((base as JsonObject)[key], (change as JsonObject)[key]);
        if (merged !== undefined) {
          out[key] = merged;
        }
      }
      return out;
    }
    return change === undefined ? base : change;
  };
  return merge(LOLICE, patch) as JsonObject;
}

function errors(doc: unknown, options: Partial<ValidateOpenClawConfigOptions> = {}): string[] {
  return validateOpenClawConfig(doc, { version: V19, ...options });
}

/** Asserts exactly one error and that it matches every pattern. */
function expectSingleError(
  doc: unknown,
  patterns: RegExp[],
  options: Partial<ValidateOpenClawConfigOptions> = {},
): string {
  const found = errors(doc, options);
  expect(found).toHaveLength(1);
  for (const pattern of patterns) {
    expect(found[0]).toMatch(pattern);
  }
  return found[0];
}

describe('validateOpenClawConfig', () => {
  it('accepts the lolice document for 2026.2.19', () => {
    expect(errors(LOLICE)).toEqual([]);
    expect(errors(LOLICE, { requireOtelMetrics: true })).toEqual([]);
  });

  it('accepts a document with neither otel nor hooks', () => {
    expect(errors(lolice({ diagnostics: null, plugins: { entries: { 'diagnostics-otel': null } } }))).toEqual([]);
  });

  it('writes every message in lower case apart from quoted names', () => {
    const all = errors({ cron: { jobs: [] }, hooks: { enabled: true }, channels: { discord: {} } });
    expect(all.length).toBeGreaterThan(2);
    for (const message of all) {
      expect(message).toMatch(/^openclaw\.json [a-z]/);
      expect(message).not.toMatch(/\.$/);
    }
  });

  it('fails on a top-level value that is not an object', () => {
    expect(errors([])).toEqual([
      'openclaw.json: received an empty array, expected a json object at the top level; write the config as an object with sections such as gateway, plugins and channels',
    ]);
  });

  describe('strict keys', () => {
    it.each([
      [
        { cron: { jobs: [] } },
        'cron.jobs',
        '"enabled", "maxConcurrentRuns", "sessionRetention", "store", "webhook", "webhookToken"',
      ],
      [{ diagnostics: { otlp: {} } }, 'diagnostics.otlp', '"cacheTrace", "enabled", "flags", "otel"'],
      [
        { diagnostics: { otel: { url: 'http://x:4318' } } },
        'diagnostics.otel.url',
        '"enabled", "endpoint", "flushIntervalMs"',
      ],
      [{ gateway: { token: '${OPENCLAW_GATEWAY_TOKEN}' } }, 'gateway.token', '"auth", "bind"'],
      [{ hooks: { secret: 'x' } }, 'hooks.secret', '"allowRequestSessionKey", "allowedAgentIds"'],
      [
        { plugins: { entry: {} } },
        'plugins.entry',
        '"allow", "deny", "enabled", "entries", "installs", "load", "slots"',
      ],
      [
        { plugins: { entries: { discord: { settings: {} } } } },
        'plugins.entries.discord.settings',
        '"config", "enabled"',
      ],
    ])('fails on an unknown key, from the release schema (%#)', (patch, path, allowed) => {
      const message = expectSingleError(lolice(patch as JsonObject), [
        new RegExp(`^openclaw\\.json ${path.replace(/\./g, '\\.')}: received the unknown key`),
      ]);
      expect(message).toContain('expected a key openclaw 2026.2.19 knows here (');
      expect(message).toContain(allowed);
      // the fix: the closest key when one is close, else remove it
      expect(message).toMatch(/; (remove the key|did you mean "[^"]+"\? rename it)$/);
    });
  });

  describe('top-level keys and heartbeats', () => {
    it('fails on an unknown top-level key: the root of the release schema is strict', () => {
      expectSingleError(lolice({ cronJobs: [] }), [
        /^openclaw\.json cronJobs: received the unknown key "cronJobs", expected a key openclaw 2026\.2\.19 knows here \("\$schema", "agents"/,
        /; remove the key$/,
      ]);
      expect(errors(lolice({ session: {}, messages: {}, $schema: 'x' }))).toEqual([]);
    });

    it.each(['thirty minutes', '1h30m', '30 m', '-5m', '1w'])('fails on heartbeat.every %j', (every) => {
      expectSingleError(lolice({ agents: { defaults: { heartbeat: { every } } } }), [
        /^openclaw\.json agents\.defaults\.heartbeat\.every: received .*a bare number means minutes/,
        /openclaw rejects the config \("invalid duration"\)/,
      ]);
    });

    it.each(['30m', '45', '1.5h', '2d', ' 30M ', '500ms'])('accepts heartbeat.every %j', (every) => {
      expect(errors(lolice({ agents: { defaults: { heartbeat: { every } } } }))).toEqual([]);
    });

    it('checks per-agent heartbeats, heartbeat keys and active hours', () => {
      const found = errors(
        lolice({
          agents: {
            defaults: { heartbeat: { interval: '5m', activeHours: { start: '24:00', end: '24:30', tz: 'UTC' } } },
            list: [{ id: 'main', heartbeat: { every: 'often' } }],
          },
        } as JsonObject),
      );
      expect([...found].sort()).toEqual([
        expect.stringMatching(
          /^openclaw\.json agents\.defaults\.heartbeat\.activeHours\.end: received "24:30", expected a 24h time/,
        ),
        expect.stringMatching(
          /^openclaw\.json agents\.defaults\.heartbeat\.activeHours\.start: received "24:00", expected a 24h time "HH:MM" before 24:00/,
        ),
        expect.stringMatching(/^openclaw\.json agents\.defaults\.heartbeat\.activeHours\.tz: received the unknown key/),
        expect.stringMatching(/^openclaw\.json agents\.defaults\.heartbeat\.interval: received the unknown key/),
        expect.stringMatching(/^openclaw\.json agents\.list\[0\]\.heartbeat\.every: received "often"/),
      ]);
      expect(
        errors(lolice({ agents: { defaults: { heartbeat: { activeHours: { start: '08:00', end: '24:00' } } } } })),
      ).toEqual([]);
    });
  });

  describe('diagnostics-otel', () => {
    it('fails on keys under the diagnostics-otel plugin config, from the plugin schema the release merges in', () => {
      expectSingleError(
        lolice({ plugins: { entries: { 'diagnostics-otel': { config: { endpoint: 'http://x:4318' } } } } }),
        [
          /^openclaw\.json plugins\.entries\.diagnostics-otel\.config\.endpoint: received the unknown key "endpoint"/,
          /expected no key here \(openclaw 2026\.2\.19 accepts none\); remove the key$/,
        ],
      );
    });

    it('fails when diagnostics.enabled is not true', () => {
      expectSingleError(lolice({ diagnostics: { enabled: false } }), [
        /^openclaw\.json diagnostics\.enabled: received false, expected true/,
        /set diagnostics\.enabled to true/,
      ]);
    });

    it('fails when only the plugin entry is enabled', () => {
      expectSingleError(lolice({ diagnostics: { otel: { enabled: null } } }), [
        /^openclaw\.json diagnostics\.otel\.enabled: received nothing, expected true/,
        /partly enabled/,
      ]);
    });

    it('fails when the plugin entry is missing', () => {
      expectSingleError(lolice({ plugins: { entries: { 'diagnostics-otel': null } } }), [
        /^openclaw\.json plugins\.entries\.diagnostics-otel\.enabled: received a disabled plugin/,
        /bundled plugins are disabled by default/,
        /set plugins\.entries\.diagnostics-otel\.enabled to true/,
      ]);
    });

    it('fails when plugins.allow does not list it', () => {
      expectSingleError(lolice({ plugins: { allow: ['discord', 'telegram'] } }), [
        /plugins\.entries\.diagnostics-otel\.enabled: received a disabled plugin \(plugins\.allow is non-empty and does not list it\)/,
      ]);
    });

    it('fails when plugins.deny lists it even though its entry is enabled', () => {
      expectSingleError(lolice({ plugins: { deny: ['diagnostics-otel'] } }), [/plugins\.deny lists it \(deny wins/]);
    });

    it('fails with the version-specific rule on a signal-specific endpoint while traces are on (2026.2.19)', () => {
      // with traces and logs off, the metrics url would be the only one used: see the next test
      expectSingleError(
        lolice({
          diagnostics: { otel: { endpoint: 'http://otel-collector.observability:4318/v1/metrics', traces: true } },
        }),
        [
          /^openclaw\.json diagnostics\.otel\.endpoint: received "http:\/\/otel-collector\.observability:4318\/v1\/metrics", expected the otlp base url without a signal path/,
          /openclaw 2026\.2\.19 uses a url whose path ends in \/v1\/metrics, \/v1\/traces or \/v1\/logs unchanged for every signal/,
          /configure the base url only/,
        ],
      );
    });

    it('fails on an endpoint containing /v1/ anywhere for 2026.2.17', () => {
      const message = expectSingleError(
        LOLICE,
        [/^openclaw\.json diagnostics\.otel\.endpoint: received "http:\/\/prometheus-k8s/],
        {
          version: V17,
        },
      );
      expect(message).toContain(
        'openclaw 2026.2.17 uses any endpoint containing "/v1/" unchanged and does not append /v1/metrics',
      );
      expect(message).toContain('use openclaw 2026.2.19 or later');
    });

    it('accepts the full /v1/metrics url when metrics are the only signal (2026.2.19)', () => {
      const errors = validateOpenClawConfig(
        lolice({ diagnostics: { otel: { endpoint: 'http://otel-collector.observability:4318/v1/metrics' } } }),
        {
          version: OpenClawVersion.parse('2026.2.19'),
        },
      );
      expect(errors).toEqual([]);
    });

    it('fails on a signal-specific endpoint for 2026.2.17 with the 2.17 rule', () => {
      expectSingleError(
        lolice({ diagnostics: { otel: { endpoint: 'http://collector:4318/v1/traces' } } }),
        [/openclaw 2026\.2\.17 uses any url containing "\/v1\/" unchanged for every signal/],
        { version: V17 },
      );
    });

    it('fails on an endpoint that is not an http(s) url', () => {
      expectSingleError(lolice({ diagnostics: { otel: { endpoint: 'otel-collector:4317' } } }), [
        /diagnostics\.otel\.endpoint: received "otel-collector:4317", expected an http:\/\/ or https:\/\/ url/,
      ]);
      expectSingleError(lolice({ diagnostics: { otel: { endpoint: '/collector' } } }), [
        /expected an absolute http\(s\) base url/,
      ]);
    });

    it('accepts an endpoint given as a ${VAR} reference', () => {
      expect(errors(lolice({ diagnostics: { otel: { endpoint: '${OTEL_ENDPOINT}' } } }))).toEqual([]);
    });

    it('fails on the grpc protocol, which exports nothing', () => {
      expectSingleError(lolice({ diagnostics: { otel: { protocol: 'grpc' } } }), [
        /^openclaw\.json diagnostics\.otel\.protocol: received "grpc", expected "http\/protobuf"/,
        /unsupported protocol grpc" and exports nothing/,
      ]);
    });

    it('fails on a flush interval below 1000 ms, which openclaw clamps', () => {
      expectSingleError(lolice({ diagnostics: { otel: { flushIntervalMs: 500 } } }), [
        /diagnostics\.otel\.flushIntervalMs: received 500, expected at least 1000; openclaw silently clamps/,
      ]);
    });

    it('fails on a fractional flush interval', () => {
      expectSingleError(lolice({ diagnostics: { otel: { flushIntervalMs: 1500.5 } } }), [
        /^openclaw\.json diagnostics\.otel\.flushIntervalMs: received 1500\.5, expected an integer; write .* as an integer$/,
      ]);
    });

    it('fails on a sample rate outside 0..1', () => {
      expectSingleError(lolice({ diagnostics: { otel: { sampleRate: 2 } } }), [
        /^openclaw\.json diagnostics\.otel\.sampleRate: received 2, expected a number at most 1; use a value at most 1$/,
      ]);
    });

    it('fails on disabled metrics only when the caller requires metrics', () => {
      const doc = lolice({ diagnostics: { otel: { metrics: false } } });
      expect(errors(doc)).toEqual([]);
      expectSingleError(doc, [/diagnostics\.otel\.metrics: received false, expected true or unset/], {
        requireOtelMetrics: true,
      });
    });

    it('fails when metrics are required but nothing enables otel', () => {
      const found = errors(lolice({ diagnostics: null, plugins: { entries: { 'diagnostics-otel': null } } }), {
        requireOtelMetrics: true,
      });
      expect(found).toHaveLength(3);
      expect(found[0]).toMatch(
        /^openclaw\.json diagnostics\.enabled: received nothing, expected true; otel metrics are required/,
      );
      expect(found[1]).toMatch(/^openclaw\.json diagnostics\.otel\.enabled: received nothing/);
      expect(found[2]).toMatch(/^openclaw\.json plugins\.entries\.diagnostics-otel\.enabled/);
    });

    it('fails when metrics are required before 2026.2.19', () => {
      const found = errors(lolice({ diagnostics: { otel: { endpoint: 'http://collector:4318' } } }), {
        version: V17,
        requireOtelMetrics: true,
      });
      expect(found).toEqual([
        expect.stringMatching(
          /^openclaw\.json diagnostics\.otel: received openclaw 2026\.2\.17, expected openclaw 2026\.2\.19 or later/,
        ),
      ]);
    });
  });

  describe('cron', () => {
    it('fails on an unparsable sessionRetention instead of silently using 24h', () => {
      expectSingleError(lolice({ cron: { sessionRetention: '7 days' } }), [
        /^openclaw\.json cron\.sessionRetention: received "7 days", expected a duration such as "7d"/,
        /silently falls back to 24h/,
      ]);
    });

    it('fails on sessionRetention true', () => {
      expectSingleError(lolice({ cron: { sessionRetention: true } }), [
        /^openclaw\.json cron\.sessionRetention: received true, expected a string or false; use a string or false$/,
      ]);
    });

    it('accepts sessionRetention false and a bare number of hours', () => {
      expect(errors(lolice({ cron: { sessionRetention: false } }))).toEqual([]);
      expect(errors(lolice({ cron: { sessionRetention: '36' } }))).toEqual([]);
    });

    it('fails on a legacy webhook that is not http(s)', () => {
      expectSingleError(lolice({ cron: { webhook: 'ftp://example.invalid/hook' } }), [
        /^openclaw\.json cron\.webhook: received "ftp:\/\/example\.invalid\/hook", expected an http:\/\/ or https:\/\/ url/,
        /write the full url with its scheme$/,
      ]);
    });

    it('fails on maxConcurrentRuns 0', () => {
      expectSingleError(lolice({ cron: { maxConcurrentRuns: 0 } }), [
        /^openclaw\.json cron\.maxConcurrentRuns: received 0, expected a number greater than 0; use a value greater than 0$/,
      ]);
    });
  });

  describe('gateway', () => {
    it('fails without gateway.auth.token and explains the 2026.2.19 generation', () => {
      expectSingleError(lolice({ gateway: { auth: { token: null } } }), [
        /^openclaw\.json gateway\.auth\.token: received nothing, expected a non-empty token/,
        /generates a token at startup/,
      ]);
    });

    it('fails without a gateway section at all', () => {
      expectSingleError(lolice({ gateway: null }), [/^openclaw\.json gateway\.auth\.token: received nothing/]);
    });

    it('fails on an invalid port and bind, from the release schema', () => {
      const found = errors(lolice({ gateway: { port: 0, bind: '0.0.0.0' } }));
      expect(found).toEqual([
        expect.stringMatching(
          /^openclaw\.json gateway\.bind: received "0\.0\.0\.0", expected "auto" or "lan" or "loopback" or "custom" or "tailnet"; use /,
        ),
        expect.stringMatching(/^openclaw\.json gateway\.port: received 0, expected a number greater than 0; use /),
      ]);
    });

    it('fails on a port above 65535, which the schema of 2026.2.19 accepts and the gateway cannot listen on', () => {
      expectSingleError(lolice({ gateway: { port: 70000 } }), [
        /^openclaw\.json gateway\.port: received 70000, expected an integer from 1 to 65535/,
        /ERR_SOCKET_BAD_PORT/,
      ]);
    });
  });

  describe('hooks', () => {
    it('fails when hooks are enabled without a token', () => {
      expectSingleError(lolice({ hooks: { enabled: true } }), [
        /^openclaw\.json hooks\.token: received nothing, expected a non-empty token when hooks\.enabled is true/,
        /hooks\.enabled requires hooks\.token/,
      ]);
    });

    it('fails on hooks.path "/"', () => {
      expectSingleError(lolice({ hooks: { path: '/' } }), [
        /hooks\.path: received "\/", expected a sub-path such as "\/hooks"/,
      ]);
    });

    it('fails on hooks.token equal to the gateway token from 2026.2.19 on', () => {
      const doc = lolice({ hooks: { enabled: true, token: '${OPENCLAW_GATEWAY_TOKEN}' } });
      expectSingleError(doc, [
        /^openclaw\.json hooks\.token: received the same value as gateway\.auth\.token/,
        /hooks\.token must not match gateway auth token/,
      ]);
      expect(errors(doc, { version: V17 })).toEqual(
        [expect.stringMatching(/diagnostics\.otel\.endpoint/)], // only the 2.17 endpoint rule, not the token rule
      );
    });

    it('fails on two different variables backed by the same secret', () => {
      const doc = lolice({ hooks: { enabled: true, token: '${OPENCLAW_HOOKS_TOKEN}' } });
      expect(errors(doc)).toEqual([]);
      const resolveEnvSource = (name: string): string | undefined =>
        name === 'OPENCLAW_HOOKS_TOKEN' || name === 'OPENCLAW_GATEWAY_TOKEN'
          ? 'openclaw-credentials/OPENCLAW_GATEWAY_TOKEN'
          : undefined;
      expectSingleError(doc, [/hooks\.token: received the same value as gateway\.auth\.token/], { resolveEnvSource });
    });

    it('never prints a literal token', () => {
      const doc = lolice({
        gateway: { auth: { token: 'test-token-placeholder' } },
        hooks: { token: 'test-token-placeholder' },
      });
      const found = errors(doc);
      // the release marks gateway.auth.token sensitive: the literal there is refused as well
      expect(found).toEqual([
        expect.stringMatching(
          /received the same value as gateway\.auth\.token \(a literal string of 22 character\(s\)\)/,
        ),
        expect.stringMatching(
          /^openclaw\.json gateway\.auth\.token: received a literal string of 22 character\(s\), expected a \$\{VAR\} reference/,
        ),
      ]);
      const message = found.join('\n');
      expect(message).not.toContain('test-token-placeholder');
    });
  });

  describe('plugins and channels', () => {
    it('fails on a channel whose plugin is not enabled', () => {
      expectSingleError(lolice({ plugins: { entries: { discord: null } } }), [
        /^openclaw\.json channels\.discord: received an enabled channel whose plugin is disabled/,
        /set plugins\.entries\.discord\.enabled to true, list "discord" in plugins\.allow/,
        /or set channels\.discord\.enabled to false/,
      ]);
    });

    it('accepts a disabled channel without its plugin', () => {
      expect(
        errors(lolice({ channels: { discord: { enabled: false } }, plugins: { entries: { discord: null } } })),
      ).toEqual([]);
    });

    it('fails on channels excluded by an allowlist copied from the docs', () => {
      const found = errors(lolice({ plugins: { allow: ['diagnostics-otel'] } }));
      expect(found).toEqual([
        expect.stringMatching(/^openclaw\.json channels\.discord: .*plugins\.allow is non-empty and does not list it/),
        expect.stringMatching(/^openclaw\.json channels\.telegram: .*plugins\.allow is non-empty and does not list it/),
      ]);
    });

    it('fails on everything when plugins.enabled is false', () => {
      const found = errors(lolice({ plugins: { enabled: false } }));
      expect(found).toHaveLength(3);
      for (const message of found) {
        expect(message).toContain('plugins.enabled is false, which disables every plugin');
      }
    });

    it('fails on unknown plugin ids in entries, allow and deny', () => {
      const found = errors(
        lolice({
          plugins: {
            allow: ['discord', 'telegram', 'diagnostics-otel', 'otel'],
            deny: ['slakc'],
            entries: { 'diagnostic-otel': { enabled: true } },
          },
        }),
      );
      expect(found).toEqual([
        expect.stringMatching(
          /^openclaw\.json plugins\.allow\[3\]: received the plugin id "otel", expected one of the known plugin ids .*"plugin not found: otel"/,
        ),
        expect.stringMatching(/^openclaw\.json plugins\.deny\[0\]: received the plugin id "slakc"/),
        expect.stringMatching(
          /^openclaw\.json plugins\.entries\.diagnostic-otel: received the plugin id "diagnostic-otel".*knownPluginIds/,
        ),
      ]);
    });

    it('names an unknown channel, the known channel plugins and the fix', () => {
      expect(errors(lolice({ channels: { 'acme-chat': { botToken: '${ACME_TOKEN}' } } }))).toEqual([
        expect.stringMatching(
          new RegExp(
            '^openclaw\\.json channels\\.acme-chat: received the channel "acme-chat", expected a channel whose ' +
              'plugin is known \\("bluebubbles", .*"telegram", .*\\); fix the channel id, or pass its plugin id in ' +
              'knownPluginIds if that channel plugin is installed$',
          ),
        ),
      ]);
    });

    it('accepts extra plugin ids passed in knownPluginIds', () => {
      const doc = lolice({
        plugins: { entries: { 'acme-chat': { enabled: true } } },
        channels: { 'acme-chat': { botToken: '${ACME_TOKEN}' } },
      });
      expect(errors(doc)).toHaveLength(2);
      expect(errors(doc, { knownPluginIds: ['acme-chat'] })).toEqual([]);
    });

    it('knows every plugin bundled with 2026.2.19 (slack, matrix, ...) without knownPluginIds', () => {
      const doc = lolice({
        plugins: { entries: { slack: { enabled: true } } },
        channels: { slack: { botToken: '${SLACK_BOT_TOKEN}' } },
      });
      expect(errors(doc)).toEqual([]);
    });

    it('resolves the enable state in openclaw order', () => {
      expect(resolvePluginEnableState(undefined, 'talk-voice').enabled).toBe(true);
      expect(resolvePluginEnableState({ entries: { 'talk-voice': { enabled: false } } }, 'talk-voice').enabled).toBe(
        false,
      );
      expect(resolvePluginEnableState({ allow: ['discord'] }, 'discord').enabled).toBe(false);
      expect(
        resolvePluginEnableState({ allow: ['discord'], entries: { discord: { enabled: true } } }, 'discord').enabled,
      ).toBe(true);
      expect(resolvePluginEnableState({ allow: [], entries: { discord: { enabled: true } } }, 'discord').enabled).toBe(
        true,
      );
    });
  });

  describe('env references', () => {
    it('fails on a lower-case ${var} reference', () => {
      expectSingleError(lolice({ channels: { telegram: { botToken: '${telegram_bot_token}' } } }), [
        /^openclaw\.json channels\.telegram\.botToken: received the text "\$\{telegram_bot_token\}", expected a \$\{NAME\} reference with an upper-case name/,
        /substitutes upper-case names only/,
      ]);
    });

    it('fails on an unterminated reference', () => {
      expectSingleError(lolice({ models: { providers: { litellm: { apiKey: '${LITELLM_PROXY_KEY' } } } }), [
        /models\.providers\.litellm\.apiKey: received the text "\$\{LITELLM_PROXY_KEY".*closing \} is missing/,
      ]);
    });

    it('fails on a reference the workload does not provide', () => {
      const providedEnvVars = [
        'DISCORD_BOT_TOKEN',
        'LITELLM_PROXY_KEY',
        'OPENCLAW_CRON_WEBHOOK_TOKEN',
        'OPENCLAW_GATEWAY_TOKEN',
      ];
      expectSingleError(
        LOLICE,
        [
          /^openclaw\.json channels\.telegram\.botToken: received a reference to \$\{TELEGRAM_BOT_TOKEN\}/,
          /provide TELEGRAM_BOT_TOKEN to the container/,
        ],
        { providedEnvVars },
      );
    });
  });

  it('fails on wrongly typed values, once per path', () => {
    const found = errors(lolice({ diagnostics: { enabled: 'true' }, cron: { enabled: 1 } }));
    expect(found).toEqual([
      // the project's rule and the schema both report diagnostics.enabled: the project's message stands
      expect.stringMatching(/^openclaw\.json diagnostics\.enabled: received "true", expected true;/),
      expect.stringMatching(
        /^openclaw\.json cron\.enabled: received 1, expected a boolean; write cron\.enabled as a boolean$/,
      ),
    ]);
  });

  it('fails on a release without a committed schema, naming the command that extracts it', () => {
    expect(errors(LOLICE, { version: OpenClawVersion.parse('2026.5.12') })).toEqual([
      'openclaw.json (document): received openclaw 2026.5.12, which has no committed schema ' +
        '(openclaw-releases/2026.5.12/config-schema.json), expected a release whose own schema is committed; ' +
        'run `npm run openclaw:schema -- 2026.5.12` and commit the files it writes, or use a release that has one',
    ]);
  });
});
