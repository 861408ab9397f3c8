/**
 * What the project generates, against the real OpenClaw gateway (one boot for the whole file):
 * the cron jobs (apply-cron-jobs.sh, cron list, the validator's job rules vs the real `cron.add`),
 * webhook delivery end to end (Bearer token, body, the SSRF guard and its LogQL alert), and the
 * metrics the gateway really exports (catalog, naming, every dashboard and alert query). Nothing
 * leaves loopback: every OpenClaw process runs with the loopback-only preload.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { OPENCLAW_ALERT_NAMES } from '../../lib/observability/alerting/openclaw-alert-rules';
import { toCronAddParams } from '../../lib/cron/cron-add-params';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { CronValidationContext, validateCronJobs } from '../../lib/cron/validate-cron-jobs';
import { findEnvPlaceholders } from '../../lib/openclaw/env-placeholders';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { OPENCLAW_NAMESPACE, RUN_LOG_SHIPPER_CONTAINER } from '../../lib/telemetry/loki-streams';
import {
  attributeKeysOf,
  ATTRIBUTES,
  metricByOtlpName,
  RECORDABLE_METRICS,
  SDK_RESOURCE_ATTRIBUTES,
  RESOURCE_ATTR,
} from '../../lib/telemetry/metric-catalog';
import { CRON_RUN_JSON_LABELS, CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD } from '../../lib/telemetry/openclaw-log-lines';
import { metricNamer } from '../../lib/telemetry/prometheus-otlp-settings';
import { evaluateAlert, LogStream, shipOnce } from '../support/logql-evaluator';
import { buildApp, removeTempDirs } from '../support/openclaw-ops-harness';
import { assertQueriesReturnData, PrometheusHarness, startPrometheusHarness } from '../support/prometheus-harness';
import { gatewayCacheDir } from '../support/real-openclaw/cache';
import { RealGateway, startRealGateway } from '../support/real-openclaw/gateway-harness';
import {
  capturedOpenMetrics,
  decodeOtlpExports,
  lastSampleSeconds,
  summarizeMetrics,
} from '../support/real-openclaw/otlp-capture';
import { vectorSelectors } from '../support/real-openclaw/promql-selectors';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';

/** The reserved receiver name: only the test preload resolves it (to 127.0.0.1). */
const RESERVED_HOST = 'cron-receiver.test';
const FAKE_REPLY = 'Daily usage report: all quiet (fake model).';
/** A chat message holding this text gets no model answer: its run stays in `processing`. */
const HOLD_MARKER = 'hold-this-run-open';

const app = buildApp();
const rendered = app.renderLolice();
const renderedFile = (path: string): string => {
  const text = rendered.get(path);
  if (text === undefined) throw new Error(`synth output has no ${path}`);
  return text;
};
const CRON_DIR = 'argoproj/openclaw/cron-jobs';
const synthesizedConfig = JSON.parse(
  (YAML.parse(renderedFile('argoproj/openclaw/configmap-openclaw.yaml')) as { data: Record<string, string> }).data[
    'openclaw.json'
  ] as string,
) as Record<string, unknown>;
const declaredJobs = (
  JSON.parse(renderedFile(`${CRON_DIR}/cron-jobs.json`)) as { jobs: Record<string, Record<string, unknown>> }
).jobs;
const namer = metricNamer(app.config.telemetry?.prometheus ?? {});

let gw: RealGateway;
let traffic: Promise<void>;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(
        `gave up waiting for ${what} after ${timeoutMs} ms\ngateway output (tail):\n${gw.output().slice(-3000)}`,
      );
    await sleep(250);
  }
}

/** The highest value a counter (summed over its points) reached in one export. */
function counterTotal(name: string): number {
  let best = 0;
  for (const metric of decodeOtlpExports(gw.otlp.requests)) {
    if (metric.name !== name) continue;
    best = Math.max(
      best,
      metric.points.reduce((sum, p) => sum + (p.value ?? p.histogram?.count ?? 0), 0),
    );
  }
  return best;
}

/**
 * Webchat traffic for the metrics: a run that never ends (stuck-session metrics need 120 s in
 * `processing` and two heartbeats), then two replies with exports in between, so every counter and
 * histogram increases inside the query windows.
 */
async function chatTraffic(): Promise<void> {
  await gw.rpc('chat.send', {
    sessionKey: 'agent:main:stuck-probe',
    message: `please ${HOLD_MARKER}`,
    idempotencyKey: 'hold-1',
  });
  // the first run sets up the agent workspace; a second run started meanwhile can fail renaming
  // the workspace state file (ENOENT), so the next message waits for the held model request
  await gw.model.waitFor((r) => r.body.includes(HOLD_MARKER), 90_000, 'the held model request');
  await gw.rpc('chat.send', { sessionKey: 'agent:main:main', message: 'hello', idempotencyKey: 'chat-1' });
  await until('the first reply in an export', 90_000, () => (counterTotal('openclaw.tokens') > 0 ? true : undefined));
  const first = counterTotal('openclaw.tokens');
  await sleep(2500);
  await gw.rpc('chat.send', { sessionKey: 'agent:main:main', message: 'hello again', idempotencyKey: 'chat-2' });
  await until('the second reply in an export', 90_000, () =>
    counterTotal('openclaw.tokens') > first ? true : undefined,
  );
}

beforeAll(async () => {
  const release = await realOpenClawRelease();
  gw = await startRealGateway({
    release,
    document: synthesizedConfig,
    reservedHost: RESERVED_HOST,
    cacheDir: gatewayCacheDir(release.version),
    model: { reply: FAKE_REPLY, usage: { prompt_tokens: 120, completion_tokens: 12 }, holdMarker: HOLD_MARKER },
    // the stuck-session threshold (120 s) and the heartbeat (30 s) pass in an eighth of the time
    clockWarp: 8,
  });
  process.stdout.write(`real gateway ${release.version} listening after ${gw.bootMs} ms\n`);
  traffic = chatTraffic();
  traffic.catch(() => undefined); // awaited (and reported) by the metrics tests
}, RELEASE_INSTALL_TIMEOUT_MS + 720_000);

afterAll(async () => {
  await gw?.stop();
  removeTempDirs();
}, 60_000);

// ---------------------------------------------------------------------------------------------
describe('never off loopback', () => {
  it('runs the gateway with the loopback-only preload, and the reserved name resolves only through it', () => {
    const active = gw.preloadEvents().filter((e) => e.event === 'active');
    expect(
      active.some((e) => e.argv?.includes('gateway') && e.host === RESERVED_HOST),
      JSON.stringify(active),
    ).toBe(true);
    // without the preload the reserved name does not resolve (fail-closed)
    const probe = spawnSync(
      process.execPath,
      ['-e', `require('node:dns').lookup(${JSON.stringify(RESERVED_HOST)}, (e) => process.exit(e ? 0 : 3))`],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(probe.status).toBe(0);
  });

  it('refuses every connect off loopback (the channels and the update check try, and fail)', () => {
    const events = gw.preloadEvents();
    const refused = events.filter((e) => e.event === 'refused' && e.kind === 'connect');
    expect(
      refused.length,
      'the gateway tried to reach the internet (Discord, Telegram, npm) and was refused',
    ).toBeGreaterThan(0);
    for (const event of refused) expect(['127.0.0.1', 'localhost', '::1']).not.toContain(event.host);
    // the only connect that was let through to another host is the reserved name, to loopback
    expect(
      [...new Set(events.filter((e) => e.event === 'redirect').map((e) => e.host))].filter((h) => h !== RESERVED_HOST),
    ).toEqual([]);
  });

  it('points every URL of the boot config at loopback', () => {
    const urls: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(gw.boot.document);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(['127.0.0.1', 'localhost'], url).toContain(new URL(url).hostname);
  });
});

// ---------------------------------------------------------------------------------------------
describe('cron jobs against the real gateway', () => {
  it('apply-cron-jobs.sh adds, then updates the declared jobs; cron list equals cron-jobs.json', async () => {
    const script = join(gw.dirs.root, 'apply-cron-jobs.sh');
    writeFileSync(script, renderedFile(`${CRON_DIR}/apply-cron-jobs.sh`));
    const names = Object.keys(declaredJobs).sort();
    const first = await gw.shell(script);
    expect(first.code, first.stderr).toBe(0);
    const outcome = (text: string): Record<string, string> =>
      Object.fromEntries(
        text
          .trim()
          .split('\n')
          .map((line) => /^cron job (.+): (added|updated)(?: \(id [^)]+\))?$/.exec(line))
          .map((m) => [m?.[1] ?? '?', m?.[2] ?? '?']),
      );
    expect(outcome(first.stdout)).toEqual(Object.fromEntries(names.map((name) => [name, 'added'])));
    const second = await gw.shell(script);
    expect(second.code, second.stderr).toBe(0);
    expect(outcome(second.stdout)).toEqual(Object.fromEntries(names.map((name) => [name, 'updated'])));

    // what `openclaw cron list --all --json` asks the gateway (the script above is the CLI under test)
    const { jobs } = (await gw.rpc('cron.list', { includeDisabled: true })) as { jobs: Array<Record<string, unknown>> };
    const ours = jobs.filter((job) => names.includes(String(job.name)));
    expect(ours.map((job) => job.name).sort(), 'one job per declared name, no duplicates').toEqual(names);
    for (const job of ours) {
      const declared = declaredJobs[String(job.name)] as Record<string, unknown>;
      const projected = Object.fromEntries(Object.keys(declared).map((key) => [key, job[key]]));
      expect(projected, String(job.name)).toEqual(declared);
    }
  }, 240_000);

  it('matches every job rule of the validator with a variant sent to the real cron.add', async () => {
    // The app validates without a port list (its policy opens every webhook's port); a variant is
    // checked against the ports that policy opens.
    const context: CronValidationContext = {
      ...app.network.cronJobs.validationContext,
      externalEgressPorts: app.network.networkPolicies.gatewayExternalEgressPorts,
    };
    const base = declaredJobs['Daily usage report'] as unknown as CronJobDeclaration;
    const rows: VariantRow[] = [];
    for (const variant of CRON_VARIANTS) {
      const jobs = variant.jobs(base);
      const ours = validateCronJobs(jobs, { ...context, ...variant.context });
      let real: RealVerdict = { verdict: 'accepted' };
      for (const job of jobs) {
        const params = { ...toCronAddParams(job), enabled: job.enabled ?? false } as Record<string, unknown>;
        try {
          const added = (await gw.rpc('cron.add', params)) as Record<string, unknown>;
          if (typeof added?.id === 'string') await gw.rpc('cron.remove', { id: added.id });
          real = { verdict: 'accepted', stored: storedDifferences(params, added) };
        } catch (error) {
          real = { verdict: 'refused', message: (error as Error).message.split('\n')[0] ?? '' };
          break;
        }
      }
      rows.push({
        variant: variant.id,
        real: real.verdict,
        realMessage: real.message ?? (real.stored ? `stored ${real.stored}` : ''),
        ours: ours.errors.length > 0 ? 'refused' : 'accepted',
        rule: variant.rule.source,
        ruleMatched: ours.errors.some((error) => variant.rule.test(error)),
        oursMessage: ours.errors.join(' | '),
      });
    }
    process.stdout.write(
      `cron.add variants (variant | real | ours | rule):\n${rows.map((r) => `${r.variant} | ${r.real}${r.realMessage ? ` (${r.realMessage.slice(0, 90)})` : ''} | ${r.ours} | ${r.ruleMatched ? 'matched' : `NOT MATCHED: ${r.oursMessage}`}`).join('\n')}\n`,
    );
    // every rule of ours fires on its variant, and ours refuses everything the real gateway refuses
    expect(rows.filter((r) => !r.ruleMatched).map((r) => `${r.variant}: ${r.oursMessage || 'no error'}`)).toEqual([]);
    expect(rows.filter((r) => r.real === 'refused' && r.ours !== 'refused').map((r) => r.variant)).toEqual([]);
    // the real verdicts are pinned: a new OpenClaw that changes one fails here
    expect(Object.fromEntries(rows.map((r) => [r.variant, r.real]))).toEqual(
      Object.fromEntries(CRON_VARIANTS.map((v) => [v.id, v.real])),
    );
  }, 120_000);
});

interface RealVerdict {
  readonly verdict: 'accepted' | 'refused';
  readonly message?: string;
  /** For an accepted job: what the real store made of the fields sent (e.g. a default instead of a bad value). */
  readonly stored?: string;
}

/** `path: sent -> stored` for every sent leaf the real gateway stored differently, or undefined. */
function storedDifferences(sent: unknown, stored: unknown, path = ''): string | undefined {
  if (sent !== null && typeof sent === 'object' && !Array.isArray(sent)) {
    const parts = Object.entries(sent as Record<string, unknown>)
      .map(([key, value]) =>
        storedDifferences(
          value,
          (stored as Record<string, unknown> | undefined)?.[key],
          path === '' ? key : `${path}.${key}`,
        ),
      )
      .filter((part): part is string => part !== undefined);
    return parts.length === 0 ? undefined : parts.join(', ');
  }
  return JSON.stringify(sent) === JSON.stringify(stored)
    ? undefined
    : `${path}: ${JSON.stringify(sent)} -> ${JSON.stringify(stored)}`;
}
interface VariantRow {
  readonly variant: string;
  readonly real: 'accepted' | 'refused';
  readonly realMessage: string;
  readonly ours: 'accepted' | 'refused';
  readonly rule: string;
  readonly ruleMatched: boolean;
  readonly oursMessage: string;
}
type Mutable = Record<string, unknown>;
interface CronVariant {
  readonly id: string;
  /** The error of ours this variant must trigger. */
  readonly rule: RegExp;
  /** What the real `cron.add` of OpenClaw 2026.2.19 does with it. */
  readonly real: 'accepted' | 'refused';
  readonly jobs: (base: CronJobDeclaration) => CronJobDeclaration[];
  readonly context?: Partial<CronValidationContext>;
}

const variantOf =
  (id: string, edit: (job: Mutable) => void) =>
  (base: CronJobDeclaration): CronJobDeclaration[] => {
    const job = structuredClone(base) as unknown as Mutable;
    job.name = `variant ${id}`;
    edit(job);
    return [job as unknown as CronJobDeclaration];
  };
const isolatedAnnounce =
  (delivery: Mutable) =>
  (job: Mutable): void => {
    job.delivery = delivery;
  };
const mainSystemEvent = (job: Mutable): void => {
  job.sessionTarget = 'main';
  job.payload = { kind: 'systemEvent', text: 'wake up' };
  delete job.delivery;
};
const webhookTo =
  (to: string) =>
  (job: Mutable): void => {
    job.delivery = { mode: 'webhook', to };
  };
const payloadField =
  (key: string, value: unknown) =>
  (job: Mutable): void => {
    (job.payload as Mutable)[key] = value;
  };
const scheduleOf =
  (schedule: Mutable) =>
  (job: Mutable): void => {
    job.schedule = schedule;
  };

/** One variant per job rule of `validateCronJobs`, with what the real cron.add does with it. */
const CRON_VARIANTS: readonly CronVariant[] = [
  { id: 'name-empty', rule: /name is empty/, real: 'accepted', jobs: variantOf('name-empty', (j) => (j.name = '')) },
  {
    id: 'name-duplicate',
    rule: /duplicate name/,
    real: 'accepted',
    jobs: (base) => [
      ...variantOf('name-duplicate', () => undefined)(base),
      ...variantOf('name-duplicate', () => undefined)(base),
    ],
  },
  {
    id: 'at-not-iso',
    rule: /is not an ISO-8601 date-time/,
    real: 'refused',
    jobs: variantOf('at-not-iso', scheduleOf({ kind: 'at', at: 'tomorrow 9am' })),
  },
  {
    id: 'every-zero',
    rule: /everyMs is 0/,
    real: 'refused',
    jobs: variantOf('every-zero', scheduleOf({ kind: 'every', everyMs: 0 })),
  },
  {
    id: 'every-fraction',
    rule: /everyMs is 1500\.5/,
    real: 'refused',
    jobs: variantOf('every-fraction', scheduleOf({ kind: 'every', everyMs: 1500.5 })),
  },
  {
    id: 'every-anchor-negative',
    rule: /anchorMs is -1/,
    real: 'refused',
    jobs: variantOf('every-anchor-negative', scheduleOf({ kind: 'every', everyMs: 3_600_000, anchorMs: -1 })),
  },
  {
    id: 'expr-four-fields',
    rule: /has 4 fields/,
    real: 'refused',
    jobs: variantOf('expr-four-fields', scheduleOf({ kind: 'cron', expr: '0 9 * *', tz: 'Asia/Tokyo' })),
  },
  {
    id: 'expr-out-of-range',
    rule: /does not parse with croner/,
    real: 'refused',
    jobs: variantOf('expr-out-of-range', scheduleOf({ kind: 'cron', expr: '0 25 * * *', tz: 'Asia/Tokyo' })),
  },
  {
    id: 'expr-never-fires',
    rule: /never fires|does not parse/,
    real: 'accepted',
    jobs: variantOf('expr-never-fires', scheduleOf({ kind: 'cron', expr: '0 0 30 2 *', tz: 'UTC' })),
  },
  {
    id: 'expr-empty',
    rule: /schedule\.expr is empty/,
    real: 'refused',
    jobs: variantOf('expr-empty', scheduleOf({ kind: 'cron', expr: '', tz: 'UTC' })),
  },
  {
    id: 'tz-unknown',
    rule: /is not an IANA time zone/,
    real: 'refused',
    jobs: variantOf('tz-unknown', scheduleOf({ kind: 'cron', expr: '0 9 * * *', tz: 'Mars/Olympus_Mons' })),
  },
  {
    id: 'stagger-negative',
    rule: /staggerMs is -5/,
    real: 'accepted',
    jobs: variantOf('stagger-negative', scheduleOf({ kind: 'cron', expr: '0 9 * * *', tz: 'UTC', staggerMs: -5 })),
  },
  {
    id: 'schedule-kind-unknown',
    rule: /schedule\.kind is "weekly"/,
    real: 'refused',
    jobs: variantOf('schedule-kind-unknown', scheduleOf({ kind: 'weekly' })),
  },
  {
    id: 'session-target-unknown',
    rule: /sessionTarget is "elsewhere"/,
    real: 'accepted',
    jobs: variantOf('session-target-unknown', (j) => (j.sessionTarget = 'elsewhere')),
  },
  {
    id: 'wake-mode-unknown',
    rule: /wakeMode is "later"/,
    real: 'accepted',
    jobs: variantOf('wake-mode-unknown', (j) => (j.wakeMode = 'later')),
  },
  {
    id: 'payload-kind-unknown',
    rule: /payload\.kind is "shellCommand"/,
    real: 'refused',
    jobs: variantOf('payload-kind-unknown', (j) => (j.payload = { kind: 'shellCommand', message: 'ls' })),
  },
  {
    id: 'main-with-agent-turn',
    rule: /sessionTarget "main" requires payload\.kind "systemEvent"/,
    real: 'refused',
    jobs: variantOf('main-with-agent-turn', (j) => {
      j.sessionTarget = 'main';
      delete j.delivery;
    }),
  },
  {
    id: 'isolated-with-system-event',
    rule: /sessionTarget "isolated" requires payload\.kind "agentTurn"/,
    real: 'refused',
    jobs: variantOf('isolated-with-system-event', (j) => (j.payload = { kind: 'systemEvent', text: 'wake up' })),
  },
  {
    id: 'system-event-empty',
    rule: /payload\.text is empty/,
    real: 'refused',
    jobs: variantOf('system-event-empty', (j) => {
      mainSystemEvent(j);
      j.payload = { kind: 'systemEvent', text: '' };
    }),
  },
  {
    id: 'agent-turn-empty',
    rule: /payload\.message is empty/,
    real: 'refused',
    jobs: variantOf('agent-turn-empty', payloadField('message', '')),
  },
  {
    id: 'timeout-negative',
    rule: /timeoutSeconds is -1/,
    real: 'accepted',
    jobs: variantOf('timeout-negative', payloadField('timeoutSeconds', -1)),
  },
  {
    id: 'model-empty',
    rule: /payload\.model is empty/,
    real: 'accepted',
    jobs: variantOf('model-empty', payloadField('model', '')),
  },
  {
    id: 'thinking-empty',
    rule: /payload\.thinking is empty/,
    real: 'accepted',
    jobs: variantOf('thinking-empty', payloadField('thinking', '')),
  },
  {
    id: 'enabled-string',
    rule: /enabled is "yes"/,
    real: 'accepted',
    jobs: variantOf('enabled-string', (j) => (j.enabled = 'yes')),
  },
  {
    id: 'agent-id-empty',
    rule: /agentId is empty/,
    real: 'accepted',
    jobs: variantOf('agent-id-empty', (j) => (j.agentId = '')),
  },
  {
    id: 'announce-on-main',
    rule: /only supported for sessionTarget "isolated"/,
    real: 'refused',
    jobs: variantOf('announce-on-main', (j) => {
      mainSystemEvent(j);
      j.delivery = { mode: 'announce', channel: 'discord', to: 'channel:100000000000000002' };
    }),
  },
  {
    id: 'announce-channel-not-enabled',
    rule: /is not an enabled channel/,
    real: 'accepted',
    jobs: variantOf(
      'announce-channel-not-enabled',
      isolatedAnnounce({ mode: 'announce', channel: 'slack', to: 'channel:C123' }),
    ),
  },
  {
    id: 'announce-discord-without-to',
    rule: /announce to discord needs delivery\.to/,
    real: 'accepted',
    jobs: variantOf('announce-discord-without-to', isolatedAnnounce({ mode: 'announce', channel: 'discord' })),
  },
  {
    id: 'announce-discord-bare-id',
    rule: /is a bare id/,
    real: 'accepted',
    jobs: variantOf(
      'announce-discord-bare-id',
      isolatedAnnounce({ mode: 'announce', channel: 'discord', to: '100000000000000002' }),
    ),
  },
  {
    id: 'announce-discord-not-a-target',
    rule: /is not a Discord target/,
    real: 'accepted',
    jobs: variantOf(
      'announce-discord-not-a-target',
      isolatedAnnounce({ mode: 'announce', channel: 'discord', to: 'general' }),
    ),
  },
  {
    id: 'announce-discord-not-configured',
    rule: /Discord is not configured/,
    real: 'accepted',
    jobs: variantOf(
      'announce-discord-not-configured',
      isolatedAnnounce({ mode: 'announce', channel: 'discord', to: 'channel:100000000000000002' }),
    ),
    context: { discordConfigured: false },
  },
  {
    id: 'delivery-mode-unknown',
    rule: /delivery\.mode is "email"/,
    real: 'refused',
    jobs: variantOf('delivery-mode-unknown', isolatedAnnounce({ mode: 'email', to: 'ops' })),
  },
  {
    id: 'webhook-not-a-url',
    rule: /is not a URL/,
    real: 'refused',
    jobs: variantOf('webhook-not-a-url', webhookTo('cron-receiver')),
  },
  {
    id: 'webhook-ftp',
    rule: /has scheme "ftp:"/,
    real: 'refused',
    jobs: variantOf('webhook-ftp', webhookTo('ftp://cron-receiver.example.com/openclaw/cron')),
  },
  {
    id: 'webhook-userinfo',
    rule: /embeds credentials/,
    real: 'accepted',
    jobs: variantOf('webhook-userinfo', webhookTo('https://user:secret@cron-receiver.example.com/openclaw/cron')),
  },
  {
    id: 'webhook-token-in-query',
    rule: /look like credentials/,
    real: 'accepted',
    jobs: variantOf('webhook-token-in-query', webhookTo('https://cron-receiver.example.com/openclaw/cron?token=fake')),
  },
  {
    id: 'webhook-discord-url',
    rule: /is a Discord webhook URL/,
    real: 'accepted',
    jobs: variantOf('webhook-discord-url', webhookTo('https://discord.com/api/webhooks/1/fake')),
  },
  {
    id: 'webhook-plain-http',
    rule: /uses http:\/\/ to a host outside the cluster/,
    real: 'accepted',
    jobs: variantOf('webhook-plain-http', webhookTo('http://cron-receiver.example.com/openclaw/cron')),
  },
  {
    id: 'webhook-port-closed',
    rule: /port 8443 is not open/,
    real: 'accepted',
    jobs: variantOf('webhook-port-closed', webhookTo('https://cron-receiver.example.com:8443/openclaw/cron')),
  },
  {
    id: 'webhook-localhost',
    rule: /blocked by the SSRF guard/,
    real: 'accepted',
    jobs: variantOf('webhook-localhost', webhookTo('http://localhost:8080/openclaw/cron')),
  },
  {
    id: 'webhook-cluster-service',
    rule: /blocked by the SSRF guard/,
    real: 'accepted',
    jobs: variantOf(
      'webhook-cluster-service',
      webhookTo('http://cron-receiver.monitoring.svc.cluster.local:8080/openclaw/cron'),
    ),
  },
  {
    id: 'webhook-token-not-configured',
    rule: /webhook delivery needs cron\.webhookToken/,
    real: 'accepted',
    jobs: variantOf('webhook-token-not-configured', () => undefined),
    context: { webhookTokenConfigured: false },
  },
  {
    id: 'allow-insecure-http-without-webhook',
    rule: /allowInsecureHttp is set but delivery\.mode is not "webhook"/,
    real: 'accepted',
    jobs: variantOf('allow-insecure-http-without-webhook', (j) => {
      j.delivery = { mode: 'none' };
      j.allowInsecureHttp = true;
    }),
  },
  {
    id: 'receiver-without-webhook',
    rule: /receiver is set but delivery\.mode is not "webhook"/,
    real: 'accepted',
    jobs: variantOf('receiver-without-webhook', (j) => {
      j.delivery = { mode: 'none' };
      j.receiver = { namespace: 'monitoring', podLabels: { app: 'cron-receiver' }, port: 8080 };
    }),
  },
  {
    id: 'receiver-for-external-host',
    rule: /receiver is set but delivery\.to host "cron-receiver\.example\.com" is not in the cluster/,
    real: 'accepted',
    jobs: variantOf('receiver-for-external-host', (j) => {
      j.delivery = { mode: 'webhook', to: 'https://cron-receiver.example.com/openclaw/cron' };
      j.receiver = { namespace: 'monitoring', podLabels: { app: 'cron-receiver' }, port: 8080 };
    }),
  },
  // The two in-cluster receiver rules apply only before the SSRF guard (OpenClaw < 2026.2.19): ours
  // is evaluated as for 2026.2.17; the real 2026.2.19 cron.add still gets the same job.
  {
    id: 'in-cluster-without-receiver',
    rule: /is in the cluster but receiver is not set/,
    real: 'accepted',
    jobs: variantOf(
      'in-cluster-without-receiver',
      webhookTo('http://cron-receiver.monitoring.svc.cluster.local:8080/openclaw/cron'),
    ),
    context: { openclawVersion: OpenClawVersion.parse('2026.2.17') },
  },
  {
    id: 'in-cluster-receiver-bad-port',
    rule: /receiver\.port is 0/,
    real: 'accepted',
    jobs: variantOf('in-cluster-receiver-bad-port', (j) => {
      j.delivery = { mode: 'webhook', to: 'http://cron-receiver.monitoring.svc.cluster.local:8080/openclaw/cron' };
      j.receiver = { namespace: 'monitoring', podLabels: { app: 'cron-receiver' }, port: 0 };
    }),
    context: { openclawVersion: OpenClawVersion.parse('2026.2.17') },
  },
];

// ---------------------------------------------------------------------------------------------
describe('cron webhook end to end', () => {
  const tokenVar = findEnvPlaceholders(synthesizedConfig).find((p) => p.path === 'cron.webhookToken')?.name;
  let deliveredJobId = '';
  let blockedJobId = '';

  const webhookJob = (name: string, to: string): Record<string, unknown> => ({
    name,
    enabled: false,
    schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'Asia/Tokyo' },
    sessionTarget: 'isolated',
    wakeMode: 'next-heartbeat',
    payload: { kind: 'agentTurn', message: 'Generate daily usage report.' },
    delivery: { mode: 'webhook', to },
  });

  it('cron run POSTs the finished event with the Bearer token to the receiver (through the reserved name)', async () => {
    expect(tokenVar, 'cron.webhookToken is a ${VAR} in the synthesized config').toBeDefined();
    const added = (await gw.rpc(
      'cron.add',
      webhookJob('webhook probe', `http://${RESERVED_HOST}:${gw.webhook.port}/openclaw/cron`),
    )) as { id: string };
    deliveredJobId = added.id;
    // RPC, as the CLI's `cron run` sends it (the CLI itself is tested with apply-cron-jobs.sh above)
    const ran = (await gw.rpc('cron.run', { id: deliveredJobId, mode: 'force' })) as Record<string, unknown>;
    expect(ran).toMatchObject({ ok: true, ran: true });
    const request = await gw.webhook.waitFor((r) => r.url === '/openclaw/cron', 120_000, 'the cron webhook POST');
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe(`Bearer ${gw.env[tokenVar as string]}`);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    expect(body).toMatchObject({ jobId: deliveredJobId, action: 'finished', status: 'ok', summary: FAKE_REPLY });
    expect(typeof body.runAtMs).toBe('number');
    expect(typeof body.durationMs).toBe('number');
    expect(String(body.sessionKey)).toMatch(
      new RegExp(`^agent:[^:]+:cron:${deliveredJobId}:run:${String(body.sessionId)}$`),
    );
    // the documented fields and nothing else (the run log adds ts; the shipper adds kind)
    const documented = new Set<string>(CRON_RUN_JSON_LABELS.filter((k) => k !== 'ts' && k !== 'kind'));
    const flat = Object.entries(body).flatMap(([key, value]) =>
      value !== null && typeof value === 'object' ? Object.keys(value).map((inner) => `${key}_${inner}`) : [key],
    );
    expect(flat.filter((key) => !documented.has(key))).toEqual([]);
    // the preload redirected the reserved name in the gateway process
    expect(
      gw.preloadEvents().some((e) => e.event === 'redirect' && e.host === RESERVED_HOST && e.port === gw.webhook.port),
    ).toBe(true);
  }, 180_000);

  it('a private target is refused by the real SSRF guard, and the shipped log line fires the LogQL alert', async () => {
    const added = (await gw.rpc(
      'cron.add',
      webhookJob('blocked probe', `http://localhost:${gw.webhook.port}/blocked`),
    )) as { id: string };
    blockedJobId = added.id;
    await gw.rpc('cron.run', { id: blockedJobId, mode: 'force' });
    const line = await until('the SSRF guard line in the file log', 120_000, () => {
      let text = '';
      try {
        text = readFileSync(gw.logFile, 'utf8');
      } catch {
        return undefined;
      }
      return text.split('\n').find((l) => l.includes(CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD) && l.includes(blockedJobId));
    });
    expect(line).toContain(CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD);
    expect(gw.webhook.requests.filter((r) => r.url === '/blocked')).toEqual([]);

    const stream: LogStream = {
      labels: {
        namespace: OPENCLAW_NAMESPACE,
        container: RUN_LOG_SHIPPER_CONTAINER,
        pod: 'openclaw-test',
        job: 'openclaw/openclaw-test',
      },
      lines: shipOnce(join(gw.dirs.state, 'cron', 'runs'), gw.dirs.logs),
    };
    const rule = app.alerting.rules.find((r) => r.name === OPENCLAW_ALERT_NAMES.webhookBlockedBySsrfGuard);
    expect(rule).toBeDefined();
    // evaluated at the gateway's time (its clock runs ahead: clockWarp), just after the last line
    const at = Math.max(Date.now(), ...stream.lines.map((l) => l.timeMs));
    const firing = evaluateAlert(rule?.expr as string, [stream], at);
    expect(firing).toEqual([{ labels: { jobId: blockedJobId }, value: 1 }]);
    const failed = app.alerting.rules.find((r) => r.name === OPENCLAW_ALERT_NAMES.webhookDeliveryFailed);
    expect(evaluateAlert(failed?.expr as string, [stream], at)).toEqual([]);
    // the delivered job's run is in the shipped run log too
    expect(stream.lines.some((l) => l.line.includes('"kind":"cron_run"') && l.line.includes(deliveredJobId))).toBe(
      true,
    );
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
describe('metrics from the real gateway', () => {
  // The only catalog metrics a loopback gateway cannot record: Telegram webhook mode needs
  // Telegram's servers to deliver updates.
  const unreachable = (id: string): boolean => metricByOtlpName(id).conditions.includes('telegramWebhookMode');
  const expected = RECORDABLE_METRICS.filter((m) => !unreachable(m.name));
  let captured: ReturnType<typeof decodeOtlpExports>;
  let stuckExport = -1;
  let queryTime = 0;
  const twoStuckHeartbeats = (metrics: ReturnType<typeof decodeOtlpExports>): boolean =>
    metrics
      .filter((m) => m.name === 'openclaw.session.stuck_age_ms')
      .some((m) => m.points.some((p) => (p.histogram?.count ?? 0) >= 2));

  beforeAll(async () => {
    await traffic;
    // stuck-session metrics: a run 120 s in `processing`, seen by two heartbeats (30 s apart)
    try {
      await until('two stuck-session heartbeats', 240_000, () => {
        stuckExport = gw.otlp.requests.findIndex((request) => twoStuckHeartbeats(decodeOtlpExports([request])));
        return stuckExport >= 0 ? true : undefined;
      });
    } catch (error) {
      const seen = summarizeMetrics(decodeOtlpExports(gw.otlp.requests));
      throw new Error(
        `${(error as Error).message}\nmodel requests: ${gw.model.requests.length}; metrics so far: ${seen.map((m) => `${m.name} ${JSON.stringify(m.attributes)}`).join('; ')}`,
      );
    }
    await until('one more export after the stuck-session heartbeats', 60_000, () =>
      gw.otlp.requests.length > stuckExport + 1 ? true : undefined,
    );
    captured = decodeOtlpExports(gw.otlp.requests);
    // The queries are evaluated one export after the heartbeats, in the gateway's clock: the chat
    // runs are then inside the 5 m rate windows however long the cron tests before took (the
    // gateway's clock runs ahead of real time: clockWarp).
    queryTime = lastSampleSeconds(decodeOtlpExports(gw.otlp.requests.slice(0, stuckExport + 2)));
  }, 400_000);

  it('exports exactly the catalog metrics, with its types, units, descriptions and attribute keys', () => {
    const summaries = summarizeMetrics(captured);
    process.stdout.write(
      `captured metrics:\n${summaries.map((s) => `${s.name}\t${s.type}\tunit=${s.unit}\t${JSON.stringify(s.attributes)}`).join('\n')}\n`,
    );
    expect(summaries.map((s) => s.name)).toEqual(expected.map((m) => m.name));
    for (const summary of summaries) {
      const metric = metricByOtlpName(summary.name);
      expect(
        {
          type: summary.type,
          unit: summary.unit,
          description: summary.description,
          temporality: summary.temporality,
          scopes: summary.scopes,
        },
        summary.name,
      ).toEqual({
        type: metric.type,
        unit: metric.unit,
        description: metric.description,
        temporality: 'cumulative',
        scopes: ['openclaw'],
      });
      expect(Object.keys(summary.attributes).sort(), summary.name).toEqual([...attributeKeysOf(metric)].sort());
      for (const keySet of summary.keySets) {
        const keys = JSON.parse(keySet) as string[];
        for (const required of metric.attributes) expect(keys, `${summary.name} point ${keySet}`).toContain(required);
      }
      for (const [key, values] of Object.entries(summary.attributes)) {
        const attribute = ATTRIBUTES[key as keyof typeof ATTRIBUTES];
        if (!attribute.openEnded)
          for (const value of values) expect(attribute.knownValues, `${summary.name} ${key}`).toContain(value);
      }
    }
  });

  it('carries service.name and the SDK resource attributes the catalog lists', () => {
    const keys = [...new Set(captured.flatMap((m) => Object.keys(m.resource)))].sort();
    expect(keys).toEqual([RESOURCE_ATTR.serviceName, ...SDK_RESOURCE_ATTRIBUTES].sort());
  });

  describe('in the test Prometheus', () => {
    let prometheus: PrometheusHarness;

    beforeAll(async () => {
      prometheus = await startPrometheusHarness({
        openMetrics: capturedOpenMetrics(captured, namer),
        evalTime: queryTime,
      });
    }, 120_000);

    afterAll(async () => {
      await prometheus?.stop();
    });

    it('answers every dashboard PromQL query with data from the real samples', async () => {
      const queries = app.dashboard.dashboard.queries
        .filter((q) => q.language === 'promql')
        .map((q) => ({ name: `${q.row} / ${q.panel} / ${q.refId}`, expr: q.expr }));
      expect(queries.length).toBeGreaterThan(0);
      await assertQueriesReturnData(prometheus, queries);
    });

    it('answers every series selector of every PromQL alert with data from the real samples', async () => {
      // kube-state-metrics, not OpenClaw, provides these
      const external = ['kube_deployment_status_replicas_available'];
      const selectors = app.alerting.rules
        .filter((rule) => rule.language === 'promql')
        .flatMap((rule) => vectorSelectors(rule.expr).map((expr) => ({ name: `${rule.name}: ${expr}`, expr })))
        .filter((query) => !external.some((name) => query.expr.startsWith(name)));
      expect(selectors.length).toBeGreaterThan(0);
      await assertQueriesReturnData(prometheus, selectors);
      for (const rule of app.alerting.rules.filter((r) => r.language === 'promql')) {
        await expect(prometheus.query(rule.expr), rule.name).resolves.toBeDefined();
      }
    });
  });
});
