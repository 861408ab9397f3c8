import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { dailyUsageReportDiscordJob, dailyUsageReportWebhookJob } from '../../lib/cron/usage-report-jobs';
import {
  assertValidCronJobs,
  isIso8601Instant,
  isRecurringTopOfHour,
  validateCronJobs,
  type CronValidationContext,
} from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
  discordConfigured: true,
  enabledChannels: ['discord'],
};

const isolated: CronJobDeclaration = {
  name: 'isolated job',
  schedule: { kind: 'cron', expr: '30 8 * * *', tz: 'UTC' },
  sessionTarget: 'isolated',
  wakeMode: 'now',
  payload: { kind: 'agentTurn', message: 'hello' },
  delivery: { mode: 'none' },
};

const main: CronJobDeclaration = {
  name: 'main job',
  schedule: { kind: 'every', everyMs: 60_000 },
  sessionTarget: 'main',
  wakeMode: 'next-heartbeat',
  payload: { kind: 'systemEvent', text: 'tick' },
};

const webhook = (to: string, extra: Partial<CronJobDeclaration> = {}): CronJobDeclaration => ({
  ...isolated,
  name: 'webhook job',
  delivery: { mode: 'webhook', to },
  ...extra,
});

const discord = (to: string | undefined): CronJobDeclaration => ({
  ...isolated,
  name: 'discord job',
  delivery: { mode: 'announce', channel: 'discord', to },
});

/** Declarations that break exactly one rule, with a fragment of the one expected message. */
const invalid: ReadonlyArray<[string, CronJobDeclaration, string]> = [
  ['empty name', { ...isolated, name: '  ' }, 'cron job #1 (unnamed): name is empty'],
  [
    'at not ISO-8601',
    { ...main, schedule: { kind: 'at', at: 'tomorrow 9am' } },
    'schedule.at "tomorrow 9am" is not an ISO-8601 date-time',
  ],
  [
    'at on a day the month lacks',
    { ...main, schedule: { kind: 'at', at: '2026-02-30T09:00:00' } },
    'schedule.at "2026-02-30T09:00:00" is not an ISO-8601',
  ],
  [
    'everyMs zero',
    { ...main, schedule: { kind: 'every', everyMs: 0 } },
    'schedule.everyMs is 0: expected an integer number of milliseconds ≥ 1',
  ],
  ['everyMs fractional', { ...main, schedule: { kind: 'every', everyMs: 1.5 } }, 'schedule.everyMs is 1.5'],
  [
    'anchorMs negative',
    { ...main, schedule: { kind: 'every', everyMs: 1000, anchorMs: -1 } },
    'schedule.anchorMs is -1',
  ],
  [
    'cron expr unparsable',
    { ...isolated, schedule: { kind: 'cron', expr: '61 * * * *', tz: 'UTC' } },
    'schedule.expr "61 * * * *" does not parse with croner',
  ],
  [
    'cron expr with 7 fields',
    { ...isolated, schedule: { kind: 'cron', expr: '0 0 9 * * * 2027', tz: 'UTC' } },
    'schedule.expr "0 0 9 * * * 2027" has 7 fields: expected 5',
  ],
  [
    'cron expr that never fires',
    { ...isolated, schedule: { kind: 'cron', expr: '0 0 30 2 *', tz: 'UTC' } },
    'schedule.expr "0 0 30 2 *" never fires',
  ],
  ['cron expr empty', { ...isolated, schedule: { kind: 'cron', expr: ' ', tz: 'UTC' } }, 'schedule.expr is empty'],
  [
    'tz not IANA',
    { ...isolated, schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'Mars/Olympus' } },
    'schedule.tz "Mars/Olympus" is not an IANA time zone',
  ],
  [
    'staggerMs negative',
    { ...isolated, schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'UTC', staggerMs: -5 } },
    'schedule.staggerMs is -5',
  ],
  [
    'main with agentTurn',
    { ...main, payload: { kind: 'agentTurn', message: 'x' } },
    'sessionTarget "main" requires payload.kind "systemEvent" (received "agentTurn")',
  ],
  [
    'isolated with systemEvent',
    { ...isolated, payload: { kind: 'systemEvent', text: 'x' } },
    'sessionTarget "isolated" requires payload.kind "agentTurn" (received "systemEvent")',
  ],
  [
    'unknown sessionTarget',
    { ...main, sessionTarget: 'shared' as never },
    'sessionTarget is "shared": expected "main" or "isolated"',
  ],
  [
    'unknown wakeMode',
    { ...main, wakeMode: 'later' as never },
    'wakeMode is "later": expected "now" or "next-heartbeat"',
  ],
  ['empty systemEvent text', { ...main, payload: { kind: 'systemEvent', text: '' } }, 'payload.text is empty'],
  [
    'empty agentTurn message',
    { ...isolated, payload: { kind: 'agentTurn', message: ' ' } },
    'payload.message is empty',
  ],
  [
    'negative timeoutSeconds',
    { ...isolated, payload: { kind: 'agentTurn', message: 'x', timeoutSeconds: -1 } },
    'payload.timeoutSeconds is -1',
  ],
  [
    'announce on a main job',
    { ...main, delivery: { mode: 'announce', channel: 'discord', to: 'channel:1' } },
    'delivery.mode "announce" is only supported for sessionTarget "isolated"',
  ],
  [
    'none with a target on a main job',
    { ...main, delivery: { mode: 'none', channel: 'discord', to: 'channel:1' } },
    'delivery.mode "none" is only supported for sessionTarget "isolated"',
  ],
  [
    'discord bare id',
    discord('123456789012345678'),
    'delivery.to "123456789012345678" is a bare id: expected "channel:123456789012345678" for a channel (or "user:123456789012345678" for a DM)',
  ],
  ['discord empty to', discord(''), 'announce to discord needs delivery.to (received "")'],
  ['discord missing to', discord(undefined), 'announce to discord needs delivery.to (received nothing)'],
  ['discord mention form', discord('<@123>'), 'delivery.to "<@123>" is not a Discord target'],
  ['discord non-numeric id', discord('channel:general'), 'delivery.to "channel:general" is not a Discord target'],
  [
    'announce to a channel that is not enabled',
    { ...isolated, delivery: { mode: 'announce', channel: 'Slack', to: 'C123' } },
    'delivery.channel "slack" is not an enabled channel (enabled: discord)',
  ],
  ['webhook to not a URL', webhook('receiver/cron'), 'delivery.to "receiver/cron" is not a URL'],
  [
    'webhook to ftp',
    webhook('ftp://files.example.com/x'),
    'has scheme "ftp:": webhook mode requires http:// or https://',
  ],
  [
    'webhook http to the internet',
    webhook('http://cron.example.com/hook'),
    'uses http:// to a host outside the cluster',
  ],
  [
    'webhook to a Discord webhook URL',
    webhook('https://discord.com/api/webhooks/123/abc'),
    'delivery.to is a Discord webhook URL: OpenClaw POSTs the generic cron "finished" event JSON',
  ],
  [
    'webhook on a closed port',
    webhook('https://cron.example.com:8443/hook'),
    "delivery.to port 8443 is not open for internet egress (open: 80, 443): the gateway's NetworkPolicy would block the POST",
  ],
  [
    'webhook with credentials in the URL',
    webhook('https://user:placeholder-pass@cron.example.com/hook'),
    'embeds credentials',
  ],
  [
    'webhook with a token in the query string',
    webhook('https://cron.example.com/hook?source=openclaw&access_token=placeholder'),
    'delivery.to carries query parameter(s) "access_token" that look like credentials',
  ],
  [
    'webhook to a Service (SSRF, 2026.2.19)',
    webhook('http://cron-receiver.monitoring.svc.cluster.local:8080/hook'),
    'is blocked by the SSRF guard of OpenClaw 2026.2.19',
  ],
  [
    'webhook to a private IP (SSRF, 2026.2.19)',
    webhook('https://10.0.0.5/hook'),
    'delivery.to host "10.0.0.5" is blocked by the SSRF guard',
  ],
  [
    'webhook to metadata.google.internal (SSRF)',
    webhook('http://metadata.google.internal/computeMetadata'),
    'hostname "metadata.google.internal" is on the guard\'s blocklist',
  ],
  [
    'allowInsecureHttp without webhook',
    { ...isolated, allowInsecureHttp: true },
    'allowInsecureHttp is set but delivery.mode is not "webhook"',
  ],
  [
    'receiver without webhook',
    { ...isolated, receiver: { namespace: 'ns', podLabels: { app: 'rx' }, port: 8080 } },
    'receiver is set but delivery.mode is not "webhook"',
  ],
  [
    'receiver for a public host',
    webhook('https://cron.example.com/hook', { receiver: { namespace: 'ns', podLabels: { app: 'rx' }, port: 8080 } }),
    'receiver is set but delivery.to host "cron.example.com" is not in the cluster',
  ],
  ['empty agentId', { ...isolated, agentId: '' }, 'agentId is empty'],
  [
    'unknown job key',
    { ...isolated, maxRetries: 3 } as never,
    'maxRetries is not a key cron.add accepts: expected only "agentId"',
  ],
  [
    'unknown schedule key',
    { ...isolated, schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'UTC', jitterMs: 5 } } as never,
    'schedule.jitterMs is not a key cron.add accepts: expected only "expr", "kind", "staggerMs", "tz"',
  ],
  [
    'schedule key of another kind',
    { ...main, schedule: { kind: 'every', everyMs: 1000, tz: 'UTC' } } as never,
    'schedule.tz is not a key cron.add accepts',
  ],
  [
    'unknown payload key',
    { ...main, payload: { kind: 'systemEvent', text: 'x', model: 'm' } } as never,
    'payload.model is not a key cron.add accepts: expected only "kind", "text"',
  ],
  [
    'unknown delivery key',
    { ...isolated, delivery: { mode: 'none', retries: 2 } } as never,
    'delivery.retries is not a key cron.add accepts: expected only "bestEffort", "channel", "mode", "to"; openclaw rejects the whole job ("invalid cron.add params")',
  ],
];

describe('validateCronJobs', () => {
  it.each(invalid)('fails for %s', (_title, job, expected) => {
    const result = validateCronJobs([job], ctx);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(expected);
    expect(result.errors[0]).toMatch(/^cron job /);
    expect(result.errors[0]).not.toMatch(/\.$/);
  });

  it('gives every invalid declaration a distinct message', () => {
    const messages = invalid.map(([, job]) => validateCronJobs([job], ctx).errors[0]);
    expect(new Set(messages).size).toBe(invalid.length);
  });

  it('fails for duplicate names and names both positions', () => {
    const result = validateCronJobs([isolated, { ...isolated }], ctx);
    expect(result.errors).toEqual([
      'cron job "isolated job": duplicate name (jobs #1 and #2): jobs are upserted by name, so the later one would overwrite the earlier; give each job a unique name',
    ]);
  });

  it('fails for a webhook job when cron.webhookToken is not configured', () => {
    const result = validateCronJobs([webhook('https://cron.example.com/hook')], {
      ...ctx,
      webhookTokenConfigured: false,
    });
    expect(result.errors).toEqual([
      'cron job "webhook job": webhook delivery needs cron.webhookToken so the receiver can authenticate the POST: set cron.webhookToken: "${OPENCLAW_CRON_WEBHOOK_TOKEN}" in openclaw.json and provide the env var from a Secret',
    ]);
  });

  it('fails for announce to discord when Discord is not configured', () => {
    const result = validateCronJobs([discord('channel:1')], { ...ctx, discordConfigured: false });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /announce to discord but Discord is not configured: set channels\.discord\.token \(e\.g\. "\$\{DISCORD_BOT_TOKEN\}"\) and plugins\.entries\.discord\.enabled: true \(and list discord in plugins\.allow\)$/,
    );
  });

  it('fails for Discord webhook URLs on discordapp.com and versioned API paths too', () => {
    for (const to of [
      'https://discordapp.com/api/v10/webhooks/1/x',
      'https://canary.discord.com/api/webhooks/1/x',
      'https://discord.com./api/webhooks/1/x',
    ]) {
      expect(validateCronJobs([webhook(to)], ctx).errors[0]).toContain('delivery.to is a Discord webhook URL');
    }
    expect(validateCronJobs([webhook('https://discord.com/developers/docs')], ctx).errors).toEqual([]);
  });

  it('does not echo the password of a URL with credentials', () => {
    const result = validateCronJobs([webhook('https://user:placeholder-pass@cron.example.com/hook')], ctx);
    expect(result.errors.join('\n')).not.toContain('placeholder-pass');
  });

  it('explains the silent drop and the public-hostname fix for SSRF-blocked targets', () => {
    const [message] = validateCronJobs(
      [webhook('https://cron-receiver.monitoring.svc.cluster.local/hook')],
      ctx,
    ).errors;
    expect(message).toContain('the POST would be dropped silently');
    expect(message).toContain('"cron: webhook delivery blocked by SSRF guard"');
    expect(message).toContain('public hostname that resolves to public IPs (e.g. a Cloudflare tunnel hostname)');
    expect(message).toContain('ends in ".local"');
  });

  it('reports every error of a job that breaks several rules', () => {
    const job: CronJobDeclaration = {
      ...main,
      schedule: { kind: 'every', everyMs: 0 },
      payload: { kind: 'agentTurn', message: '' },
    };
    expect(validateCronJobs([job], ctx).errors).toHaveLength(3);
  });

  it('throws all errors at once from assertValidCronJobs', () => {
    expect(() =>
      assertValidCronJobs(
        [
          { ...main, wakeMode: 'x' as never },
          { ...isolated, name: '' },
        ],
        ctx,
      ),
    ).toThrow(
      /^invalid cron jobs \(2\):\n- cron job "main job": wakeMode is "x".*\n- cron job #2 \(unnamed\): name is empty/s,
    );
  });
});

describe('the design document examples', () => {
  const jobs = [
    dailyUsageReportWebhookJob('https://cron-receiver.example.com/openclaw'),
    dailyUsageReportDiscordJob('123456789012345678'),
  ];

  it('validate clean with a public https receiver and channel:<id>', () => {
    const result = validateCronJobs(jobs, ctx);
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.egressRequirements).toEqual([
      { kind: 'external', host: 'cron-receiver.example.com', port: 443, jobName: 'Daily usage report' },
    ]);
  });

  it('match the design document (09:00 Asia/Tokyo, isolated, next-heartbeat, bestEffort)', () => {
    const [web, disc] = jobs;
    expect(web).toMatchObject({
      schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'Asia/Tokyo' },
      sessionTarget: 'isolated',
      wakeMode: 'next-heartbeat',
      delivery: { mode: 'webhook', to: 'https://cron-receiver.example.com/openclaw', bestEffort: true },
    });
    expect(disc?.delivery).toEqual({
      mode: 'announce',
      channel: 'discord',
      to: 'channel:123456789012345678',
      bestEffort: true,
    });
    expect(dailyUsageReportDiscordJob('channel:42').delivery?.to).toBe('channel:42');
  });

  it('fails for the webhook example pointed at an in-cluster receiver on 2026.2.19', () => {
    const result = validateCronJobs([dailyUsageReportWebhookJob('http://cron-receiver.monitoring:8080/')], {
      ...ctx,
      clusterServices: [{ name: 'cron-receiver', namespace: 'monitoring' }],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('"cron-receiver.monitoring" is an in-cluster Service name');
  });
});

describe('version-dependent webhook rules', () => {
  const receiver = { namespace: 'monitoring', podLabels: { 'app.kubernetes.io/name': 'cron-receiver' }, port: 8080 };
  const inCluster = webhook('http://cron-receiver.monitoring.svc.cluster.local:80/hook', { receiver });
  const v17 = { ...ctx, openclawVersion: OpenClawVersion.parse('2026.2.17') };

  it('allows an in-cluster receiver on 2026.2.17 and yields an in-cluster egress requirement', () => {
    const result = validateCronJobs([inCluster], v17);
    expect(result.errors).toEqual([]);
    expect(result.egressRequirements).toEqual([
      {
        kind: 'in-cluster',
        namespace: 'monitoring',
        podLabels: { 'app.kubernetes.io/name': 'cron-receiver' },
        port: 8080,
        jobName: 'webhook job',
      },
    ]);
  });

  it('fails for the same job on 2026.2.19 and yields no egress requirement', () => {
    const result = validateCronJobs([inCluster], ctx);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('blocked by the SSRF guard of OpenClaw 2026.2.19');
    expect(result.egressRequirements).toEqual([]);
  });

  it('fails on 2026.2.17 for an in-cluster receiver without receiver, naming what to add', () => {
    const result = validateCronJobs([webhook('http://cron-receiver:8080/hook')], v17);
    expect(result.errors).toEqual([
      'cron job "webhook job": delivery.to host "cron-receiver" is in the cluster but receiver is not set: add receiver: { namespace, podLabels, port } describing the receiver pods so the gateway\'s egress rule can be generated',
    ]);
  });

  it('fails on 2026.2.17 for an incomplete receiver', () => {
    const bad = webhook('http://10.0.0.5:8080/hook', { receiver: { namespace: '', podLabels: {}, port: 70000 } });
    expect(validateCronJobs([bad], v17).errors).toEqual([
      'cron job "webhook job": receiver.namespace is empty: expected the namespace of the receiver pods',
      'cron job "webhook job": receiver.podLabels is an empty object: expected at least one label selecting the receiver pods, e.g. { "app.kubernetes.io/name": "cron-receiver" }',
      'cron job "webhook job": receiver.port is 70000: expected the receiver pods\' container port (1-65535)',
    ]);
  });

  it('needs no egress rule for a loopback receiver on 2026.2.17', () => {
    const result = validateCronJobs([webhook('http://127.0.0.1:9000/hook')], v17);
    expect(result.errors).toEqual([]);
    expect(result.egressRequirements).toEqual([]);
    expect(result.notes[0]).toContain('loopback');
  });
});

describe('external egress requirements', () => {
  it('accepts http:// to the internet with allowInsecureHttp and records port 80', () => {
    const result = validateCronJobs([webhook('http://cron.example.com/hook', { allowInsecureHttp: true })], ctx);
    expect(result.errors).toEqual([]);
    expect(result.egressRequirements).toEqual([
      { kind: 'external', host: 'cron.example.com', port: 80, jobName: 'webhook job' },
    ]);
  });

  it('accepts an extra port once the policy opens it, sorted by job name', () => {
    const b = webhook('https://b.example.com:8443/x', { name: 'b' });
    const a = webhook('https://A.example.com/x', { name: 'a' });
    const result = validateCronJobs([b, a], { ...ctx, externalEgressPorts: [443, 8443] });
    expect(result.errors).toEqual([]);
    expect(result.egressRequirements).toEqual([
      { kind: 'external', host: 'a.example.com', port: 443, jobName: 'a' },
      { kind: 'external', host: 'b.example.com', port: 8443, jobName: 'b' },
    ]);
  });

  it('allows webhook delivery on main jobs', () => {
    const job: CronJobDeclaration = { ...main, delivery: { mode: 'webhook', to: 'https://cron.example.com/x' } };
    expect(validateCronJobs([job], ctx).errors).toEqual([]);
  });
});

describe('notes', () => {
  const cron = (expr: string, extra: { tz?: string; staggerMs?: number } = { tz: 'UTC' }): CronJobDeclaration => ({
    ...isolated,
    name: 'x',
    schedule: { kind: 'cron', expr, ...extra },
  });

  it('makes the top-of-hour stagger visible', () => {
    expect(validateCronJobs([cron('0 * * * *')], ctx).notes).toEqual([
      `cron job "x": schedule '0 * * * *' is top-of-hour; OpenClaw staggers it by up to 5 min (offset from sha256 of the job id); set staggerMs: 0 for exact timing`,
    ]);
    expect(validateCronJobs([cron('0 */2 * * *')], ctx).notes).toHaveLength(1);
    expect(validateCronJobs([cron('0 0 * * * *')], ctx).notes).toHaveLength(1);
  });

  it('has no stagger note for fixed hours or an explicit staggerMs: 0', () => {
    expect(validateCronJobs([cron('0 9 * * *')], ctx).notes).toEqual([]);
    expect(validateCronJobs([cron('0 * * * *', { tz: 'UTC', staggerMs: 0 })], ctx).notes).toEqual([]);
  });

  it('reports an explicit stagger window', () => {
    expect(validateCronJobs([cron('15 9 * * *', { tz: 'UTC', staggerMs: 60000 })], ctx).notes).toEqual([
      `cron job "x": schedule '15 9 * * *' is staggered by up to 60000 ms (offset from sha256 of the job id)`,
    ]);
  });

  it('notes that a one-shot job cannot be re-applied after its instant', () => {
    const result = validateCronJobs([{ ...main, schedule: { kind: 'at', at: '2026-03-01T09:00:00+09:00' } }], {
      ...ctx,
      now: Date.parse('2026-02-20T00:00:00Z'),
    });
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([
      'cron job "main job": one-shot schedule at 2026-03-01T09:00:00+09:00: cron.add and cron.update reject an instant more than 1 min in the past, so applying this declaration fails once it has passed; remove the job from the declarations after it has run',
    ]);
  });

  it('notes a missing tz', () => {
    expect(validateCronJobs([cron('30 9 * * *', {})], ctx).notes).toEqual([
      `cron job "x": schedule '30 9 * * *' has no tz; it runs in the gateway host's time zone (UTC in most containers); set tz (e.g. "Asia/Tokyo") to pin it`,
    ]);
  });

  it('notes the default announce delivery of an isolated job without delivery', () => {
    const { delivery: _omit, ...noDelivery } = isolated;
    const result = validateCronJobs([noDelivery], ctx);
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([
      'cron job "isolated job": no delivery declared; OpenClaw defaults isolated jobs to { mode: "announce" } to the main session\'s last route; declare delivery explicitly to pin it',
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['2026-03-01T09:00:00+09:00', true],
    ['2026-03-01T09:00:00Z', true],
    ['2026-03-01T09:00', true],
    ['2026-03-01', true],
    ['2028-02-29T00:00:00Z', true],
    ['2026-02-29T00:00:00Z', false],
    ['2026-03-01T24:00:00Z', false],
    ['1772236800000', false],
    ['next monday', false],
  ])('isIso8601Instant(%s) is %s', (text, expected) => {
    expect(isIso8601Instant(text)).toBe(expected);
  });

  it.each([
    ['0 * * * *', true],
    ['0 */3 * * *', true],
    ['0 0 */2 * * *', true],
    ['5 0 * * * *', false],
    ['0 9 * * *', false],
    ['0 9-17 * * *', false],
    ['*/5 * * * *', false],
    ['@hourly', false],
  ])('isRecurringTopOfHour(%s) is %s', (expr, expected) => {
    expect(isRecurringTopOfHour(expr)).toBe(expected);
  });
});
