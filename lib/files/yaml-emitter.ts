/**
 * A direct YAML writer for JSON values: for the values it takes, it writes byte for byte what the
 * `yaml` library writes for `new Document(value).toString({ lineWidth: 0, flowCollectionPadding: false })`
 * with the same comments and styles (the library builds a node tree, restyles it and walks it
 * again, which was a tenth of a synth). It takes a subset and declines the rest by returning
 * `undefined`: then the caller renders through the library, so a value outside the subset is
 * slower, never different. test/files/yaml-emitter.test.ts compares both over generated documents.
 *
 * The subset: plain objects and arrays (no object twice: the library would write an anchor), null,
 * booleans, finite numbers other than -0, and strings without control characters. A string that
 * would need a multi-line quoted scalar, a block scalar with keep chomping or leading line breaks,
 * or that holds a document marker, is declined.
 */
import { Document, stringify } from 'yaml';

/** A path in a document: map keys and sequence indexes from the top. */
export type YamlPath = readonly (string | number)[];

/** A comment written on the lines before the node at `path` (`[]`: before the document). */
export interface YamlComment {
  readonly path: YamlPath;
  /** One or more lines, written each as `# line`. */
  readonly text: string;
}

/** Styles a writer applies by key, wherever the key is in the document. */
export interface YamlKeyStyles {
  /** Keys whose sequence of one-line strings is written on one line, `["a", "b"]`. */
  readonly flowStringSequences: ReadonlySet<string>;
  /** Keys whose sequence holds maps whose `value` string is written in double quotes. */
  readonly quotedEntryValues: ReadonlySet<string>;
}

/** The value key that {@link YamlKeyStyles.quotedEntryValues} quotes. */
export const QUOTED_ENTRY_VALUE_KEY = 'value';

/** How the library's `commentBefore` of the document grows with each comment. */
export function documentCommentBefore(previous: string | undefined, text: string): string {
  return previous ? `${previous}\n ${text}` : ` ${text}`;
}

/** How the library's `commentBefore` of a node grows with each comment. */
export function nodeCommentBefore(previous: string | undefined, text: string): string {
  const lines = text
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  return previous ? `${previous}\n${lines}` : lines;
}

/** True for a string the flow-sequence style takes (the library's own test of the same name). */
export function isOneLineString(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('\n');
}

/** Thrown inside the writer for a value outside its subset; never leaves this module. */
class Declined extends Error {}

const INDENT_STEP = '  ';
/** Characters the library writes only in double quotes, with escapes. */
// eslint-disable-next-line no-control-regex
export const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/**
 * Where a one-line string cannot be written plain: it starts with an indicator (or is `-`, `?`, or
 * starts `- `, `? `), holds `: ` or ` #`, or ends in a blank or `:`.
 */
export const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
export const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/**
 * The tests of the library's default tags other than strings (null, booleans, numbers, in its
 * default schema): a plain string one of them matches would read back as another type.
 */
export const OTHER_TYPES: readonly RegExp[] = new Document(null).schema.tags.flatMap((tag) =>
  tag.default && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test instanceof RegExp ? [tag.test] : [],
);

interface Context {
  /** Keyed by `JSON.stringify(path)`; entries are deleted as they are written. */
  readonly comments: Map<string, string>;
  readonly styles: YamlKeyStyles | undefined;
  readonly seen: Set<object>;
  readonly path: (string | number)[];
}

/**
 * The document of `value` with `comments` and `styles`, as the library would write it, or
 * `undefined` when the value is outside this writer's subset.
 */
export function emitYamlDocument(
  value: unknown,
  comments: readonly YamlComment[] = [],
  styles?: YamlKeyStyles,
): string | undefined {
  let documentComment: string | undefined;
  const byPath = new Map<string, string>();
  for (const comment of comments) {
    // the library's comment lines end at any line terminator of a regular expression
    if (/[\r\u2028\u2029]/.test(comment.text)) return undefined;
    if (comment.path.length === 0) {
      documentComment = documentCommentBefore(documentComment, comment.text);
    } else {
      const key = JSON.stringify(comment.path);
      byPath.set(key, nodeCommentBefore(byPath.get(key), comment.text));
    }
  }
  const context: Context = { comments: byPath, styles, seen: new Set(), path: [] };
  let body: string;
  try {
    if (isPlainObject(value)) body = mapText(value, '', context, false);
    else if (Array.isArray(value)) body = sequenceText(value, '', context, false);
    else return undefined;
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
  // a comment whose path is not in the document: the library's path reports it
  if (byPath.size > 0) return undefined;
  const head = documentComment === undefined ? '' : `${commentLines(documentComment, '')}\n\n`;
  return `${head}${body}\n`;
}

/** The library's `stringify(value, { lineWidth: 0 })`, written directly when the value allows. */
export function yamlText(value: unknown): string {
  return emitYamlDocument(value) ?? stringify(value, { lineWidth: 0 });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function enter(value: object, context: Context): void {
  if (context.seen.has(value)) throw new Declined();
  context.seen.add(value);
}

/** The comment for the node at the current path, as lines at `indent` (the first unindented). */
function takeComment(context: Context): string | undefined {
  if (context.comments.size === 0) return undefined; // spares the key of every node of most documents
  const key = JSON.stringify(context.path);
  const comment = context.comments.get(key);
  context.comments.delete(key);
  return comment;
}

/** `# line` for each line of a `commentBefore`; a line of one space is `#`, an empty one stays empty. */
function commentLines(comment: string, indent: string): string {
  return comment
    .split('\n')
    .map((line, index) => {
      if (line === '') return '';
      const text = line === ' ' ? '#' : `#${line}`;
      return index === 0 ? text : `${indent}${text}`;
    })
    .join('\n');
}

/** Joins a block collection's entries (none empty): each after the first on its own line at `indent`. */
function joinLines(lines: readonly string[], indent: string): string {
  return lines.join(`\n${indent}`);
}

function mapText(map: Record<string, unknown>, indent: string, context: Context, quoteEntryValue: boolean): string {
  enter(map, context);
  const lines: string[] = [];
  const inner = indent + INDENT_STEP;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    context.path.push(key);
    const comment = takeComment(context);
    if (comment !== undefined) lines.push(commentLines(comment, indent));
    const keyText = scalarText(key, inner, true, false);
    if (keyText.length > 1024) throw new Declined();
    lines.push(`${keyText}:${valueText(key, value, inner, context, quoteEntryValue)}`);
    context.path.pop();
  }
  return lines.length === 0 ? '{}' : joinLines(lines, indent);
}

/** What follows `key:` for `value`, whose own lines are at `inner`. */
function valueText(key: string, value: unknown, inner: string, context: Context, quoteEntryValue: boolean): string {
  const styles = context.styles;
  if (Array.isArray(value)) {
    if (styles?.flowStringSequences.has(key) && everyItem(value, isOneLineString)) {
      return ` ${flowStringSequenceText(value, context)}`;
    }
    if (value.length === 0) {
      enter(value, context);
      return ' []';
    }
    const quoteValues = styles?.quotedEntryValues.has(key) ?? false;
    return `\n${inner}${sequenceText(value, inner, context, quoteValues)}`;
  }
  if (isPlainObject(value)) {
    const text = mapText(value, inner, context, false);
    return text === '{}' ? ' {}' : `\n${inner}${text}`;
  }
  // only a string is quoted: scalarText writes null, booleans and numbers before it looks at `quoted`
  return ` ${scalarText(value, inner, false, quoteEntryValue && key === QUOTED_ENTRY_VALUE_KEY)}`;
}

function sequenceText(items: readonly unknown[], indent: string, context: Context, quoteEntryValues: boolean): string {
  enter(items, context);
  if (items.length === 0) return '[]';
  const lines: string[] = [];
  const inner = indent + INDENT_STEP;
  for (let index = 0; index < items.length; index += 1) {
    context.path.push(index);
    const comment = takeComment(context);
    if (comment !== undefined) lines.push(commentLines(comment, indent));
    lines.push(`- ${itemText(items[index], inner, context, quoteEntryValues)}`);
    context.path.pop();
  }
  return joinLines(lines, indent);
}

/** `items.every(test)` that also tests holes (`every` skips them; the library writes them as nodes). */
function everyItem<T>(items: readonly unknown[], test: (item: unknown) => item is T): items is readonly T[] {
  for (let index = 0; index < items.length; index += 1) if (!test(items[index])) return false;
  return true;
}

function itemText(item: unknown, inner: string, context: Context, quoteEntryValues: boolean): string {
  if (Array.isArray(item)) return sequenceText(item, inner, context, false);
  if (isPlainObject(item)) return mapText(item, inner, context, quoteEntryValues);
  return scalarText(item, inner, false, false);
}

/**
 * `["a", "b"]`: the items double-quoted, no padding. A comment on an item is never taken here, so
 * it is left over and the document declined (the library breaks the sequence over lines for it).
 */
function flowStringSequenceText(items: readonly string[], context: Context): string {
  enter(items, context);
  return `[${items.map((item) => doubleQuoted(item)).join(', ')}]`;
}

function scalarText(value: unknown, indent: string, implicitKey: boolean, quoted: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Declined();
    return JSON.stringify(value);
  }
  if (typeof value !== 'string' || NEEDS_ESCAPES.test(value)) throw new Declined();
  if (quoted) return doubleQuoted(value);
  if (value.includes('\n')) {
    // a key would be a multi-line quoted scalar
    if (implicitKey) throw new Declined();
    return blockLiteral(value, indent);
  }
  if (NOT_PLAIN.test(value)) return quotedText(value);
  if (DOCUMENT_MARKER.test(value)) throw new Declined();
  if (OTHER_TYPES.some((test) => test.test(value))) return quotedText(value);
  return value;
}

/** A one-line string in quotes: single quotes when it holds `"` and no `'`, else double. */
function quotedText(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return doubleQuoted(value);
}

/** A one-line string without control characters in double quotes: its JSON text. */
function doubleQuoted(value: string): string {
  if (value.includes('\n') || NEEDS_ESCAPES.test(value)) throw new Declined();
  return JSON.stringify(value);
}

/**
 * A multi-line string as a literal block scalar whose lines are at `indent` (never empty: the top
 * of a document is a collection). Declined: blanks after the last line break (the library quotes
 * the string), more than one trailing line break (keep chomping), a string of blanks and breaks
 * only, and a line break before the first other character.
 */
function blockLiteral(value: string, indent: string): string {
  const trailing = (/[ \t\n]*$/.exec(value) as RegExpExecArray)[0];
  const end = value.length - trailing.length;
  const breaks = trailing.split('\n').length - 1;
  if (end === 0 || breaks > 1 || (breaks === 1 && !trailing.endsWith('\n'))) throw new Declined();
  const leading = (/^ */.exec(value) as RegExpExecArray)[0];
  if (value[leading.length] === '\n') throw new Declined();
  const header = `${leading === '' ? '' : '2'}${breaks === 0 ? '-' : ''}`;
  const tail = breaks === 0 ? trailing : trailing.slice(0, -1);
  const body = value.slice(0, end).replace(/\n+/g, (breaksRun) => `${breaksRun}${indent}`);
  return `|${header}\n${indent}${body}${tail}`;
}
