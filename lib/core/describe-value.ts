/** How {@link describeValue} prints a received value. */
export interface DescribeValueOptions {
  /**
   * Print a string's text (as JSON, shortened past 80 characters). Turn it off where the value may be
   * a secret: the string is then described by its length only.
   * @default true
   */
  readonly showText?: boolean;
}

const MAX_SHOWN_TEXT = 80;

/**
 * The one way error messages describe a received value (`received <this>, expected …`): short, one line,
 * never a whole object or list — their shape, not their content.
 */
export function describeValue(value: unknown, options: DescribeValueOptions = {}): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (options.showText === false) {
      return value === '' ? 'an empty string' : `a string of ${plural(value.length, 'character')}`;
    }
    return JSON.stringify(value.length > MAX_SHOWN_TEXT ? `${value.slice(0, MAX_SHOWN_TEXT - 3)}…` : value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : `${value} (not finite)`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty array' : `an array of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  }
  return `a ${typeof value}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Whether `value` is a string with something other than whitespace (the one "non-empty" rule). */
export function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Whether `value` is an integer (a number, not a numeric string) of at least `min`. */
export function isIntegerAtLeast(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
