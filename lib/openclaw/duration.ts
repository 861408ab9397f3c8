/**
 * Duration strings the way OpenClaw's `parseDurationMs` (`src/cli/parse-duration.ts`) reads them.
 *
 * Accepted: optional surrounding whitespace, then a non-negative decimal number (`7`, `1.5`; no sign,
 * no exponent, no leading dot, no thousands separator) immediately followed by an optional unit
 * `ms`, `s`, `m`, `h` or `d` (case-insensitive). No spaces between number and unit, no compound
 * values (`1h30m`), no `w`. A bare number uses the default unit. The result is rounded to whole ms.
 */

/** A unit OpenClaw durations accept. */
export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';

/** Milliseconds per unit. */
export const DURATION_UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Options of {@link parseDurationMs}. */
export interface ParseDurationOptions {
  /**
   * Unit of a bare number. `cron.sessionRetention` is parsed with `"h"`.
   * @default "ms"
   */
  readonly defaultUnit?: DurationUnit;
}

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/;

/**
 * Parses a duration to milliseconds, or returns `undefined` for anything OpenClaw would reject
 * (where OpenClaw throws `invalid duration`, and callers such as the cron session reaper silently
 * fall back to a default).
 */
export function parseDurationMs(text: string, options: ParseDurationOptions = {}): number | undefined {
  const normalized = text.trim().toLowerCase();
  const match = DURATION_PATTERN.exec(normalized);
  if (!match) {
    return undefined;
  }
  // the pattern admits no sign; digits too many to be finite give a result that is not, refused below
  const amount = Number(match[1]);
  const unit = (match[2] as DurationUnit | undefined) ?? options.defaultUnit ?? 'ms';
  const ms = Math.round(amount * DURATION_UNIT_MS[unit]);
  return Number.isFinite(ms) ? ms : undefined;
}
