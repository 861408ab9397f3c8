/**
 * The keys `cron.add` of OpenClaw 2026.2.19 accepts in a job, its schedule, payload and delivery. Its
 * params schema has additionalProperties false at every level: an unknown key fails the whole call.
 */
import type { CronJobDeclaration } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';

/** The job's own keys that `cron.add` accepts. */
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
/** This project's own keys of a job: never sent to `cron.add`. */
const PROJECT_ONLY_JOB_KEYS = ['allowInsecureHttp', 'allowLongTimeout', 'receiver'];
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

/**
 * Reports every key of `job`, its schedule, payload and delivery that `cron.add` does not know (it
 * rejects the whole job with "invalid cron.add params"). A schedule or payload of an unknown kind is
 * left to the schedule and payload rules.
 */
export function checkCronAddKeys(job: CronJobDeclaration, findings: CronJobFindings): void {
  checkKeys(job, '', [...JOB_KEYS, ...PROJECT_ONLY_JOB_KEYS].sort(), findings);
  checkKeys(job.schedule, 'schedule.', SCHEDULE_KEYS[String(kindOf(job.schedule))], findings);
  checkKeys(job.payload, 'payload.', PAYLOAD_KEYS[String(kindOf(job.payload))], findings);
  checkKeys(job.delivery, 'delivery.', DELIVERY_KEYS, findings);
}

/** The `kind` of a schedule or payload: undefined for null and for a string, number or boolean (no `kind`). */
function kindOf(value: unknown): unknown {
  return (value as { readonly kind?: unknown } | null | undefined)?.kind;
}

function checkKeys(
  value: unknown,
  path: string,
  allowed: readonly string[] | undefined,
  findings: CronJobFindings,
): void {
  if (allowed === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return;
  }
  for (const key of Object.keys(value).sort()) {
    if (!allowed.includes(key)) {
      findings.error(
        `${path}${key} is not a key cron.add accepts: expected only ${allowed.map((k) => `"${k}"`).join(', ')}; ` +
          'openclaw rejects the whole job ("invalid cron.add params"), so remove or rename it',
      );
    }
  }
}
