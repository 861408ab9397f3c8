/** IANA time zones, the `tz` of a cron expression schedule. */

let canonicalTimeZones: ReadonlySet<string> | undefined;
/** Names outside the canonical list already tried as a formatter's zone, and whether it took them. */
const triedTimeZones = new Map<string, boolean>();

/**
 * Whether `tz` is an IANA time zone this runtime knows. A canonical name is looked up in the runtime's
 * list (cheap); anything else (an alias such as `UTC` or `US/Eastern`) is tried once as a formatter's
 * zone, which loads the locale data (about 15 ms on first use, 0.1 ms after).
 */
export function isValidTimeZone(tz: string): boolean {
  canonicalTimeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalTimeZones.has(tz)) return true;
  let valid = triedTimeZones.get(tz);
  if (valid === undefined) {
    valid = formatterTakes(tz);
    triedTimeZones.set(tz, valid);
  }
  return valid;
}

function formatterTakes(tz: string): boolean {
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
