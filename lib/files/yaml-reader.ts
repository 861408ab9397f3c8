/**
 * A reader for the plainest block YAML, the kind kustomization files are written in: mappings and
 * sequences by indentation, one-line plain scalars that read as strings, and comments. For every text
 * it accepts it returns what the `yaml` library's `parse` returns (the same keys in the same order),
 * in about a fifteenth of the library's time (docs/performance.md); for any other text it returns
 * `undefined`, and the caller parses with the library. It declines, among others: quotes, flow
 * collections, anchors, aliases, tags, block scalars, multi-line plain scalars, document markers and
 * directives, tabs, line breaks other than `\n`, duplicate keys, scalars the library reads as
 * another type (null, booleans, numbers) and any indentation it does not follow.
 *
 * `test/gitops/yaml-reader.test.ts` compares both on documents generated from the live lolice tree.
 */
import { DOCUMENT_MARKER, NEEDS_ESCAPES, NOT_PLAIN, OTHER_TYPES } from './yaml-emitter';

/** A line with content: its indentation and the text after it (a comment at its end removed). */
interface Line {
  readonly indent: number;
  readonly text: string;
}

/** The reader's answer for a node: its value and the index of the first line after it, or a decline. */
type Read = { readonly value: unknown; readonly next: number } | undefined;

/** Characters outside printable ASCII (a tab, a carriage return, a control character, non-ASCII). */
const UNUSUAL = /[^\x20-\x7e\n]/;
/** `key:` or `key: value` (the key a plain scalar, the value what follows the blank). */
const KEY_LINE = /^([^\s:#][^:]*?):(?: +(.*))?$/;
/** A sequence entry: `-` alone or `- ` and what follows. */
const ENTRY = /^-(?: +(.*))?$/;

/**
 * A one-line plain scalar that reads as the string it spells (the writer's rule for when it may write
 * a string plain: no indicator where YAML sees one, no document marker, no look-alike of another
 * type), or undefined.
 */
function scalar(text: string): string | undefined {
  const plain =
    !NEEDS_ESCAPES.test(text) &&
    !NOT_PLAIN.test(text) &&
    !DOCUMENT_MARKER.test(text) &&
    !OTHER_TYPES.some((test) => test.test(text));
  return plain ? text : undefined;
}

/** The lines with content: blank and comment lines dropped, a comment after a blank cut off. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const withoutComment = raw.replace(/(?:^| )#.*/, '');
    const trimmed = withoutComment.trimStart();
    if (trimmed === '') continue;
    lines.push({ indent: withoutComment.length - trimmed.length, text: trimmed.trimEnd() });
  }
  return lines;
}

class BlockReader {
  constructor(private readonly lines: readonly Line[]) {}

  /** The node that starts at line `at`, whose indentation is `indent`. */
  node(at: number, indent: number): Read {
    const line = this.lines[at] as Line;
    // (a line neither an entry nor a key is a scalar of its own line: part of a multi-line scalar,
    // which the mapping declines)
    return ENTRY.test(line.text) ? this.sequence(at, indent) : this.mapping(at, indent, line.text);
  }

  /** The value of a key or entry written on the lines after it (indented more, or an indentless sequence). */
  private nested(at: number, parentIndent: number, indentlessSequence: boolean): Read {
    const next = this.lines[at];
    if (next === undefined || next.indent < parentIndent) return { value: null, next: at };
    if (next.indent > parentIndent) return this.node(at, next.indent);
    if (indentlessSequence && ENTRY.test(next.text)) return this.sequence(at, parentIndent);
    return { value: null, next: at };
  }

  /**
   * A mapping at `indent`; its first line may be the rest of a sequence entry (`first`), the others
   * are the lines at `indent` up to the first line indented less.
   */
  private mapping(at: number, indent: number, first: string): Read {
    const value: Record<string, unknown> = {};
    let index = at;
    let text: string | undefined = first;
    while (text !== undefined) {
      const match = KEY_LINE.exec(text);
      if (match === null) return undefined;
      const key = scalar(match[1] as string);
      // a repeated key is an error for the library; `__proto__` it sets as an own property
      if (key === undefined || key === '__proto__' || Object.prototype.hasOwnProperty.call(value, key))
        return undefined;
      index += 1;
      if (match[2] !== undefined) {
        const item = scalar(match[2]);
        if (item === undefined) return undefined;
        value[key] = item;
      } else {
        const read = this.nested(index, indent, true);
        if (read === undefined) return undefined;
        value[key] = read.value;
        index = read.next;
      }
      // the next key, or the end of the mapping (a line indented more is left to the end check)
      const line = this.lines[index];
      text = line?.indent === indent && !ENTRY.test(line.text) ? line.text : undefined;
    }
    return { value, next: index };
  }

  /** A sequence whose entries start at `indent`. */
  private sequence(at: number, indent: number): Read {
    const value: unknown[] = [];
    let index = at;
    for (let line = this.lines[index]; line?.indent === indent; line = this.lines[index]) {
      const entry = ENTRY.exec(line.text);
      if (entry === null) break; // a key of the mapping an indentless sequence belongs to
      const rest = entry[1];
      let read: Read;
      if (rest === undefined) read = this.nested(index + 1, indent, false);
      else if (KEY_LINE.test(rest)) read = this.mapping(index, indent + line.text.length - rest.length, rest);
      else {
        const item = scalar(rest);
        read = item === undefined ? undefined : { value: item, next: index + 1 };
      }
      if (read === undefined) return undefined;
      value.push(read.value);
      index = read.next;
    }
    return { value, next: index };
  }
}

/**
 * What `parse(text)` of the `yaml` library returns, for a text in this reader's subset of block YAML;
 * `undefined` for any other text (then parse it with the library).
 */
export function readPlainBlockYaml(text: string): unknown {
  if (UNUSUAL.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines.length === 0 || (lines[0] as Line).indent !== 0) return undefined;
  const read = new BlockReader(lines).node(0, 0);
  // a line left over is one no node took: indented more than its place allows, or after the end
  return read !== undefined && read.next === lines.length ? read.value : undefined;
}
