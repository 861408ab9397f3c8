/**
 * Validation of cron job declarations against what OpenClaw accepts at `cron.add`, what it does
 * at run time (stagger, time zones, the v2026.2.19 SSRF guard) and what the cluster lets through
 * (the gateway's NetworkPolicy). Facts: docs/FACTS.md (OpenClaw). This file names the jobs and
 * composes the rules, in the order their messages appear:
 * - the keys cron.add accepts: `cron-add-keys.ts`;
 * - the job's own fields (agent id, enabled): here;
 * - the schedule: `schedule-rules.ts` (with `iso-8601-instant.ts`, `cron-add-at-limits.ts`,
 *   `time-zone.ts`, `top-of-hour-stagger.ts`);
 * - session target, wake mode and payload: `session-payload-rules.ts`;
 * - delivery: `delivery-rules.ts` (with `announce-target-rules.ts`, `webhook-url-rules.ts`,
 *   `webhook-url-credentials.ts`, `webhook-target-rules.ts`, `webhook-receiver-rules.ts`).
 */
import { describeValue, isNonEmpty } from '../core/describe-value';
import { checkCronAddKeys } from './cron-add-keys';
import type { CronJobDeclaration } from './cron-job-declaration';
import { CronJobFindings } from './cron-job-findings';
import type { CronValidationContext, CronValidationResult } from './cron-validation-context';
import { checkDelivery } from './delivery-rules';
import { checkSchedule } from './schedule-rules';
import { checkSessionAndPayload } from './session-payload-rules';
import type { WebhookEgressRequirement } from './webhook-egress-requirement';
import { compareText } from '../core/compare-text';
import { isJsonObject } from '../core/json-value';

export type { CronValidationContext, CronValidationResult } from './cron-validation-context';
export { isIso8601Instant } from './iso-8601-instant';
export { isValidTimeZone } from './time-zone';
export { DEFAULT_TOP_OF_HOUR_STAGGER_MS, isRecurringTopOfHour } from './top-of-hour-stagger';

/** Every rule of one job, reported to `findings` in a fixed order. */
function checkJob(job: CronJobDeclaration, context: CronValidationContext, findings: CronJobFindings): void {
  checkCronAddKeys(job, findings);
  if (job.agentId !== undefined && !isNonEmpty(job.agentId)) {
    findings.error(`agentId is empty: expected a non-empty agent id; remove agentId to use the default agent`);
  }
  if (job.enabled !== undefined && typeof job.enabled !== 'boolean') {
    findings.error(`enabled is ${describeValue(job.enabled)}: expected true or false`);
  }
  if (isObjectField('schedule', job.schedule, 'an object such as { kind: "cron", expr: "0 9 * * *" }', findings)) {
    checkSchedule(job.schedule, context, findings);
  }
  if (isObjectField('payload', job.payload, 'an object such as { kind: "agentTurn", message: "…" }', findings)) {
    checkSessionAndPayload(job, findings);
  }
  if (
    job.delivery === undefined ||
    isObjectField('delivery', job.delivery, 'an object such as { mode: "none" }, or no delivery', findings)
  ) {
    checkDelivery(job, context, findings);
  }
}

/**
 * Whether a job's field is an object its rules can read; otherwise one refusal naming what was
 * received (a declaration built outside the config schema can hold anything).
 */
function isObjectField(field: string, value: unknown, expected: string, findings: CronJobFindings): boolean {
  if (isJsonObject(value)) return true;
  findings.error(`${field} is ${describeValue(value)}: expected ${expected}; fix the job's ${field}`);
  return false;
}

/**
 * Validates cron job declarations. Never throws for bad declarations: every violated rule is one
 * entry in `errors`. Rules checked (facts: docs/FACTS.md (OpenClaw)):
 * - names non-empty and unique (jobs are upserted by name);
 * - schedules: `at` ISO-8601, `everyMs` integer ≥ 1, `anchorMs` integer ≥ 0, `expr` parsed with
 *   croner (5 or 6 fields, must fire), `tz` an IANA zone, `staggerMs` integer ≥ 0;
 * - one-shot `at`: at most 1 minute before `context.now` and at most 10 years after it (cron.add's
 *   limits);
 * - main ⇔ systemEvent, isolated ⇔ agentTurn; wakeMode now|next-heartbeat; announce/none only on
 *   isolated jobs; Discord targets `channel:<id>` / `user:<id>`; channel configured/enabled;
 * - webhooks: http(s) URL, no credentials in the URL (userinfo or token-like query parameters), no Discord webhook
 *   URL, https unless `allowInsecureHttp`, port open for internet egress, SSRF guard (≥ v2026.2.19; from the
 *   `cron-webhook-ssrf-policy` gate on an in-cluster receiver passes through `allowedHostnames`), `receiver` for
 *   in-cluster targets, `cron.webhookToken` configured.
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
    if (typeof job !== 'object' || job === null || Array.isArray(job)) {
      errors.push(
        `cron job #${index + 1} is ${describeValue(job)}: expected an object with name, schedule, ` +
          `sessionTarget, wakeMode and payload; fix or remove the entry`,
      );
      return;
    }
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
    const findings = new CronJobFindings(label);
    checkJob(job, context, findings);
    errors.push(...findings.errors);
    notes.push(...findings.notes);
    egress.push(...findings.egress);
  });
  egress.sort((a, b) => compareText(a.jobName, b.jobName));
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
