/**
 * Adds entries to a hand-written kustomization.yaml's `resources` or `components` list as a text
 * edit: the new items go after the list's last item, written like its items (same indent, same
 * `- `), so comments, order, layout and every other line stay as they are. A list the file does
 * not have yet is appended at the end of the file, in the style of the file's other lists. The
 * result is parsed back and must hold exactly the old list plus the new entries; a list that
 * cannot be edited that way is left alone.
 */
import { parseKustomizationText } from './kustomization-text';

/** The two lists synth completes. */
export type KustomizationListField = 'resources' | 'components';

function listOf(text: string, file: string, field: KustomizationListField): unknown[] {
  const value = parseKustomizationText(text, file);
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const list = object[field];
  return Array.isArray(list) ? (list as unknown[]) : [];
}

const ITEM = /^(\s*)- /;

/** The indent of block-list items in the file (`""` for `- a` at column 0), or `fallback`. */
function listIndent(lines: readonly string[], fallback: string): string {
  for (let i = 0; i < lines.length; i++) {
    if (/^[A-Za-z_][\w.-]*:\s*$/.test(lines[i] ?? '')) {
      const next = ITEM.exec(lines[i + 1] ?? '');
      if (next) return next[1] ?? fallback;
    }
  }
  return fallback;
}

/**
 * `text` with `entries` added to its `field` list (entries already listed are skipped), or
 * undefined when the list cannot be edited as a text edit (a flow list such as `resources: [a]`):
 * the file is then left as it is and `npm run diff` names the entries to add by hand.
 */
export function addKustomizationEntries(
  text: string,
  file: string,
  field: KustomizationListField,
  entries: readonly string[],
): string | undefined {
  const before = listOf(text, file, field);
  const missing = entries.filter((entry) => !before.includes(entry));
  if (missing.length === 0) return text;
  const lines = text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  const keyLine = lines.findIndex((line) => new RegExp(`^${field}:\\s*(#.*)?$`).test(line));
  let result: string[];
  if (keyLine < 0) {
    if (lines.some((line) => new RegExp(`^${field}:`).test(line))) return undefined;
    const indent = listIndent(lines, '');
    result = [...lines, `${field}:`, ...missing.map((entry) => `${indent}- ${entry}`)];
  } else {
    let itemIndent: string | undefined;
    let end = keyLine; // the last line of the list's last item
    for (let i = keyLine + 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const item = ITEM.exec(line);
      if (item && (itemIndent === undefined || item[1] === itemIndent)) {
        itemIndent = item[1] ?? '';
        end = i;
        continue;
      }
      if (itemIndent !== undefined && line.startsWith(`${itemIndent}  `) && line.trim() !== '') {
        end = i; // a continuation of the item (a map item's further keys)
        continue;
      }
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      break;
    }
    const indent = itemIndent ?? listIndent(lines, '  ');
    result = [...lines.slice(0, end + 1), ...missing.map((entry) => `${indent}- ${entry}`), ...lines.slice(end + 1)];
  }
  const edited = `${result.join('\n')}${trailingNewline ? '\n' : ''}`;
  const after = listOf(edited, file, field);
  return JSON.stringify(after) === JSON.stringify([...before, ...missing]) ? edited : undefined;
}
