/** ISO-8601 instants, the form of a one-shot `schedule.at`. */

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Whether `text` is an ISO-8601 date or date-time with valid calendar fields. `Date.parse` refuses
 * month 0 or 13, day 0, minute 60, second 60 and an offset such as `+99:99` itself, in every form the
 * pattern lets through; it rolls a day past the month's end (`2026-02-29`, `2026-04-31`) and hour 24
 * over to the next day, so those two are checked here.
 */
export function isIso8601Instant(text: string): boolean {
  const m = ISO_8601.exec(text.trim());
  if (!m) {
    return false;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate() || Number(m[4]) > 23) {
    return false;
  }
  return !Number.isNaN(Date.parse(text.trim()));
}
