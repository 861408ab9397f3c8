/**
 * OpenClaw's cron.add limits on a one-shot instant (`validateScheduleTimestamp`): not more than
 * 1 minute in the past, not more than 10 years (of 365.25 days) ahead.
 */

const ONE_MINUTE_MS = 60_000;
/** OpenClaw's limit: 10 years of 365.25 days. */
const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60 * 1000;

/**
 * Why cron.add refuses `schedule.at` `at` when applied at `now` (epoch ms), or `undefined` when it is
 * within the limits.
 */
export function atOutOfRange(at: string, now: number): string | undefined {
  const diff = Date.parse(at) - now;
  if (diff < -ONE_MINUTE_MS) {
    return (
      `schedule.at ${at} is in the past (received ${Math.floor(-diff / ONE_MINUTE_MS)} minute(s) before ` +
      `${new Date(now).toISOString()}): expected an instant at most 1 minute ago, as cron.add refuses ` +
      `older ones; remove the job once it has run, or move schedule.at forward`
    );
  }
  if (diff > TEN_YEARS_MS) {
    return (
      `schedule.at ${at} is too far ahead: expected at most 10 years after ${new Date(now).toISOString()}, ` +
      `as cron.add refuses later ones; use a nearer instant or a recurring schedule`
    );
  }
  return undefined;
}
