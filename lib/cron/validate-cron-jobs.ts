/**
 * Validation of cron job declarations against what OpenClaw accepts at `cron.add`, what it does
 * at run time (stagger, time zones, the v2026.2.19 SSRF guard) and what the cluster lets through
 * (the gateway's NetworkPolicy). Facts: docs/FACTS.md (OpenClaw).
 */
import { Cron } from 'croner';
import { OpenClawVersion } from '../openclaw/openclaw-version';
import { gateOpen, versionGate } from '../openclaw/version-gates';
import type {
  CronAgentTurnPayload,
  CronDelivery,
  CronExprSchedule,
  CronJobDeclaration,
  CronSchedule,
  CronWebhookReceiver,
} from './cron-job-declaration';
import { classifyWebhookHost, type ClusterServiceRef } from './ssrf-guard';
import type { WebhookEgressRequirement } from './webhook-egress-requirement';
import { describeValue, isNonEmpty } from '../core/describe-value';

/** What {@link validateCronJobs} needs to know about the deployment. */
const ONE_MINUTE_MS = 60_000;
/** OpenClaw's limit: 10 years of 365.25 days. */
const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60 * 1000;

export interface CronValidationContext {
  /** The OpenClaw version the gateway runs. */
  readonly openclawVersion: OpenClawVersion;
  /**
   * The time the jobs are applied (`cron.add`), epoch ms: a one-shot `at` more than 1 minute before
   * it or more than 10 years after it is refused, as OpenClaw's cron.add refuses it.
   * @default Date.now() when validated
   */
  readonly now?: number;
  /** Whether `cron.webhookToken` is set in openclaw.json (as `${OPENCLAW_CRON_WEBHOOK_TOKEN}`). */
  readonly webhookTokenConfigured: boolean;
  /**
   * TCP ports the gateway's NetworkPolicy opens to the internet (today `[80, 443]`); a webhook on
   * another port is an error.
   * @default undefined: the policy is generated from these jobs and opens each webhook's port
   */
  readonly externalEgressPorts?: readonly number[];
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * Services known to exist in the cluster (so that `name.namespace` is recognised as in-cluster).
   * @default []
   */
  readonly clusterServices?: readonly ClusterServiceRef[];
  /**
   * Namespaces of the cluster besides those of `clusterServices`: `<name>.<namespace>` is in-cluster.
   * @default []
   */
  readonly clusterNamespaces?: readonly string[];
  /**
   * Whether the Discord channel is configured and its plugin enabled; `false` makes
   * `announce` to `discord` an error.
   * @default undefined (not checked)
   */
  readonly discordConfigured?: boolean;
  /**
   * Chat channels that are configured and enabled; an `announce` channel outside this list is an
   * error (`last` is always accepted).
   * @default undefined (not checked)
   */
  readonly enabledChannels?: readonly string[];
}

/** The outcome of {@link validateCronJobs}. */
export interface CronValidationResult {
  /** One message per violated rule; each names the job, the rule and the fix. Empty when valid. */
  readonly errors: string[];
  /** Behaviour worth knowing that is not an error (stagger, default time zone, default delivery). */
  readonly notes: string[];
  /** Egress the gateway needs for webhook jobs, sorted by job name. */
  readonly egressRequirements: readonly WebhookEgressRequirement[];
}

/** OpenClaw's default stagger window for recurring top-of-hour expressions (`DEFAULT_TOP_OF_HOUR_STAGGER_MS`). */
export const DEFAULT_TOP_OF_HOUR_STAGGER_MS = 300_000;

const SECRET_QUERY_PARAM = /token|secret|password|passwd|api[-_]?key|signature|^sig$|^key$|^auth$|authorization/i;
const DISCORD_TARGET = /^(channel|user):\d+$/;
const DISCORD_WEBHOOK_HOSTS: readonly string[] = [
  'discord.com',
  'discordapp.com',
  'ptb.discord.com',
  'canary.discord.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
];
const DISCORD_WEBHOOK_PATH = /^\/api(\/v\d+)?\/webhooks\//;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isInteger(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/** `url` as `<scheme>//…@<host><path>?…`: userinfo and query values left out. */
function redactedUrl(url: URL): string {
  const userinfo = url.username !== '' || url.password !== '' ? '…@' : '';
  const query = url.search !== '' ? '?…' : '';
  return `${url.protocol}//${userinfo}${url.host}${url.pathname}${query}`;
}

/** Whether `text` is an ISO-8601 date or date-time with valid calendar fields. */
export function isIso8601Instant(text: string): boolean {
  const m = ISO_8601.exec(text.trim());
  if (!m) {
    return false;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    return false;
  }
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) {
    return false;
  }
  const withZone = m[4] !== undefined && m[7] === undefined ? `${text.trim()}Z` : text.trim();
  return !Number.isNaN(Date.parse(withZone));
}

let canonicalTimeZones: ReadonlySet<string> | undefined;

/**
 * Whether `tz` is an IANA time zone this runtime knows. A canonical name is looked up in the runtime's
 * list (cheap); anything else (an alias such as `UTC` or `US/Eastern`) is tried as a formatter's zone,
 * which loads the locale data (about 15 ms on first use).
 */
export function isValidTimeZone(tz: string): boolean {
  canonicalTimeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
    return true;
  } catch (error) {
    if (error instanceof RangeError) {
      return false;
    }
    throw error;
  }
}

/**
 * Whether OpenClaw applies its default stagger to `expr`: a recurring top-of-hour expression,
 * i.e. minute `0` (and second `0` in 6-field form) with `*` or `*\/n` in the hour field.
 */
export function isRecurringTopOfHour(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  const [minute, hour] =
    fields.length === 6 ? [fields[1], fields[2]] : fields.length === 5 ? [fields[0], fields[1]] : [];
  if (fields.length === 6 && fields[0] !== '0') {
    return false;
  }
  return minute === '0' && hour !== undefined && /^\*(\/\d+)?$/.test(hour);
}

/**
 * The keys `cron.add` of OpenClaw 2026.2.19 accepts (its params schema has additionalProperties false
 * at every level: an unknown key fails the whole call), plus this project's own keys that are never sent.
 */
const JOB_KEYS = [
  'agentId',
  'deleteAfterRun',
  'delivery',
  'description',
  'enabled',
  'name',
  'payload',
  'schedule',
  'sessionKey',
  'sessionTarget',
  'wakeMode',
];
const PROJECT_ONLY_JOB_KEYS = ['allowInsecureHttp', 'receiver'];
const SCHEDULE_KEYS: Readonly<Record<string, readonly string[]>> = {
  at: ['at', 'kind'],
  every: ['anchorMs', 'everyMs', 'kind'],
  cron: ['expr', 'kind', 'staggerMs', 'tz'],
};
const PAYLOAD_KEYS: Readonly<Record<string, readonly string[]>> = {
  systemEvent: ['kind', 'text'],
  agentTurn: [
    'allowUnsafeExternalContent',
    'bestEffortDeliver',
    'channel',
    'deliver',
    'kind',
    'message',
    'model',
    'thinking',
    'timeoutSeconds',
    'to',
  ],
};
const DELIVERY_KEYS = ['bestEffort', 'channel', 'mode', 'to'];

class JobChecker {
  public readonly errors: string[] = [];
  public readonly notes: string[] = [];
  public readonly egress: WebhookEgressRequirement[] = [];

  public constructor(
    private readonly label: string,
    private readonly job: CronJobDeclaration,
    private readonly context: CronValidationContext,
  ) {}

  private error(message: string): void {
    this.errors.push(`${this.label}: ${message}`);
  }

  private note(message: string): void {
    this.notes.push(`${this.label}: ${message}`);
  }

  /** Reports keys `cron.add` does not know (it rejects the whole job with "invalid cron.add params"). */
  private checkKeys(value: unknown, path: string, allowed: readonly string[] | undefined): void {
    if (allowed === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return;
    }
    for (const key of Object.keys(value).sort()) {
      if (!allowed.includes(key)) {
        this.error(
          `${path}${key} is not a key cron.add accepts: expected only ${allowed.map((k) => `"${k}"`).join(', ')}; ` +
            'openclaw rejects the whole job ("invalid cron.add params"), so remove or rename it',
        );
      }
    }
  }

  public check(): void {
    const job = this.job;
    this.checkKeys(job, '', [...JOB_KEYS, ...PROJECT_ONLY_JOB_KEYS].sort());
    this.checkKeys(job.schedule, 'schedule.', SCHEDULE_KEYS[String((job.schedule as { kind?: unknown }).kind)]);
    this.checkKeys(job.payload, 'payload.', PAYLOAD_KEYS[String((job.payload as { kind?: unknown }).kind)]);
    this.checkKeys(job.delivery, 'delivery.', DELIVERY_KEYS);
    if (job.agentId !== undefined && !isNonEmpty(job.agentId)) {
      this.error(`agentId is empty: expected a non-empty agent id; remove agentId to use the default agent`);
    }
    if (job.enabled !== undefined && typeof job.enabled !== 'boolean') {
      this.error(`enabled is ${describeValue(job.enabled)}: expected true or false`);
    }
    this.checkSchedule(job.schedule);
    this.checkSessionAndPayload();
    this.checkDelivery();
  }

  /**
   * OpenClaw's cron.add limits on a one-shot instant (`validateScheduleTimestamp`): not more than
   * 1 minute in the past, not more than 10 years (of 365.25 days) ahead. Reports and returns true
   * when `at` is outside them.
   */
  private atOutOfRange(at: string): boolean {
    const now = this.context.now ?? Date.now();
    const diff = Date.parse(at) - now;
    if (diff < -ONE_MINUTE_MS) {
      this.error(
        `schedule.at ${at} is in the past (received ${Math.floor(-diff / ONE_MINUTE_MS)} minute(s) before ` +
          `${new Date(now).toISOString()}): expected an instant at most 1 minute ago, as cron.add refuses ` +
          `older ones; remove the job once it has run, or move schedule.at forward`,
      );
      return true;
    }
    if (diff > TEN_YEARS_MS) {
      this.error(
        `schedule.at ${at} is too far ahead: expected at most 10 years after ${new Date(now).toISOString()}, ` +
          `as cron.add refuses later ones; use a nearer instant or a recurring schedule`,
      );
      return true;
    }
    return false;
  }

  private checkSchedule(schedule: CronSchedule): void {
    switch (schedule.kind) {
      case 'at':
        if (!isNonEmpty(schedule.at) || !isIso8601Instant(schedule.at)) {
          this.error(
            `schedule.at ${describeValue(schedule.at)} is not an ISO-8601 date-time: expected ` +
              `e.g. "2026-03-01T09:00:00+09:00" (no zone means UTC); fix the timestamp`,
          );
        } else if (this.atOutOfRange(schedule.at)) {
          return;
        } else {
          this.note(
            `one-shot schedule at ${schedule.at}: cron.add and cron.update reject an ` +
              `instant more than 1 min in the past, so applying this declaration fails ` +
              `once it has passed; remove the job from the declarations after it has ` +
              `run`,
          );
        }
        return;
      case 'every':
        if (!isInteger(schedule.everyMs, 1)) {
          this.error(
            `schedule.everyMs is ${describeValue(schedule.everyMs)}: expected an integer ` +
              `number of milliseconds ≥ 1 (e.g. 3600000 for hourly)`,
          );
        }
        if (schedule.anchorMs !== undefined && !isInteger(schedule.anchorMs, 0)) {
          this.error(
            `schedule.anchorMs is ${describeValue(schedule.anchorMs)}: expected an integer ` +
              `epoch-milliseconds value ≥ 0, or omit it to anchor at creation time`,
          );
        }
        return;
      case 'cron':
        this.checkCronExpr(schedule);
        return;
      default:
        this.error(
          `schedule.kind is ${describeValue((schedule as { kind?: unknown }).kind)}: expected "at", "every" or "cron"`,
        );
    }
  }

  private checkCronExpr(schedule: CronExprSchedule): void {
    const tzValid = schedule.tz === undefined || (isNonEmpty(schedule.tz) && isValidTimeZone(schedule.tz));
    if (!tzValid) {
      this.error(
        `schedule.tz ${describeValue(schedule.tz)} is not an IANA time zone: expected a ` +
          `zone such as "Asia/Tokyo" or "UTC"; fix the name or omit tz to use the ` +
          `gateway host's zone`,
      );
    }
    const expr = typeof schedule.expr === 'string' ? schedule.expr.trim() : '';
    const fieldCount = expr.split(/\s+/).length;
    let exprValid = false;
    if (expr === '') {
      this.error(`schedule.expr is empty: expected a cron expression such as "0 9 * * *"`);
    } else if (!expr.startsWith('@') && fieldCount !== 5 && fieldCount !== 6) {
      this.error(
        `schedule.expr "${expr}" has ${fieldCount} fields: expected 5 (minute ` +
          `hour day month weekday) or 6 (with seconds first), as OpenClaw's croner ` +
          `parser takes`,
      );
    } else {
      try {
        const cron = new Cron(expr, { paused: true, timezone: tzValid ? schedule.tz : undefined });
        const next = cron.nextRun();
        cron.stop();
        if (next === null) {
          this.error(
            `schedule.expr "${expr}" never fires (no upcoming run): expected an ` +
              `expression with a future run time; OpenClaw would disable the job`,
          );
        } else {
          exprValid = true;
        }
      } catch (error) {
        this.error(
          `schedule.expr "${expr}" does not parse with croner (` +
            `${error instanceof Error ? error.message : String(error)}): expected a ` +
            `valid 5- or 6-field cron expression such as "0 9 * * *"`,
        );
      }
    }
    if (schedule.staggerMs !== undefined && !isInteger(schedule.staggerMs, 0)) {
      this.error(
        `schedule.staggerMs is ${describeValue(schedule.staggerMs)}: expected an integer ` +
          `number of milliseconds ≥ 0 (0 = exact timing)`,
      );
    }
    if (!exprValid) {
      return;
    }
    if (schedule.tz === undefined) {
      this.note(
        `schedule '${expr}' has no tz; it runs in the gateway host's time zone ` +
          `(UTC in most containers); set tz (e.g. "Asia/Tokyo") to pin it`,
      );
    }
    if (schedule.staggerMs === undefined && isRecurringTopOfHour(expr)) {
      this.note(
        `schedule '${expr}' is top-of-hour; OpenClaw staggers it by up to 5 min ` +
          `(offset from sha256 of the job id); set staggerMs: 0 for exact timing`,
      );
    } else if (typeof schedule.staggerMs === 'number' && schedule.staggerMs > 0) {
      this.note(`schedule '${expr}' is staggered by up to ${schedule.staggerMs} ms (offset from sha256 of the job id)`);
    }
  }

  private checkSessionAndPayload(): void {
    const { sessionTarget, payload, wakeMode } = this.job;
    if (sessionTarget !== 'main' && sessionTarget !== 'isolated') {
      this.error(`sessionTarget is ${describeValue(sessionTarget)}: expected "main" or "isolated"`);
    }
    if (wakeMode !== 'now' && wakeMode !== 'next-heartbeat') {
      this.error(`wakeMode is ${describeValue(wakeMode)}: expected "now" or "next-heartbeat"`);
    }
    if (payload.kind === 'systemEvent') {
      if (!isNonEmpty(payload.text)) {
        this.error(`payload.text is empty: a systemEvent payload needs non-empty text`);
      }
    } else if (payload.kind === 'agentTurn') {
      this.checkAgentTurn(payload);
    } else {
      this.error(
        `payload.kind is ${describeValue((payload as { kind?: unknown }).kind)}: expected "systemEvent" or "agentTurn"`,
      );
      return;
    }
    if (sessionTarget === 'main' && payload.kind !== 'systemEvent') {
      this.error(
        `sessionTarget "main" requires payload.kind "systemEvent" (received "` +
          `${payload.kind}"): use sessionTarget "isolated" for an agentTurn ` +
          `payload, or a systemEvent payload for the main session`,
      );
    }
    if (sessionTarget === 'isolated' && payload.kind !== 'agentTurn') {
      this.error(
        `sessionTarget "isolated" requires payload.kind "agentTurn" (received "` +
          `${payload.kind}"): use sessionTarget "main" for a systemEvent payload, ` +
          `or an agentTurn payload for an isolated run`,
      );
    }
  }

  private checkAgentTurn(payload: CronAgentTurnPayload): void {
    if (!isNonEmpty(payload.message)) {
      this.error(`payload.message is empty: an agentTurn payload needs a non-empty message`);
    }
    if (payload.timeoutSeconds !== undefined && !isInteger(payload.timeoutSeconds, 0)) {
      this.error(
        `payload.timeoutSeconds is ${describeValue(payload.timeoutSeconds)}: expected an ` +
          `integer ≥ 0 (0 = no timeout; omit for the 10 min default)`,
      );
    }
    for (const key of ['model', 'thinking'] as const) {
      const value = payload[key];
      if (value !== undefined && !isNonEmpty(value)) {
        this.error(`payload.${key} is empty: expected a non-empty value, or omit it to use the agent's default`);
      }
    }
  }

  private checkDelivery(): void {
    const { delivery, sessionTarget } = this.job;
    if (delivery?.mode !== 'webhook') {
      if (this.job.allowInsecureHttp === true) {
        this.error(`allowInsecureHttp is set but delivery.mode is not "webhook": remove allowInsecureHttp`);
      }
      if (this.job.receiver !== undefined) {
        this.error(`receiver is set but delivery.mode is not "webhook": remove receiver`);
      }
    }
    if (delivery === undefined) {
      if (sessionTarget === 'isolated') {
        this.note(
          `no delivery declared; OpenClaw defaults isolated jobs to { mode: ` +
            `"announce" } to the main session's last route; declare delivery ` +
            `explicitly to pin it`,
        );
      }
      return;
    }
    switch (delivery.mode) {
      case 'webhook':
        this.checkWebhook(delivery);
        return;
      case 'announce':
      case 'none':
        if (sessionTarget === 'main') {
          this.error(
            `delivery.mode "${delivery.mode}" is only supported for sessionTarget ` +
              `"isolated" (OpenClaw rejects it with "cron channel delivery config is ` +
              `only supported for sessionTarget=isolated"): omit delivery on main ` +
              `jobs, or use mode "webhook"`,
          );
          return;
        }
        if (delivery.mode === 'announce') {
          this.checkAnnounce(delivery);
        }
        return;
      default:
        this.error(
          `delivery.mode is ${describeValue((delivery as { mode?: unknown }).mode)}: ` +
            `expected "none", "announce" or "webhook"`,
        );
    }
  }

  private checkAnnounce(delivery: CronDelivery): void {
    const channel = delivery.channel?.trim().toLowerCase();
    if (channel === undefined || channel === '') {
      this.note(
        `announce has no channel; OpenClaw delivers to the main session's last ` +
          `route and the run fails if there is none; set channel and to`,
      );
      return;
    }
    if (channel !== 'last' && this.context.enabledChannels !== undefined) {
      const enabled = this.context.enabledChannels.map((c) => c.toLowerCase());
      if (!enabled.includes(channel)) {
        this.error(
          `delivery.channel "${channel}" is not an enabled channel (enabled: ` +
            `${enabled.length ? enabled.join(', ') : 'none'}): configure and enable ` +
            `the channel in openclaw.json, or pick one of the enabled channels`,
        );
      }
    }
    if (channel !== 'discord') {
      return;
    }
    if (this.context.discordConfigured === false) {
      this.error(
        `announce to discord but Discord is not configured: set ` +
          `channels.discord.token (e.g. "\${DISCORD_BOT_TOKEN}") and ` +
          `plugins.entries.discord.enabled: true (and list discord in ` +
          `plugins.allow)`,
      );
    }
    const to = delivery.to?.trim() ?? '';
    if (to === '') {
      this.error(
        `announce to discord needs delivery.to (received ${describeValue(delivery.to)}): ` +
          `expected "channel:<id>" for a channel or "user:<id>" for a DM`,
      );
    } else if (/^\d+$/.test(to)) {
      this.error(
        `delivery.to "${to}" is a bare id: expected "channel:${to}" for a ` +
          `channel (or "user:${to}" for a DM); write the prefix explicitly`,
      );
    } else if (!DISCORD_TARGET.test(to)) {
      this.error(
        `delivery.to "${to}" is not a Discord target: expected "channel:<numeric ` +
          `id>" or "user:<numeric id>" (e.g. "channel:123456789012345678")`,
      );
    }
  }

  private checkWebhook(delivery: CronDelivery): void {
    const job = this.job;
    if (!this.context.webhookTokenConfigured) {
      this.error(
        `webhook delivery needs cron.webhookToken so the receiver can ` +
          `authenticate the POST: set cron.webhookToken: ` +
          `"\${OPENCLAW_CRON_WEBHOOK_TOKEN}" in openclaw.json and provide the env ` +
          `var from a Secret`,
      );
    }
    const to = delivery.to?.trim() ?? '';
    let url: URL;
    try {
      url = new URL(to);
    } catch {
      this.error(
        `delivery.to ${describeValue(delivery.to)} is not a URL: webhook mode requires an ` +
          `absolute http(s) URL such as "https://receiver.example.com/cron"`,
      );
      return;
    }
    // Echo the URL without userinfo or query (both may hold a credential), as OpenClaw's own log does.
    const shown = url.username !== '' || url.password !== '' || url.search !== '' ? redactedUrl(url) : to;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      this.error(`delivery.to "${shown}" has scheme "${url.protocol}": webhook mode requires http:// or https://`);
      return;
    }
    if (url.username !== '' || url.password !== '') {
      this.error(
        `delivery.to "${shown}" embeds credentials: they would be stored in ` +
          `cron-jobs.json and jobs.json; remove them and let the receiver check ` +
          `the Authorization: Bearer cron.webhookToken header`,
      );
    }
    const secretParams = [...url.searchParams.keys()].filter((k) => SECRET_QUERY_PARAM.test(k));
    if (secretParams.length > 0) {
      this.error(
        `delivery.to carries query parameter(s) ` +
          `${secretParams.map((k) => `"${k}"`).join(', ')} that look like ` +
          `credentials: they would be stored in cron-jobs.json and jobs.json; ` +
          `remove them and let the receiver check the Authorization: Bearer ` +
          `cron.webhookToken header`,
      );
    }
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (DISCORD_WEBHOOK_HOSTS.includes(host) && DISCORD_WEBHOOK_PATH.test(url.pathname)) {
      this.error(
        `delivery.to is a Discord webhook URL: OpenClaw POSTs the generic cron ` +
          `"finished" event JSON, which Discord rejects (it expects ` +
          `content/embeds); use delivery { mode: "announce", channel: "discord", ` +
          `to: "channel:<id>" } or put a converter (e.g. a Cloudflare Worker) in ` +
          `front`,
      );
      return;
    }
    const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const classification = classifyWebhookHost(url.hostname, {
      clusterDomain: this.context.clusterDomain,
      clusterServices: this.context.clusterServices,
      clusterNamespaces: this.context.clusterNamespaces,
    });
    if (this.context.openclawVersion.isAtLeast(OpenClawVersion.V2026_2_19) && classification.blockedBySsrfGuard) {
      const version = this.context.openclawVersion.toString();
      const blocked =
        `delivery.to host "${classification.host}" is blocked by the SSRF guard of OpenClaw ${version} ` +
        `(${classification.reason ?? 'private target'}): the POST would be dropped silently ` +
        '(only logged as "cron: webhook delivery blocked by SSRF guard")';
      const policy = versionGate('cron-webhook-ssrf-policy');
      if (!gateOpen(policy.id, this.context.openclawVersion)) {
        this.error(
          `${blocked}; expose the receiver at a public hostname that resolves to public IPs ` +
            '(e.g. a Cloudflare tunnel hostname) and use that URL (from OpenClaw ' +
            `${policy.since.toString()} on, cron.webhookSsrfPolicy.allowedHostnames can let an in-cluster ` +
            'receiver through)',
        );
        return;
      }
      if (job.receiver === undefined || !classification.internal) {
        this.error(
          `${blocked} unless the host is in cron.webhookSsrfPolicy.allowedHostnames: for an in-cluster receiver ` +
            'declare receiver: { namespace, podLabels, port } (its host is then rendered into allowedHostnames and ' +
            'the egress rule generated), otherwise use a public hostname',
        );
        return;
      }
      this.note(
        `delivery.to host "${classification.host}" passes the SSRF guard through ` +
          'cron.webhookSsrfPolicy.allowedHostnames (rendered from receiver)',
      );
    }
    if (!classification.internal) {
      if (url.protocol === 'http:' && job.allowInsecureHttp !== true) {
        this.error(
          `delivery.to "${shown}" uses http:// to a host outside the cluster: the ` +
            `payload and the bearer token would cross the internet unencrypted; use ` +
            `https://, or set allowInsecureHttp: true to accept that`,
        );
      }
      const open = this.context.externalEgressPorts;
      if (open !== undefined && !open.includes(port)) {
        this.error(
          `delivery.to port ${port} is not open for internet egress (open: ` +
            `${[...open].sort((a, b) => a - b).join(', ') || 'none'}): the gateway's ` +
            `NetworkPolicy would block the POST; serve the receiver on ` +
            `${open.includes(443) ? '443' : 'an open port'} or add ${port} to the ` +
            `gateway's external egress ports`,
        );
      }
      if (job.receiver !== undefined) {
        this.error(
          `receiver is set but delivery.to host "${classification.host}" is not in ` +
            `the cluster: remove receiver (it only describes in-cluster receivers)`,
        );
      }
      this.egress.push({ kind: 'external', host: classification.host, port, jobName: job.name });
      return;
    }
    if (classification.loopback) {
      this.note(`delivery.to "${shown}" is the gateway pod itself (loopback); no egress rule is needed`);
      return;
    }
    // In-cluster or private target on a version without the SSRF guard.
    if (job.receiver === undefined) {
      this.error(
        `delivery.to host "${classification.host}" is in the cluster but ` +
          `receiver is not set: add receiver: { namespace, podLabels, port } ` +
          `describing the receiver pods so the gateway's egress rule can be ` +
          `generated`,
      );
      return;
    }
    if (this.checkReceiver(job.receiver)) {
      this.egress.push({
        kind: 'in-cluster',
        namespace: job.receiver.namespace,
        podLabels: job.receiver.podLabels,
        port: job.receiver.port,
        jobName: job.name,
      });
    }
  }

  private checkReceiver(receiver: CronWebhookReceiver): boolean {
    let ok = true;
    if (!isNonEmpty(receiver.namespace)) {
      this.error(`receiver.namespace is empty: expected the namespace of the receiver pods`);
      ok = false;
    }
    const labels = Object.entries(receiver.podLabels ?? {});
    if (labels.length === 0 || labels.some(([k, v]) => !isNonEmpty(k) || typeof v !== 'string')) {
      this.error(
        `receiver.podLabels is ${describeValue(receiver.podLabels)}: expected at least ` +
          `one label selecting the receiver pods, e.g. { "app.kubernetes.io/name": ` +
          `"cron-receiver" }`,
      );
      ok = false;
    }
    if (!isInteger(receiver.port, 1) || receiver.port > 65535) {
      this.error(
        `receiver.port is ${describeValue(receiver.port)}: expected the receiver pods' container port (1-65535)`,
      );
      ok = false;
    }
    return ok;
  }
}

/**
 * Validates cron job declarations. Never throws for bad declarations: every violated rule is one
 * entry in `errors`. Rules checked (facts: docs/FACTS.md (OpenClaw)):
 * - names non-empty and unique (jobs are upserted by name);
 * - schedules: `at` ISO-8601, `everyMs` integer ≥ 1, `anchorMs` integer ≥ 0, `expr` parsed with
 *   croner (5 or 6 fields, must fire), `tz` an IANA zone, `staggerMs` integer ≥ 0;
 * - main ⇔ systemEvent, isolated ⇔ agentTurn; wakeMode now|next-heartbeat; announce/none only on
 *   isolated jobs; Discord targets `channel:<id>` / `user:<id>`; channel configured/enabled;
 * - webhooks: http(s) URL, no credentials in the URL (userinfo or token-like query parameters), no Discord webhook
 *   URL, https unless `allowInsecureHttp`, port open for internet egress, SSRF guard (≥ v2026.2.19; from the
 *   `cron-webhook-ssrf-policy` gate on an in-cluster receiver passes through `allowedHostnames`), `receiver` for
 *   in-cluster targets, `cron.webhookToken` configured.
 *
 * - one-shot `at`: at most 1 minute before `context.now` and at most 10 years after it (cron.add's
 *   limits);
 *
 * Not checked: DNS resolution of public hostnames.
 */
export function validateCronJobs(
  jobs: readonly CronJobDeclaration[],
  context: CronValidationContext,
): CronValidationResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const egress: WebhookEgressRequirement[] = [];
  const seen = new Map<string, number>();
  jobs.forEach((job, index) => {
    const name = typeof job.name === 'string' ? job.name.trim() : '';
    let label = `cron job "${name}"`;
    if (name === '') {
      label = `cron job #${index + 1} (unnamed)`;
      errors.push(`${label}: name is empty: every job needs a unique non-empty name (jobs are upserted by name)`);
    } else if (seen.has(name)) {
      errors.push(
        `${label}: duplicate name (jobs #${(seen.get(name) ?? 0) + 1} and #` +
          `${index + 1}): jobs are upserted by name, so the later one would ` +
          `overwrite the earlier; give each job a unique name`,
      );
    } else {
      seen.set(name, index);
    }
    const checker = new JobChecker(label, job, context);
    checker.check();
    errors.push(...checker.errors);
    notes.push(...checker.notes);
    egress.push(...checker.egress);
  });
  egress.sort((a, b) => (a.jobName < b.jobName ? -1 : a.jobName > b.jobName ? 1 : 0));
  return { errors, notes, egressRequirements: egress };
}

/**
 * {@link validateCronJobs}, throwing one error listing every violation when there is any.
 * @returns the result (notes and egress requirements) when there are no errors
 */
export function assertValidCronJobs(
  jobs: readonly CronJobDeclaration[],
  context: CronValidationContext,
): CronValidationResult {
  const result = validateCronJobs(jobs, context);
  if (result.errors.length > 0) {
    throw new Error(`invalid cron jobs (${result.errors.length}):\n- ${result.errors.join('\n- ')}`);
  }
  return result;
}
