/**
 * OpenClaw's default stagger: a recurring top-of-hour cron expression without `staggerMs` runs up to
 * 5 minutes late, at an offset taken from sha256 of the job id.
 */

/** OpenClaw's default stagger window for recurring top-of-hour expressions (`DEFAULT_TOP_OF_HOUR_STAGGER_MS`). */
export const DEFAULT_TOP_OF_HOUR_STAGGER_MS = 300_000;

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
