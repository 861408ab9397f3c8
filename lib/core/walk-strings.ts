/** Every string inside a JSON-shaped value, with its path (`a.b[0]`, `a["odd key"]`) and its key. */
/** Walks a JSON value, calling `visit` with the path, the nearest key and every string. */
export function walkStrings(
  value: unknown,
  path: string,
  visit: (path: string, key: string, text: string) => void,
  key = '',
): void {
  if (typeof value === 'string') {
    visit(path, key, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walkStrings(item, `${path}[${index}]`, visit, key));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      walkStrings(v, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, visit, k);
    }
  }
}
