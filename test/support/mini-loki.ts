/**
 * The one LogQL stand-in of the tests: a tiny evaluator for exactly the subset the dashboard and
 * alert builders use, driven by the lezer parse tree of the real query string. No Loki binary is
 * available offline (Debian's `loki` package is an unrelated genetics tool), so this stands in
 * for it.
 *
 * Without `atMs` it evaluates one instant whose range holds every line; with `atMs` only lines
 * with a timestamp inside the query's range `(atMs - range, atMs]` count. A comparison with a
 * number (`… >= 3`) keeps the samples that satisfy it, as an alert condition does. Semantics
 * follow Loki: `| json` flattens nested keys with `_` and renames a key that collides with a
 * stream label to `<key>_extracted`; `| json a="x.y"` extracts a path; a JSON parse failure sets
 * `__error__`; unwrap skips lines without the label and sets `__error__` on a non-number; a metric
 * query fails if a sample still carries `__error__`.
 */
import { parser } from '@grafana/lezer-logql';
import { substituteLogQLMacros } from '../../lib/query/logql';
import { parsePrometheusDuration } from '../../lib/query/prometheus-duration';

export type Labels = Record<string, string>;
/** A log line with its Loki timestamp. */
/** The labels Alloy puts on the streams of one openclaw pod (container added per stream). */
export const OPENCLAW_POD_LABELS: Readonly<Labels> = {
  namespace: 'openclaw',
  pod: 'openclaw-7d9f8b6c5d-x2x4q',
  node: 'node-a',
  app_kubernetes_io_name: 'openclaw',
  job: 'openclaw/openclaw-7d9f8b6c5d-x2x4q',
};

export interface TimedLine {
  readonly timeMs: number;
  readonly line: string;
}
/** A log stream: its labels and its lines (timestamps only needed for queries at an instant). */
export interface Stream {
  readonly labels: Labels;
  readonly lines: readonly (string | TimedLine)[];
}
/** One sample of a metric query's result. */
export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}
type TreeNode = ReturnType<typeof parser.parse>['topNode'];

function children(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function descendants(node: TreeNode, name: string): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (n: TreeNode): void => {
    for (const child of children(n)) {
      if (child.name === name) out.push(child);
      else visit(child);
    }
  };
  visit(node);
  return out;
}

function unquote(literal: string): string {
  return literal.startsWith('`') ? literal.slice(1, -1) : (JSON.parse(literal) as string);
}

const key = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

function matches(op: string, actual: string | undefined, expected: string): boolean {
  const value = actual ?? '';
  switch (op) {
    case 'Eq':
      return value === expected;
    case 'Neq':
      return value !== expected;
    case 'Re':
      return new RegExp(`^(?:${expected})$`).test(value);
    case 'Nre':
      return !new RegExp(`^(?:${expected})$`).test(value);
    default:
      throw new Error(`evaluator: unsupported matcher ${op}`);
  }
}

function flatten(value: unknown, prefix: string, out: Labels): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}_${k}` : k, out);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out[prefix.replace(/[^A-Za-z0-9_]/g, '_')] = String(value);
  }
}

export class MiniLoki {
  private atMs: number | undefined;

  constructor(private readonly streams: readonly Stream[]) {}

  /** Evaluates a metric query over every line, or at `atMs` over the lines inside its range. */
  query(expr: string, options: { readonly atMs?: number } = {}): Sample[] {
    this.atMs = options.atMs;
    const { text } = substituteLogQLMacros(expr);
    const tree = parser.parse(text);
    tree.iterate({
      enter: (ref) => {
        if (ref.type.isError) throw new Error(`evaluator: parse error at ${ref.from} in ${text}`);
      },
    });
    const src = (n: TreeNode): string => text.slice(n.from, n.to);
    const metric = descendants(tree.topNode, 'MetricExpr')[0];
    if (!metric) throw new Error('evaluator: not a metric query');
    return this.metric(metric, src);
  }

  private metric(node: TreeNode, src: (n: TreeNode) => string): Sample[] {
    const inner = children(node)[0];
    if (!inner) throw new Error('evaluator: empty metric expression');
    if (inner.name === 'VectorAggregationExpr') {
      const op = src(inner.getChild('VectorOp')!);
      const samples = this.metric(inner.getChild('MetricExpr')!, src);
      return this.group(samples, inner.getChild('Grouping'), src, (values) => {
        if (op !== 'sum') throw new Error(`evaluator: unsupported vector op ${op}`);
        return values.reduce((a, b) => a + b, 0);
      });
    }
    if (inner.name === 'RangeAggregationExpr') return this.range(inner, src);
    if (inner.name === 'BinOpExpr') return this.comparison(inner, src);
    throw new Error(`evaluator: unsupported ${inner.name}`);
  }

  private comparison(node: TreeNode, src: (n: TreeNode) => string): Sample[] {
    const [left, right] = node.getChildren('Expr');
    const op = children(node)[1]?.name;
    const literal = right ? descendants(right, 'LiteralExpr')[0] : undefined;
    if (!left || !literal) throw new Error(`evaluator: only <metric> <comparison> <number> is supported: ${src(node)}`);
    const limit = Number(src(literal));
    const keep: Record<string, (value: number) => boolean> = {
      Gtr: (v) => v > limit,
      Gte: (v) => v >= limit,
      Lss: (v) => v < limit,
      Lte: (v) => v <= limit,
      Eql: (v) => v === limit,
      Neq: (v) => v !== limit,
    };
    const test = op === undefined ? undefined : keep[op];
    if (!test) throw new Error(`evaluator: unsupported binary operator ${op}`);
    return this.metric(left.getChild('MetricExpr')!, src).filter((sample) => test(sample.value));
  }

  private group(
    samples: Sample[],
    grouping: TreeNode | null,
    src: (n: TreeNode) => string,
    reduce: (values: number[]) => number,
  ): Sample[] {
    const by = grouping ? descendants(grouping, 'Identifier').map(src) : [];
    if (grouping && !grouping.getChild('By')) throw new Error('evaluator: only by() grouping is supported');
    const groups = new Map<string, { labels: Labels; values: number[] }>();
    for (const sample of samples) {
      const labels: Labels = {};
      for (const label of by)
        if (sample.labels[label] !== undefined && sample.labels[label] !== '') labels[label] = sample.labels[label];
      const k = key(labels);
      const group = groups.get(k) ?? { labels, values: [] };
      group.values.push(sample.value);
      groups.set(k, group);
    }
    return [...groups.values()].map((group) => ({ labels: group.labels, value: reduce(group.values) }));
  }

  private range(node: TreeNode, src: (n: TreeNode) => string): Sample[] {
    const op = children(node.getChild('RangeOp')!)[0]!.name;
    if (!['CountOverTime', 'SumOverTime', 'AvgOverTime', 'MaxOverTime', 'QuantileOverTime'].includes(op)) {
      throw new Error(`evaluator: unsupported range op ${op}`);
    }
    const logRange = node.getChild('LogRangeExpr')!;
    const selector = logRange.getChild('Selector')!;
    const matchers = descendants(selector, 'Matcher').map((m) => ({
      label: src(m.getChild('Identifier')!),
      op: children(m)[1]!.name,
      value: unquote(src(m.getChild('String')!)),
    }));
    const pipeline = logRange.getChild('PipelineExpr');
    const stages = pipeline ? descendants(pipeline, 'PipelineStage') : [];
    const unwrapNode = logRange.getChild('UnwrapExpr');
    const unwrapLabel = unwrapNode ? src(descendants(unwrapNode, 'Identifier')[0]!) : undefined;
    const postUnwrapFilters = unwrapNode ? descendants(unwrapNode, 'LabelFilter') : [];
    const window = this.window(logRange, src);
    const entries: Array<{ labels: Labels; value: number }> = [];
    for (const stream of this.streams) {
      if (!matchers.every((m) => matches(m.op, stream.labels[m.label], m.value))) continue;
      for (const entry of stream.lines) {
        const line = typeof entry === 'string' ? entry : entry.line;
        if (window !== undefined) {
          if (typeof entry === 'string') throw new Error('evaluator: a query at an instant needs timestamped lines');
          if (entry.timeMs <= window.fromMs || entry.timeMs > window.toMs) continue;
        }
        let labels: Labels | null = { ...stream.labels };
        for (const stage of stages) {
          labels = this.stage(stage, line, labels, stream.labels, src);
          if (!labels) break;
        }
        if (!labels) continue;
        let value = 1;
        if (unwrapLabel !== undefined) {
          const raw = labels[unwrapLabel];
          if (raw === undefined || raw === '') continue;
          value = Number(raw);
          const { [unwrapLabel]: _unwrapped, ...rest } = labels;
          labels = rest;
          if (Number.isNaN(value)) labels.__error__ = 'SampleExtractionErr';
          for (const filter of postUnwrapFilters) {
            labels = this.labelFilter(filter, labels, src);
            if (!labels) break;
          }
          if (!labels) continue;
        }
        if (labels.__error__) throw new Error(`evaluator: pipeline error ${labels.__error__} for line ${line}`);
        entries.push({ labels, value });
      }
    }
    const param = node.getChild('Number') ? Number(src(node.getChild('Number')!)) : undefined;
    const perSeries = new Map<string, { labels: Labels; values: number[] }>();
    for (const entry of entries) {
      const k = key(entry.labels);
      const series = perSeries.get(k) ?? { labels: entry.labels, values: [] };
      series.values.push(entry.value);
      perSeries.set(k, series);
    }
    const reduce = (values: number[]): number => {
      switch (op) {
        case 'CountOverTime':
          return values.length;
        case 'SumOverTime':
          return values.reduce((a, b) => a + b, 0);
        case 'AvgOverTime':
          return values.reduce((a, b) => a + b, 0) / values.length;
        case 'MaxOverTime':
          return Math.max(...values);
        case 'QuantileOverTime': {
          const sorted = [...values].sort((a, b) => a - b);
          const rank = (param ?? 0.5) * (sorted.length - 1);
          const lower = Math.floor(rank);
          return sorted[lower]! + (sorted[Math.min(lower + 1, sorted.length - 1)]! - sorted[lower]!) * (rank - lower);
        }
        default:
          throw new Error(`evaluator: unsupported range op ${op}`);
      }
    };
    const grouping = node.getChild('Grouping');
    if (grouping) {
      const raw = [...perSeries.values()].flatMap((s) => s.values.map((value) => ({ labels: s.labels, value })));
      return this.group(raw, grouping, src, reduce);
    }
    return [...perSeries.values()].map((s) => ({ labels: s.labels, value: reduce(s.values) }));
  }

  /** The range of the query at {@link atMs}; undefined when evaluating over every line. */
  private window(logRange: TreeNode, src: (n: TreeNode) => string): { fromMs: number; toMs: number } | undefined {
    if (this.atMs === undefined) return undefined;
    const duration = descendants(logRange, 'Duration')[0];
    const seconds = duration ? parsePrometheusDuration(src(duration)) : undefined;
    if (seconds === undefined) throw new Error('evaluator: a query at an instant needs a [range]');
    return { fromMs: this.atMs - seconds * 1000, toMs: this.atMs };
  }

  private stage(
    stage: TreeNode,
    line: string,
    labels: Labels,
    streamLabels: Labels,
    src: (n: TreeNode) => string,
  ): Labels | null {
    const lineFilters = stage.getChild('LineFilters');
    if (lineFilters) {
      for (const filter of descendants(lineFilters, 'LineFilter')) {
        const op = children(filter.getChild('Filter')!)[0]!.name;
        const needle = unquote(src(filter.getChild('String')!));
        const ok =
          op === 'PipeExact'
            ? line.includes(needle)
            : op === 'PipeMatch'
              ? new RegExp(needle).test(line)
              : op === 'Neq'
                ? !line.includes(needle)
                : !new RegExp(needle).test(line);
        if (!ok) return null;
      }
      return labels;
    }
    const plainJson = stage.getChild('LabelParser');
    const jsonExpressions = stage.getChild('JsonExpressionParser');
    if (plainJson || jsonExpressions) {
      if (plainJson && src(plainJson) !== 'json') throw new Error(`evaluator: unsupported parser ${src(plainJson)}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return { ...labels, __error__: 'JSONParserErr' };
      }
      const extracted: Labels = {};
      if (jsonExpressions) {
        for (const expression of descendants(jsonExpressions, 'LabelExtractionExpression')) {
          const target = src(expression.getChild('Identifier')!);
          let value: unknown = parsed;
          for (const part of unquote(src(expression.getChild('String')!)).split('.')) {
            value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
          }
          extracted[target] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        }
      } else {
        flatten(parsed, '', extracted);
      }
      const out = { ...labels };
      for (const [k, v] of Object.entries(extracted)) out[streamLabels[k] !== undefined ? `${k}_extracted` : k] = v;
      return out;
    }
    const labelFilter = stage.getChild('LabelFilter');
    if (labelFilter) return this.labelFilter(labelFilter, labels, src);
    throw new Error(`evaluator: unsupported stage ${src(stage)}`);
  }

  private labelFilter(filter: TreeNode, labels: Labels, src: (n: TreeNode) => string): Labels | null {
    const matcher = filter.getChild('Matcher');
    if (!matcher) throw new Error(`evaluator: unsupported label filter ${src(filter)}`);
    const label = src(matcher.getChild('Identifier')!);
    const op = children(matcher)[1]!.name;
    return matches(op, labels[label], unquote(src(matcher.getChild('String')!))) ? labels : null;
  }
}
