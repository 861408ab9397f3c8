/**
 * Config differential: the synthesized `openclaw.json` (from the ConfigMap) and variants of it through
 * the REAL config loader of OpenClaw 2026.2.19 and through ours (`validateOpenClawConfig`, with the
 * options the app uses at synth). The table says, row by row, what each one decides and why.
 *
 * Rules: ours refuses everything the real loader refuses; where ours is stricter, our message says
 * what OpenClaw would silently do instead.
 */
import type { OpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { validateConfigsWithRelease, type RealConfigVerdict } from '../../lib/openclaw/release/release-probe';
import { validateOpenClawConfig } from '../../lib/openclaw/validate-config';
import { buildApp, parseYamlDocuments, renderLolice } from '../support/openclaw-ops-harness';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-only JSON edits

type Verdict = 'valid' | 'refused';

interface VariantRow {
  /** Short id; also the name of the variant. */
  readonly id: string;
  /** The edit made to the synthesized document (in place, or returns a replacement document). */
  readonly mutate: (doc: Doc) => unknown;
  /** What the real 2026.2.19 loader decides. */
  readonly real: Verdict;
  /** The config path the real loader names (when it refuses), '' for the whole document. */
  readonly realPath?: string;
  /** What ours decides. */
  readonly ours: Verdict;
  /** Text our message must contain: the path, and where ours is stricter what OpenClaw does instead. */
  readonly oursSays?: RegExp;
  /** Why: what OpenClaw does with it. */
  readonly why: string;
}

const hooks = (extra: Doc = {}): Doc => ({ enabled: true, token: '${OPENCLAW_HOOKS_TOKEN}', path: '/hooks', ...extra });

/** variant → real verdict → ours → why. */
const TABLE: readonly VariantRow[] = [
  { id: 'synthesized', mutate: () => undefined, real: 'valid', ours: 'valid', why: 'the generated document' },
  // --- what the real schema refuses -------------------------------------------------------------
  {
    id: 'unknown top-level key',
    mutate: (d) => {
      d.cronJobs = [];
    },
    real: 'refused',
    realPath: '',
    ours: 'refused',
    oursSays:
      /openclaw\.json cronJobs: received the unknown key "cronJobs", expected a key openclaw 2026\.2\.19 knows here/,
    why: 'the root object is strict',
  },
  {
    id: 'unknown key in cron',
    mutate: (d) => {
      d.cron.maxJobs = 5;
    },
    real: 'refused',
    realPath: 'cron',
    ours: 'refused',
    oursSays: /cron\.maxJobs/,
    why: 'cron is strict',
  },
  {
    id: 'unknown key in gateway',
    mutate: (d) => {
      d.gateway.listen = '0.0.0.0';
    },
    real: 'refused',
    realPath: 'gateway',
    ours: 'refused',
    oursSays: /gateway\.listen/,
    why: 'gateway is strict',
  },
  {
    id: 'unknown key in diagnostics',
    mutate: (d) => {
      d.diagnostics.exporter = 'otlp';
    },
    real: 'refused',
    realPath: 'diagnostics',
    ours: 'refused',
    oursSays: /diagnostics\.exporter/,
    why: 'diagnostics is strict',
  },
  {
    id: 'unknown key in diagnostics.otel',
    mutate: (d) => {
      d.diagnostics.otel.interval = 30000;
    },
    real: 'refused',
    realPath: 'diagnostics.otel',
    ours: 'refused',
    oursSays: /diagnostics\.otel\.interval/,
    why: 'diagnostics.otel is strict',
  },
  {
    id: 'unknown key in plugins',
    mutate: (d) => {
      d.plugins.paths = [];
    },
    real: 'refused',
    realPath: 'plugins',
    ours: 'refused',
    oursSays: /plugins\.paths/,
    why: 'plugins is strict',
  },
  {
    id: 'unknown key in a plugin entry',
    mutate: (d) => {
      d.plugins.entries.discord.on = true;
    },
    real: 'refused',
    realPath: 'plugins.entries.discord',
    ours: 'refused',
    oursSays: /plugins\.entries\.discord\.on/,
    why: 'plugin entries are strict',
  },
  {
    id: 'unknown key in hooks',
    mutate: (d) => {
      d.hooks = hooks({ secret: 'x' });
    },
    real: 'refused',
    realPath: 'hooks',
    ours: 'refused',
    oursSays: /hooks\.secret/,
    why: 'hooks is strict',
  },
  {
    id: 'unknown key in heartbeat',
    mutate: (d) => {
      d.agents.defaults.heartbeat.interval = '30m';
    },
    real: 'refused',
    realPath: 'agents.defaults.heartbeat',
    ours: 'refused',
    oursSays: /agents\.defaults\.heartbeat\.interval/,
    why: 'heartbeat is strict',
  },
  {
    id: '${MISSING} env var',
    mutate: (d) => {
      d.channels.telegram.botToken = '${MISSING_TOKEN}';
    },
    real: 'refused',
    realPath: '',
    ours: 'refused',
    oursSays: /channels\.telegram\.botToken: received a reference to \$\{MISSING_TOKEN\}/,
    why: 'a referenced variable that is not set stops the load',
  },
  {
    id: 'port as a string',
    mutate: (d) => {
      d.gateway.port = '18789';
    },
    real: 'refused',
    realPath: 'gateway.port',
    ours: 'refused',
    oursSays: /gateway\.port/,
    why: 'port is a number',
  },
  {
    id: 'port 0',
    mutate: (d) => {
      d.gateway.port = 0;
    },
    real: 'refused',
    realPath: 'gateway.port',
    ours: 'refused',
    oursSays: /gateway\.port/,
    why: 'port is a positive integer',
  },
  {
    id: 'unknown plugin id',
    mutate: (d) => {
      d.plugins.entries['no-such-plugin'] = { enabled: true };
    },
    real: 'refused',
    realPath: 'plugins.entries.no-such-plugin',
    ours: 'refused',
    oursSays: /plugin not found: no-such-plugin/,
    why: 'plugin ids are checked against the installed plugins',
  },
  {
    id: 'unknown plugin id in plugins.allow',
    mutate: (d) => {
      d.plugins.allow = ['discord', 'telegram', 'diagnostics-otel', 'nope'];
    },
    real: 'refused',
    realPath: 'plugins.allow',
    ours: 'refused',
    oursSays: /plugins\.allow\[3\]/,
    why: 'allow ids are checked too',
  },
  {
    id: 'flushIntervalMs "30s"',
    mutate: (d) => {
      d.diagnostics.otel.flushIntervalMs = '30s';
    },
    real: 'refused',
    realPath: 'diagnostics.otel.flushIntervalMs',
    ours: 'refused',
    oursSays: /flushIntervalMs/,
    why: 'a number of ms',
  },
  {
    id: 'heartbeat.every "thirty minutes"',
    mutate: (d) => {
      d.agents.defaults.heartbeat.every = 'thirty minutes';
    },
    real: 'refused',
    realPath: 'agents.defaults.heartbeat.every',
    ours: 'refused',
    oursSays: /agents\.defaults\.heartbeat\.every/,
    why: 'heartbeat.every must parse as a duration (bare number = minutes)',
  },
  {
    id: 'heartbeat.every "1h30m"',
    mutate: (d) => {
      d.agents.defaults.heartbeat.every = '1h30m';
    },
    real: 'refused',
    realPath: 'agents.defaults.heartbeat.every',
    ours: 'refused',
    oursSays: /agents\.defaults\.heartbeat\.every/,
    why: 'no compound durations',
  },
  {
    id: 'bind "everywhere"',
    mutate: (d) => {
      d.gateway.bind = 'everywhere';
    },
    real: 'refused',
    realPath: 'gateway.bind',
    ours: 'refused',
    oursSays: /gateway\.bind/,
    why: 'bind is an enum',
  },
  {
    id: 'mode "cloud"',
    mutate: (d) => {
      d.gateway.mode = 'cloud';
    },
    real: 'refused',
    realPath: 'gateway.mode',
    ours: 'refused',
    oursSays: /gateway\.mode/,
    why: 'mode is local or remote',
  },
  {
    id: 'protocol "http/json"',
    mutate: (d) => {
      d.diagnostics.otel.protocol = 'http/json';
    },
    real: 'refused',
    realPath: 'diagnostics.otel.protocol',
    ours: 'refused',
    oursSays: /diagnostics\.otel\.protocol/,
    why: 'protocol is http/protobuf or grpc',
  },
  {
    id: 'otel enabled as a string',
    mutate: (d) => {
      d.diagnostics.otel.enabled = 'true';
    },
    real: 'refused',
    realPath: 'diagnostics.otel.enabled',
    ours: 'refused',
    oursSays: /diagnostics\.otel\.enabled/,
    why: 'a boolean',
  },
  {
    id: 'maxConcurrentRuns 0',
    mutate: (d) => {
      d.cron.maxConcurrentRuns = 0;
    },
    real: 'refused',
    realPath: 'cron.maxConcurrentRuns',
    ours: 'refused',
    oursSays: /cron\.maxConcurrentRuns/,
    why: 'a positive integer',
  },
  {
    id: 'cron.webhook not a url',
    mutate: (d) => {
      d.cron.webhook = 'hooks.example.com/cron';
    },
    real: 'refused',
    realPath: '',
    ours: 'refused',
    oursSays: /cron\.webhook/,
    why: 'an http(s) url; the loader fails on it ("read failed: TypeError: Invalid URL")',
  },
  {
    id: 'sessionRetention as a number',
    mutate: (d) => {
      d.cron.sessionRetention = 7;
    },
    real: 'refused',
    realPath: 'cron.sessionRetention',
    ours: 'refused',
    oursSays: /cron\.sessionRetention/,
    why: 'a string or false',
  },
  {
    id: 'controlUi as a string',
    mutate: (d) => {
      d.gateway.controlUi = 'on';
    },
    real: 'refused',
    realPath: 'gateway.controlUi',
    ours: 'refused',
    oursSays: /gateway\.controlUi/,
    why: 'an object',
  },
  {
    id: 'hooks.maxBodyBytes -1',
    mutate: (d) => {
      d.hooks = hooks({ maxBodyBytes: -1 });
    },
    real: 'refused',
    realPath: 'hooks.maxBodyBytes',
    ours: 'refused',
    oursSays: /hooks\.maxBodyBytes/,
    why: 'a positive integer',
  },
  {
    id: 'unknown channel',
    mutate: (d) => {
      d.channels.nosuch = { enabled: true };
    },
    real: 'refused',
    realPath: 'channels.nosuch',
    ours: 'refused',
    oursSays: /channels\.nosuch/,
    why: '"unknown channel id": no plugin provides it',
  },
  {
    id: 'otel sampleRate 2',
    mutate: (d) => {
      d.diagnostics.otel.sampleRate = 2;
    },
    real: 'refused',
    realPath: 'diagnostics.otel.sampleRate',
    ours: 'refused',
    oursSays: /sampleRate/,
    why: 'at most 1',
  },
  {
    id: 'heartbeat activeHours.start "8am"',
    mutate: (d) => {
      d.agents.defaults.heartbeat.activeHours = { start: '8am' };
    },
    real: 'refused',
    realPath: 'agents.defaults.heartbeat.activeHours.start',
    ours: 'refused',
    oursSays: /activeHours\.start/,
    why: 'HH:MM',
  },
  {
    id: 'agent heartbeat.every "often"',
    mutate: (d) => {
      d.agents.list = [{ id: 'main', heartbeat: { every: 'often' } }];
    },
    real: 'refused',
    realPath: 'agents.list.0.heartbeat.every',
    ours: 'refused',
    oursSays: /agents\.list\[0\]\.heartbeat\.every/,
    why: 'per-agent heartbeats are parsed the same way',
  },
  {
    id: 'otel plugin config keys',
    mutate: (d) => {
      d.plugins.entries['diagnostics-otel'].config = { endpoint: 'x' };
    },
    real: 'refused',
    realPath: 'plugins.entries.diagnostics-otel.config',
    ours: 'refused',
    oursSays: /diagnostics-otel.*config/,
    why: 'the plugin config schema is empty and strict',
  },
  {
    id: 'top level is an array',
    mutate: () => [],
    real: 'refused',
    realPath: '',
    ours: 'refused',
    oursSays: /expected a json object at the top level/,
    why: 'an object',
  },
  // --- accepted by the real loader, wrong at runtime: ours refuses and says what would happen ----
  {
    id: 'sessionRetention "3 days"',
    mutate: (d) => {
      d.cron.sessionRetention = '3 days';
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /silently falls back to 24h/,
    why: 'the schema takes any string; the reaper cannot parse it and keeps 24h',
  },
  {
    id: 'protocol "grpc"',
    mutate: (d) => {
      d.diagnostics.otel.protocol = 'grpc';
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /exports nothing/,
    why: 'the plugin logs "unsupported protocol grpc" and exports nothing',
  },
  {
    id: '${lower_case} reference',
    mutate: (d) => {
      d.gateway.auth.token = '${openclaw_gateway_token}';
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /literal/,
    why: 'only upper-case names are substituted: the text is kept literally',
  },
  {
    id: 'flushIntervalMs 500',
    mutate: (d) => {
      d.diagnostics.otel.flushIntervalMs = 500;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /silently clamps .* to 1000 ms/,
    why: 'the exporter clamps to 1000 ms',
  },
  {
    id: 'port 70000',
    mutate: (d) => {
      d.gateway.port = 70000;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /cannot listen on it and fails at startup/,
    why: 'the schema takes any positive integer; listen() fails at startup',
  },
  {
    id: 'otel endpoint with /v1/metrics and traces on',
    mutate: (d) => {
      d.diagnostics.otel.endpoint = 'http://otel.example.com/v1/metrics';
      d.diagnostics.otel.traces = true;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /unchanged for every signal/,
    why: 'traces would be posted to the metrics url',
  },
  {
    id: 'otel endpoint not a url',
    mutate: (d) => {
      d.diagnostics.otel.endpoint = 'prometheus:4318';
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /accepts any string here, then every export fails/,
    why: 'the schema takes any string; the exporter fails',
  },
  {
    id: 'otel metrics off',
    mutate: (d) => {
      d.diagnostics.otel.metrics = false;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /metric exporter is switched off/,
    why: 'valid, but the dashboard would be empty',
  },
  {
    id: 'diagnostics disabled',
    mutate: (d) => {
      d.diagnostics.enabled = false;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /does nothing unless diagnostics\.enabled is true/,
    why: 'the otel service does nothing',
  },
  {
    id: 'discord plugin disabled, channel on',
    mutate: (d) => {
      d.plugins.entries.discord.enabled = false;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /accepts the config but never starts the channel/,
    why: 'the channel is configured but never started',
  },
  {
    id: 'matrix channel, plugin not enabled',
    mutate: (d) => {
      d.channels.matrix = { enabled: true };
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /never starts the channel/,
    why: 'matrix is a bundled plugin, disabled by default: the channel is never started',
  },
  {
    id: 'no gateway token',
    mutate: (d) => {
      delete d.gateway.auth;
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /generates a token at startup/,
    why: 'a random token nobody knows',
  },
  {
    id: 'hooks on without a token',
    mutate: (d) => {
      d.hooks = { enabled: true };
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /hooks\.enabled requires hooks\.token/,
    why: 'the gateway refuses to start',
  },
  {
    id: 'hooks token = gateway token',
    mutate: (d) => {
      d.hooks = hooks({ token: '${OPENCLAW_GATEWAY_TOKEN}' });
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /must not match gateway auth token/,
    why: 'the gateway refuses to start',
  },
  {
    id: 'hooks.path "/"',
    mutate: (d) => {
      d.hooks = hooks({ path: '/' });
    },
    real: 'valid',
    ours: 'refused',
    oursSays: /refuses to start \("hooks\.path may not be/,
    why: 'the gateway refuses to start',
  },
  // --- accepted by both -------------------------------------------------------------------------
  {
    id: 'escaped $${NAME}',
    mutate: (d) => {
      d.diagnostics.otel.serviceName = 'openclaw-$${NOT_A_VAR}';
    },
    real: 'valid',
    ours: 'valid',
    why: '$$ escapes a reference',
  },
  {
    id: 'sessionRetention false',
    mutate: (d) => {
      d.cron.sessionRetention = false;
    },
    real: 'valid',
    ours: 'valid',
    why: 'keep cron sessions forever',
  },
  {
    id: 'heartbeat.every "45" (minutes)',
    mutate: (d) => {
      d.agents.defaults.heartbeat.every = '45';
    },
    real: 'valid',
    ours: 'valid',
    why: 'a bare number is minutes',
  },
];

/** A fake, obviously not secret, value for every env var the container provides. */
function fakeEnv(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `fake-${name.toLowerCase()}`]));
}

let release: OpenClawRelease;
let synthesized: Doc;
let real: Map<string, RealConfigVerdict>;
let ours: Map<string, string[]>;

beforeAll(async () => {
  release = await realOpenClawRelease();
  const app = buildApp();
  const configMap = parseYamlDocuments(renderLolice().get('argoproj/openclaw/configmap-openclaw.yaml')!)[0] as Doc;
  synthesized = JSON.parse(configMap.data['openclaw.json'] as string) as Doc;
  const options = { ...app.openclaw.validation };
  const provided = options.providedEnvVars ?? [];
  const variants = new Map<string, unknown>();
  for (const row of TABLE) {
    const doc = structuredClone(synthesized);
    variants.set(row.id, row.mutate(doc) ?? doc);
  }
  // hooks variants reference their own token variable; give it to both validators
  const env = fakeEnv([...provided, 'OPENCLAW_HOOKS_TOKEN']);
  real = await validateConfigsWithRelease(release, variants, { env });
  ours = new Map(
    [...variants].map(([id, doc]) => [
      id,
      validateOpenClawConfig(doc, {
        ...options,
        providedEnvVars: [...provided, 'OPENCLAW_HOOKS_TOKEN'],
      }),
    ]),
  );
}, RELEASE_INSTALL_TIMEOUT_MS);

describe('openclaw.json: the real 2026.2.19 loader vs ours', () => {
  it('has at least 30 variants besides the synthesized document, each with a distinct id', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(31);
    expect(new Set(TABLE.map((r) => r.id)).size).toBe(TABLE.length);
  });

  it.each(TABLE.map((row) => [row.id, row] as const))('%s', (_id, row) => {
    const verdict = real.get(row.id)!;
    const messages = ours.get(row.id)!;
    const realIssues = verdict.issues.map((i) => `${i.path || '<root>'}: ${i.message}`);
    // the real verdict, and for a refusal the path it names (so it refuses for the reason in the table)
    expect({ real: verdict.valid ? 'valid' : 'refused', issues: realIssues }).toMatchObject({ real: row.real });
    if (row.real === 'refused') {
      expect(verdict.issues.map((i) => i.path)).toContain(row.realPath);
    }
    // ours
    expect({ ours: messages.length === 0 ? 'valid' : 'refused', messages }).toMatchObject({ ours: row.ours });
    if (row.oursSays) {
      expect(messages.join('\n')).toMatch(row.oursSays);
    }
    // the rule: ours refuses everything the real loader refuses
    if (row.real === 'refused') {
      expect(row.ours).toBe('refused');
    }
  });
});
