/**
 * Grafana macro and dashboard-variable substitution for PromQL and LogQL: the one place that turns
 * `$__rate_interval`, `$__range`, `${var:regex}`, `[[var]]` and friends into text the query parsers
 * accept (and, for PromQL, that a real Prometheus can run). Both query checkers use it; LogQL also
 * maps parser offsets back to the expression as written.
 */
import { durationToSeconds } from './prometheus-duration';

/** Values Grafana macros are replaced with before parsing (and before running in tests). */
export interface GrafanaMacroValues {
  /**
   * `$__rate_interval`.
   * @default '5m'
   */
  readonly rateInterval?: string;
  /**
   * `$__interval` and `$__auto`.
   * @default '1m'
   */
  readonly interval?: string;
  /**
   * `$__range`.
   * @default '1h'
   */
  readonly range?: string;
  /**
   * Values of dashboard variables (`$var`, `${var}`, `[[var]]`) by name.
   * @default {} (inside strings a variable becomes `.*`, i.e. Grafana's "All" for `=~` matchers;
   * inside `[...]` the rate interval; elsewhere a placeholder label name that the checks skip)
   */
  readonly variables?: Readonly<Record<string, string>>;
}

/** Prefix of the label name an unknown variable outside strings and ranges becomes. */
export const GRAFANA_VARIABLE_PLACEHOLDER_PREFIX = '__grafana_var_';

/** An expression after substitution, with a map back to the original offsets. */
export interface GrafanaMacroSubstitution {
  /** The expression with every macro and variable replaced. */
  readonly text: string;
  /** Maps an offset in `text` to the offset in the original expression (a replaced span maps to its start). */
  readonly toOriginal: (offset: number) => number;
}

type OffsetContext = 'string' | 'range' | 'code';

/** A deprecated `[[var]]` starting exactly at `lastIndex` (sticky). */
const BRACKETED_VARIABLE = /\[\[\w+(?::[^\]]*)?\]\]/y;

/** Where each character of `expr` sits: inside a string literal, inside `[...]`, or elsewhere. */
function contextByOffset(expr: string): OffsetContext[] {
  const result: OffsetContext[] = [];
  let quote: string | undefined;
  let rangeDepth = 0;
  const outsideStrings = (): OffsetContext => (rangeDepth > 0 ? 'range' : 'code');
  for (let index = 0; index < expr.length; index++) {
    const char = expr[index] as string;
    if (quote !== undefined) {
      result.push('string');
      if (char === '\\' && quote !== '`') {
        result.push('string');
        index++;
      } else if (char === quote) {
        quote = undefined;
      }
      continue;
    }
    // An opening quote takes the context around it (no variable starts at a quote).
    if (char === '"' || char === "'" || char === '`') quote = char;
    // A deprecated `[[var]]` is a variable, not a range: it takes the context it stands in.
    BRACKETED_VARIABLE.lastIndex = index;
    const bracketed = BRACKETED_VARIABLE.exec(expr);
    if (bracketed !== null) {
      for (let i = 0; i < bracketed[0].length; i++) result.push(outsideStrings());
      index += bracketed[0].length - 1;
      continue;
    }
    if (char === '[') rangeDepth++;
    if (char === ']' && rangeDepth > 0) rangeDepth--;
    result.push(outsideStrings());
  }
  return result;
}

const MACRO_OR_VARIABLE = /\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]|\$(\w+)/g;

/**
 * Replaces Grafana macros and dashboard variables so the query parses (and, for PromQL, runs):
 * `$__rate_interval`, `$__interval`, `$__auto`, `$__range` (and the `_ms`/`_s` forms), `${var}`,
 * `${var:fmt}`, `$var`, `[[var]]`. `$1` (a `label_replace` group reference) is left alone. Returns
 * the text and a map from its offsets back to `expr`.
 */
export function substituteGrafanaMacrosWithOffsets(
  expr: string,
  values: GrafanaMacroValues = {},
): GrafanaMacroSubstitution {
  const rateInterval = values.rateInterval ?? '5m';
  const interval = values.interval ?? '1m';
  const range = values.range ?? '1h';
  const macros = new Map<string, string>([
    ['__auto', interval],
    ['__rate_interval', rateInterval],
    ['__interval', interval],
    ['__interval_ms', String(Math.round(durationToSeconds(interval) * 1000))],
    ['__range', range],
    ['__range_s', String(Math.round(durationToSeconds(range)))],
    ['__range_ms', String(Math.round(durationToSeconds(range) * 1000))],
  ]);
  const variables = new Map(Object.entries(values.variables ?? {}));
  const context = contextByOffset(expr);
  const replacementOf = (name: string, whole: string, offset: number): string => {
    if (/^\d+$/.test(name)) return whole;
    const value = macros.get(name) ?? variables.get(name);
    if (value !== undefined) return value;
    if (context[offset] === 'string') return '.*';
    if (context[offset] === 'range') return rateInterval;
    return `${GRAFANA_VARIABLE_PLACEHOLDER_PREFIX}${name}`;
  };

  let text = '';
  let cursor = 0;
  const segments: Array<{
    readonly newFrom: number;
    readonly newTo: number;
    readonly from: number;
    readonly to: number;
  }> = [];
  for (const match of expr.matchAll(MACRO_OR_VARIABLE)) {
    const [whole, braced, bracketed, bare] = match;
    const replacement = replacementOf(braced ?? bracketed ?? bare, whole, match.index);
    if (replacement === whole) continue;
    text += expr.slice(cursor, match.index);
    segments.push({
      newFrom: text.length,
      newTo: text.length + replacement.length,
      from: match.index,
      to: match.index + whole.length,
    });
    text += replacement;
    cursor = match.index + whole.length;
  }
  text += expr.slice(cursor);

  const toOriginal = (offset: number): number => {
    let delta = 0;
    for (const segment of segments) {
      if (offset < segment.newFrom) break;
      if (offset < segment.newTo) return segment.from;
      delta = segment.to - segment.newTo;
    }
    return offset + delta;
  };
  return { text, toOriginal };
}

/** {@link substituteGrafanaMacrosWithOffsets}, text only. */
export function substituteGrafanaMacros(expr: string, values: GrafanaMacroValues = {}): string {
  return substituteGrafanaMacrosWithOffsets(expr, values).text;
}
