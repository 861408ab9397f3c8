/** ISO-8601 instants, the form of a one-shot `schedule.at`. */

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

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
