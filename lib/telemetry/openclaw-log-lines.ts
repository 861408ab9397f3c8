/**
 * The log lines and records OpenClaw (v2026.2.17 – v2026.2.19) writes about cron runs, and the
 * shape in which `sidecar/run-log-shipper.mjs` prints them for Loki.
 *
 * Where each one is written (read from upstream source; see test/fixtures/openclaw-logs/README.md):
 * - the cron run log `~/.openclaw/cron/runs/<jobId>.jsonl`: one {@link CronRunLogRecord} a line;
 * - the gateway's JSON file log `/tmp/openclaw/openclaw-YYYY-MM-DD.log`: the `cron: …` warnings of
 *   `getChildLogger({ module: "cron" })`. That logger is tslog with `type: "hidden"`, so these
 *   warnings are **not** on the container's stdout and Alloy never sees them unless the shipper
 *   follows the file log;
 * - stdout/stderr of container `openclaw`: subsystem loggers, e.g.
 *   `2026-02-19T09:30:22.100Z [security] blocked URL fetch (url-fetch) target=… reason=…`.
 */

/**
 * Gateway file log, warn, fields `{err, jobId, webhookUrl}`: the webhook POST threw (network error, 10 s timeout).
 * Non-2xx responses are not logged.
 */
export const CRON_WEBHOOK_DELIVERY_FAILED = 'cron: webhook delivery failed';

/**
 * Gateway file log, warn, fields `{reason, jobId, webhookUrl}`: the SSRF guard refused the webhook URL (from
 * v2026.2.19).
 */
export const CRON_WEBHOOK_BLOCKED_BY_SSRF_GUARD = 'cron: webhook delivery blocked by SSRF guard';

/**
 * Gateway file log, warn, fields `{jobId, deliveryTo}`: `delivery.mode` is webhook but `delivery.to` is not an http(s)
 * URL.
 */
export const CRON_WEBHOOK_INVALID_TARGET = 'cron: skipped webhook delivery, delivery.to must be a valid http(s) URL';

/**
 * Gateway file log, warn, fields `{err, logPath}`: appending to the run log failed (the run is then missing from the
 * run log).
 */
export const CRON_RUN_LOG_APPEND_FAILED = 'cron: run log append failed';

/**
 * Gateway stdout (subsystem `security`), warn: any guarded fetch refused by the SSRF guard,
 * including cron webhooks (context `url-fetch`). It carries no jobId.
 */
export const SECURITY_BLOCKED_URL_FETCH = '[security] blocked URL fetch';

/** `status` of a finished cron run. */
export type CronRunStatus = 'ok' | 'error' | 'skipped';

/** The token usage OpenClaw records per isolated run (snake_case, every field optional). */
export interface CronRunUsage {
  readonly input_tokens?: number;
  readonly output_tokens?: number;
  /** Prompt/context size (promptTokens or input + cache read + cache write): not input + output. */
  readonly total_tokens?: number;
  /** Declared but never filled by OpenClaw 2026.2.x. */
  readonly cache_read_tokens?: number;
  /** Declared but never filled by OpenClaw 2026.2.x. */
  readonly cache_write_tokens?: number;
}

/** One line of `~/.openclaw/cron/runs/<jobId>.jsonl` (`CronRunLogEntry`). */
export interface CronRunLogRecord {
  /** Epoch ms at append time. */
  readonly ts: number;
  readonly jobId: string;
  readonly action: 'finished';
  readonly status?: CronRunStatus;
  readonly error?: string;
  readonly summary?: string;
  readonly sessionId?: string;
  readonly sessionKey?: string;
  /** Run start, epoch ms. */
  readonly runAtMs?: number;
  readonly durationMs?: number;
  readonly nextRunAtMs?: number;
  /** Absent for main-session jobs. */
  readonly model?: string;
  readonly provider?: string;
  /** Omitted when all zero and for main-session jobs. */
  readonly usage?: CronRunUsage;
}

/** A run-log record as the shipper prints it: the record plus `kind` (and `jobId` from the file name if missing). */
export type ShippedCronRun = CronRunLogRecord & { readonly kind: 'cron_run' };

/** A cron warning or error from the gateway file log as the shipper prints it. */
export interface ShippedGatewayLog {
  readonly kind: 'gateway_log';
  /** ISO time of the log record. */
  readonly time?: string;
  readonly level: 'warn' | 'error' | 'fatal';
  readonly module: 'cron';
  /** The message, e.g. {@link CRON_WEBHOOK_DELIVERY_FAILED}. */
  readonly msg: string;
  readonly jobId?: string;
  readonly err?: string;
  readonly reason?: string;
  /** Only the origin of `webhookUrl`: a path may carry a token and is never shipped. */
  readonly webhookOrigin?: string;
}

/**
 * Labels that `| json` (without parameters) extracts from a shipped run record, sorted. Nested
 * keys are joined with `_`: `usage.input_tokens` becomes `usage_input_tokens`.
 */
export const CRON_RUN_JSON_LABELS = [
  'action',
  'durationMs',
  'error',
  'jobId',
  'kind',
  'model',
  'nextRunAtMs',
  'provider',
  'runAtMs',
  'sessionId',
  'sessionKey',
  'status',
  'summary',
  'ts',
  'usage_cache_read_tokens',
  'usage_cache_write_tokens',
  'usage_input_tokens',
  'usage_output_tokens',
  'usage_total_tokens',
] as const;

/** Labels that `| json` extracts from a shipped gateway-log record, sorted. */
export const GATEWAY_LOG_JSON_LABELS = [
  'err',
  'jobId',
  'kind',
  'level',
  'module',
  'msg',
  'reason',
  'time',
  'webhookOrigin',
] as const;
