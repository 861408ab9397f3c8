/**
 * JSON in the layout lolice's hand-written files use: 2-space indent, objects one key per line,
 * and arrays of scalars on one line (`"input": ["text", "image"]`) when that line fits.
 */

/** Longest line (indent included) an inline scalar array may produce. */
const MAX_INLINE_WIDTH = 120;

/** `value` as pretty JSON, with a trailing newline. */
export function formatCompactJson(value: unknown): string {
  return `${format(value, '', '')}\n`;
}

function format(value: unknown, indent: string, prefix: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (indent.length + prefix.length + inline.length <= MAX_INLINE_WIDTH) return inline;
    }
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${format(item, inner, '')}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([key, v]) => {
      const keyText = `${JSON.stringify(key)}: `;
      return `${inner}${keyText}${format(v, inner, keyText)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
