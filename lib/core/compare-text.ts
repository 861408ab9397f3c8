/**
 * Orders two strings by their UTF-16 code units, the order `Array.prototype.sort` uses without a
 * comparator. Unlike `localeCompare` it does not depend on the machine's locale or ICU data (the
 * generated files must not change with `LANG`), and it needs no collator, whose first use costs a
 * synth several milliseconds.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
