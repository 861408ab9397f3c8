/** Describes a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `a list (${JSON.stringify(value)})`;
  }
  if (typeof value === 'object') {
    return `an object (${JSON.stringify(value)})`;
  }
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Whether `value` is a string with something other than whitespace (the one "non-empty" rule). */
export function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
