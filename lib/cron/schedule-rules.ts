/**
 * The rules of a job's schedule: a one-shot `at` (ISO-8601, within cron.add's limits), an interval
 * (`everyMs`, `anchorMs`) or a cron expression (parsed with croner as OpenClaw does, its time zone and
 * stagger).
 */
import { Cron } from 'croner';
import { describeValue, isIntegerAtLeast, isNonEmpty } from '../core/describe-value';
import { atOutOfRange } from './cron-add-at-limits';
import type { CronExprSchedule, CronSchedule } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';
import type { CronValidationContext } from './cron-validation-context';
import { isIso8601Instant } from './iso-8601-instant';
import { isValidTimeZone } from './time-zone';
import { isRecurringTopOfHour } from './top-of-hour-stagger';

/** Checks `schedule` by its kind; an unknown kind is one error. */
export function checkSchedule(
  schedule: CronSchedule,
  context: Pick<CronValidationContext, 'now'>,
  findings: CronJobFindings,
): void {
  switch (schedule.kind) {
    case 'at': {
      if (!isNonEmpty(schedule.at) || !isIso8601Instant(schedule.at)) {
        findings.error(
          `schedule.at ${describeValue(schedule.at)} is not an ISO-8601 date-time: expected ` +
            `e.g. "2026-03-01T09:00:00+09:00" (no zone means UTC); fix the timestamp`,
        );
        return;
      }
      const outOfRange = atOutOfRange(schedule.at, context.now ?? Date.now());
      if (outOfRange !== undefined) {
        findings.error(outOfRange);
        return;
      }
      findings.note(
        `one-shot schedule at ${schedule.at}: cron.add and cron.update reject an ` +
          `instant more than 1 min in the past, so applying this declaration fails ` +
          `once it has passed; remove the job from the declarations after it has ` +
          `run`,
      );
      return;
    }
    case 'every':
      if (!isIntegerAtLeast(schedule.everyMs, 1)) {
        findings.error(
          `schedule.everyMs is ${describeValue(schedule.everyMs)}: expected an integer ` +
            `number of milliseconds ≥ 1 (e.g. 3600000 for hourly)`,
        );
      }
      if (schedule.anchorMs !== undefined && !isIntegerAtLeast(schedule.anchorMs, 0)) {
        findings.error(
          `schedule.anchorMs is ${describeValue(schedule.anchorMs)}: expected an integer ` +
            `epoch-milliseconds value ≥ 0, or omit it to anchor at creation time`,
        );
      }
      return;
    case 'cron':
      checkCronExpr(schedule, findings);
      return;
    default:
      findings.error(
        `schedule.kind is ${describeValue((schedule as { kind?: unknown }).kind)}: expected "at", "every" or "cron"`,
      );
  }
}

function checkCronExpr(schedule: CronExprSchedule, findings: CronJobFindings): void {
  const tzValid = schedule.tz === undefined || (isNonEmpty(schedule.tz) && isValidTimeZone(schedule.tz));
  if (!tzValid) {
    findings.error(
      `schedule.tz ${describeValue(schedule.tz)} is not an IANA time zone: expected a ` +
        `zone such as "Asia/Tokyo" or "UTC"; fix the name or omit tz to use the ` +
        `gateway host's zone`,
    );
  }
  const expr = typeof schedule.expr === 'string' ? schedule.expr.trim() : '';
  const exprValid = checkExprFires(schedule.expr, expr, tzValid ? schedule.tz : undefined, findings);
  const staggerValid = schedule.staggerMs === undefined || isIntegerAtLeast(schedule.staggerMs, 0);
  if (!staggerValid) {
    findings.error(
      `schedule.staggerMs is ${describeValue(schedule.staggerMs)}: expected an integer ` +
        `number of milliseconds ≥ 0 (0 = exact timing)`,
    );
  }
  if (!exprValid) {
    return;
  }
  if (schedule.tz === undefined) {
    findings.note(
      `schedule '${expr}' has no tz; it runs in the gateway host's time zone ` +
        `(UTC in most containers); set tz (e.g. "Asia/Tokyo") to pin it`,
    );
  }
  if (schedule.staggerMs === undefined && isRecurringTopOfHour(expr)) {
    findings.note(
      `schedule '${expr}' is top-of-hour; OpenClaw staggers it by up to 5 min ` +
        `(offset from sha256 of the job id); set staggerMs: 0 for exact timing`,
    );
  } else if (staggerValid && schedule.staggerMs !== undefined && schedule.staggerMs > 0) {
    findings.note(
      `schedule '${expr}' is staggered by up to ${schedule.staggerMs} ms (offset from sha256 of the job id)`,
    );
  }
}

/** What croner makes of an expression in a zone. */
type CronerOutcome =
  { readonly kind: 'fires' } | { readonly kind: 'never' } | { readonly kind: 'unparsable'; readonly reason: string };

/**
 * Croner's outcome per zone and expression. A 5- or 6-field pattern repeats (within 400 years at the
 * most), so whether it fires again does not change while the process runs; parsing it in a zone costs
 * about 1 ms, and a synth or a test validates the same few expressions many times.
 */
const cronerOutcomes = new Map<string, CronerOutcome>();

function cronerOutcome(expr: string, timezone: string | undefined): CronerOutcome {
  const key = `${timezone ?? ''}\n${expr}`;
  let outcome = cronerOutcomes.get(key);
  if (outcome === undefined) {
    try {
      const cron = new Cron(expr, { paused: true, timezone });
      const next = cron.nextRun();
      cron.stop();
      outcome = next === null ? { kind: 'never' } : { kind: 'fires' };
    } catch (error) {
      outcome = { kind: 'unparsable', reason: error instanceof Error ? error.message : String(error) };
    }
    cronerOutcomes.set(key, outcome);
  }
  return outcome;
}

/**
 * Whether `expr` (as given, then trimmed) is text with 5 or 6 fields (or an `@` nickname), parses
 * with croner and fires again.
 */
function checkExprFires(
  given: unknown,
  expr: string,
  timezone: string | undefined,
  findings: CronJobFindings,
): boolean {
  if (given !== undefined && typeof given !== 'string') {
    findings.error(
      `schedule.expr is ${describeValue(given)}: expected a cron expression as text such as "0 9 * * *"; quote it`,
    );
    return false;
  }
  const fieldCount = expr.split(/\s+/).length;
  if (expr === '') {
    findings.error(`schedule.expr is empty: expected a cron expression such as "0 9 * * *"`);
    return false;
  }
  if (!expr.startsWith('@') && fieldCount !== 5 && fieldCount !== 6) {
    findings.error(
      `schedule.expr "${expr}" has ${fieldCount} fields: expected 5 (minute ` +
        `hour day month weekday) or 6 (with seconds first), as OpenClaw's croner ` +
        `parser takes`,
    );
    return false;
  }
  const outcome = cronerOutcome(expr, timezone);
  if (outcome.kind === 'never') {
    findings.error(
      `schedule.expr "${expr}" never fires (no upcoming run): expected an ` +
        `expression with a future run time; OpenClaw would disable the job`,
    );
  } else if (outcome.kind === 'unparsable') {
    findings.error(
      `schedule.expr "${expr}" does not parse with croner (` +
        `${outcome.reason}): expected a ` +
        `valid 5- or 6-field cron expression such as "0 9 * * *"`,
    );
  }
  return outcome.kind === 'fires';
}
