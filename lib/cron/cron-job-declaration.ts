/**
 * Typed declarations of OpenClaw cron jobs.
 *
 * The shapes mirror the `cron.add` RPC schema of OpenClaw v2026.2.17 – v2026.2.19
 * (`src/gateway/protocol/schema/cron.ts`, TypeBox, `additionalProperties: false`), minus the
 * server-managed fields (`id`, `createdAtMs`, `updatedAtMs`, `state`) and the legacy delivery
 * hints on `agentTurn` payloads. Two members are our own opt-ins and are never sent to OpenClaw:
 * {@link CronJobDeclaration.allowInsecureHttp} and {@link CronJobDeclaration.receiver}.
 *
 * OpenClaw cannot read jobs from `openclaw.json` (there is no `cron.jobs` key); declarations are
 * delivered with `cron.add` / `cron.update` (see `cron-jobs-document.ts` and
 * `apply-cron-jobs-script.ts`).
 */

/** A one-shot run at an ISO-8601 instant (treated as UTC when it has no zone). */
export interface CronAtSchedule {
  readonly kind: 'at';
  /** ISO-8601 date-time, e.g. `2026-03-01T09:00:00+09:00`. */
  readonly at: string;
}

/** A fixed interval. */
export interface CronEverySchedule {
  readonly kind: 'every';
  /** Interval in milliseconds; an integer ≥ 1. */
  readonly everyMs: number;
  /**
   * Epoch milliseconds the intervals are counted from; an integer ≥ 0.
   * @default the job's creation time
   */
  readonly anchorMs?: number;
}

/** A cron expression evaluated by `croner` (5 fields, or 6 with seconds first). */
export interface CronExprSchedule {
  readonly kind: 'cron';
  /** e.g. `0 9 * * *`. */
  readonly expr: string;
  /**
   * IANA time zone, e.g. `Asia/Tokyo`.
   * @default the gateway host's zone (`Intl…resolvedOptions().timeZone`; UTC in most containers)
   */
  readonly tz?: string;
  /**
   * Window in milliseconds within which OpenClaw offsets each run (offset derived from
   * sha256 of the job id); `0` means exact timing. An integer ≥ 0.
   * @default 300000 for recurring top-of-hour expressions (`0 * * * *`, `0 *\/2 * * *`), else 0
   */
  readonly staggerMs?: number;
}

/** When a job runs. */
export type CronSchedule = CronAtSchedule | CronEverySchedule | CronExprSchedule;

/** Enqueue a system event on the agent's main session (requires `sessionTarget: 'main'`). */
export interface CronSystemEventPayload {
  readonly kind: 'systemEvent';
  /** Non-empty text of the system event. */
  readonly text: string;
}

/** Run an agent turn in a fresh isolated session (requires `sessionTarget: 'isolated'`). */
export interface CronAgentTurnPayload {
  readonly kind: 'agentTurn';
  /** Non-empty prompt. */
  readonly message: string;
  /**
   * Model override, e.g. `openai-codex/gpt-5.3-codex`.
   * @default the agent's model
   */
  readonly model?: string;
  /**
   * Thinking level override.
   * @default the agent's thinking level
   */
  readonly thinking?: string;
  /**
   * Run timeout in seconds; `0` disables the timeout. An integer ≥ 0.
   * @default 600 (OpenClaw's `DEFAULT_JOB_TIMEOUT_MS`)
   */
  readonly timeoutSeconds?: number;
}

/** What a job runs. */
export type CronPayload = CronSystemEventPayload | CronAgentTurnPayload;

/** Where the result of a run goes. */
export type CronDeliveryMode = 'none' | 'announce' | 'webhook';

/** Delivery of a run's result. */
export interface CronDelivery {
  /**
   * `announce` posts to a chat channel (isolated jobs only), `webhook` POSTs the `finished`
   * event JSON to `to`, `none` delivers nothing.
   */
  readonly mode: CronDeliveryMode;
  /**
   * Chat channel for `announce` (e.g. `discord`, or `last`).
   * @default the agent main session's last route
   */
  readonly channel?: string;
  /**
   * Target: a channel target for `announce` (Discord: `channel:<id>` / `user:<id>`), an http(s)
   * URL for `webhook` (required there).
   * @default the agent main session's last route (announce only)
   */
  readonly to?: string;
  /**
   * When true, a failed announce delivery logs a warning instead of failing the run.
   * @default false
   */
  readonly bestEffort?: boolean;
}

/** `main` runs in the agent's main session, `isolated` in a fresh per-run session. */
export type CronSessionTarget = 'main' | 'isolated';

/** `now` wakes the agent immediately, `next-heartbeat` waits for its next heartbeat. */
export type CronWakeMode = 'now' | 'next-heartbeat';

/**
 * The in-cluster workload that receives a webhook, for OpenClaw versions before v2026.2.19
 * (which do not block private targets). Used only to generate the gateway's NetworkPolicy egress
 * rule; never sent to OpenClaw.
 */
export interface CronWebhookReceiver {
  /** Namespace of the receiver pods. */
  readonly namespace: string;
  /** Labels selecting the receiver pods (non-empty). */
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * The pods' container port (after Service port → targetPort translation, which is what a
   * NetworkPolicy matches on).
   */
  readonly port: number;
}

/** One cron job as we declare it. Jobs are upserted by {@link CronJobDeclaration.name}. */
export interface CronJobDeclaration {
  /** Unique, non-empty name; the upsert key. */
  readonly name: string;
  /**
   * Free-form description.
   * @default none
   */
  readonly description?: string;
  /**
   * Whether the job is scheduled. Sent explicitly (default applied) so re-applying re-enables a
   * job that was disabled by hand.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Agent that runs the job.
   * @default the default agent
   */
  readonly agentId?: string;
  /** When the job runs. */
  readonly schedule: CronSchedule;
  /** `main` requires a `systemEvent` payload, `isolated` an `agentTurn` payload. */
  readonly sessionTarget: CronSessionTarget;
  /** Whether a run wakes the agent at once or at its next heartbeat. */
  readonly wakeMode: CronWakeMode;
  /** What the job runs. */
  readonly payload: CronPayload;
  /**
   * Delivery of the result.
   * @default `{ mode: 'announce' }` for isolated jobs (OpenClaw's default), none for main jobs
   */
  readonly delivery?: CronDelivery;
  /**
   * Our opt-in: allow a `webhook` target with `http://` to a host outside the cluster (the token
   * and the payload then cross the internet in clear text). Never sent to OpenClaw.
   * @default false
   */
  readonly allowInsecureHttp?: boolean;
  /**
   * Our opt-in: allow `payload.timeoutSeconds` above one day (86400). Without it a longer
   * timeout is refused as a likely unit slip (milliseconds written as seconds). Never sent to OpenClaw.
   * @default false
   */
  readonly allowLongTimeout?: boolean;
  /**
   * Our opt-in: the in-cluster receiver of a `webhook` job, so that its NetworkPolicy egress rule can
   * be generated. Possible before v2026.2.19 (no SSRF guard) and from the `cron-webhook-ssrf-policy`
   * gate on, where its host is rendered into `cron.webhookSsrfPolicy.allowedHostnames`. Never sent
   * to OpenClaw.
   * @default none
   */
  readonly receiver?: CronWebhookReceiver;
}
