import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parser } from '@grafana/lezer-logql';
import {
  checkLogQL,
  assertLogQL,
  cronLogQLQueries,
  cronRunDurationQuery,
  cronRunErrorsQuery,
  cronRunsByStatusQuery,
  cronTokensQuery,
  cronWebhookBlockedBySsrfGuardQuery,
  cronWebhookDeliveryFailuresQuery,
  gatewayBlockedUrlFetchesQuery,
  substituteLogQLMacros,
} from '../../lib/query/logql';
import { ALLOY_STREAM_LABELS, GATEWAY_STREAM_SELECTOR, RUN_LOG_SHIPPER_CONTAINER, RUN_LOG_STREAM_SELECTOR } from '../../lib/observability/logs/loki-streams';

// ---------------------------------------------------------------------------------------------
// A tiny LogQL evaluator for exactly the subset the builders use, driven by the lezer parse tree
// of the real query string. No Loki binary is available offline (Debian's `loki` package is an
// unrelated genetics tool), so this stands in for it. It evaluates one instant whose range holds
// every fixture line. Semantics follow Loki: `| json` flattens nested keys with `_` and renames
// a key that collides with a stream label to `<key>_extracted`; `| json a="x.y"` extracts a path;
// a JSON parse failure sets `__error__`; unwrap skips lines without the label and sets `__error__`
// on a non-number; a metric query fails if a sample still carries `__error__`.
// ---------------------------------------------------------------------------------------------

type Labels = Record<string, string>;
interface Stream {
  readonly labels: Labels;
  readonly lines: readonly string[];
}
interface Sample {
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

class MiniLoki {
  constructor(private readonly streams: readonly Stream[]) {}

  query(expr: string): Sample[] {
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
    throw new Error(`evaluator: unsupported ${inner.name}`);
  }

  private group(samples: Sample[], grouping: TreeNode | null, src: (n: TreeNode) => string, reduce: (values: number[]) => number): Sample[] {
    const by = grouping ? descendants(grouping, 'Identifier').map(src) : [];
    if (grouping && !grouping.getChild('By')) throw new Error('evaluator: only by() grouping is supported');
    const groups = new Map<string, { labels: Labels; values: number[] }>();
    for (const sample of samples) {
      const labels: Labels = {};
      for (const label of by) if (sample.labels[label] !== undefined && sample.labels[label] !== '') labels[label] = sample.labels[label];
      const k = key(labels);
      const group = groups.get(k) ?? { labels, values: [] };
      group.values.push(sample.value);
      groups.set(k, group);
    }
    return [...groups.values()].map((group) => ({ labels: group.labels, value: reduce(group.values) }));
  }

  private range(node: TreeNode, src: (n: TreeNode) => string): Sample[] {
    const op = children(node.getChild('RangeOp')!)[0]!.name;
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
    const entries: Array<{ labels: Labels; value: number }> = [];
    for (const stream of this.streams) {
      if (!matchers.every((m) => matches(m.op, stream.labels[m.label], m.value))) continue;
      for (const line of stream.lines) {
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

  private stage(stage: TreeNode, line: string, labels: Labels, streamLabels: Labels, src: (n: TreeNode) => string): Labels | null {
    const lineFilters = stage.getChild('LineFilters');
    if (lineFilters) {
      for (const filter of descendants(lineFilters, 'LineFilter')) {
        const op = children(filter.getChild('Filter')!)[0]!.name;
        const needle = unquote(src(filter.getChild('String')!));
        const ok =
          op === 'PipeExact' ? line.includes(needle) : op === 'PipeMatch' ? new RegExp(needle).test(line) : op === 'Neq' ? !line.includes(needle) : !new RegExp(needle).test(line);
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

// ---------------------------------------------------------------------------------------------

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'openclaw-logs');
const DIGEST = '6f1c9a52-3b7e-4d2a-9c41-2e8f5a7b0d13';
const TRIAGE = 'a8d2e4f6-1c3b-4e5a-8f7d-9b0c1d2e3f40';
const MAIN = 'c0ffee00-5a5a-4b4b-8c8c-0d0d0e0e0f0f';
const POD = { namespace: 'openclaw', pod: 'openclaw-7d9f8b6c5d-x2x4q', node: 'node-a', app_kubernetes_io_name: 'openclaw', job: 'openclaw/openclaw-7d9f8b6c5d-x2x4q' };

/** Runs the real shipper over the fixtures and builds the streams Alloy would push. */
function fixtureStreams(): Stream[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'logql-fixtures-'));
  try {
    const result = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'sidecar', 'run-log-shipper.mjs'), '--once'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        RUN_LOG_DIR: path.join(FIXTURES, 'runs'),
        GATEWAY_LOG_DIR: path.join(FIXTURES, 'gateway-file'),
        STATE_FILE: path.join(root, 'state.json'),
      },
    });
    expect(result.status, result.stderr).toBe(0);
    const shipped = result.stdout.split('\n').filter((line) => line !== '');
    // stderr goes to the same stream: a warning line must not break `| json` queries
    shipped.push('run-log-shipper: skipping malformed line at byte 0 of /home/node/.openclaw/cron/runs/x.jsonl');
    const gatewayLines = fs.readFileSync(path.join(FIXTURES, 'gateway-stdout.log'), 'utf8').split('\n').filter((line) => line !== '');
    return [
      { labels: { ...POD, container: RUN_LOG_SHIPPER_CONTAINER }, lines: shipped },
      { labels: { ...POD, container: 'openclaw' }, lines: gatewayLines },
      { labels: { ...POD, container: 'config-manager' }, lines: ['cron: webhook delivery failed (an unrelated container echoing the text)'] },
      {
        labels: { namespace: 'openclaw', pod: 'litellm-5c6d7e8f9-abcde', node: 'node-a', app: 'litellm', app_kubernetes_io_name: 'openclaw', container: 'litellm', job: 'openclaw/litellm-5c6d7e8f9-abcde' },
        lines: ['{"kind":"cron_run","jobId":"not-a-run","status":"ok"}'],
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const asMap = (samples: Sample[], ...labels: string[]): Record<string, number> =>
  Object.fromEntries(samples.map((s) => [labels.map((l) => s.labels[l] ?? '').join('|'), s.value]).sort(([a], [b]) => String(a).localeCompare(String(b))));

let loki: MiniLoki;
beforeAll(() => {
  loki = new MiniLoki(fixtureStreams());
});

describe('LogQL builders parse and use only Alloy labels', () => {
  const variants = { default: {}, alert: { range: '15m' }, dashboard: { range: '$__interval', jobIdRegex: '${jobId:regex}' } };
  for (const [variant, options] of Object.entries(variants)) {
    for (const [name, expr] of Object.entries(cronLogQLQueries(options))) {
      it(`${name} (${variant}) parses and selects known streams`, () => {
        const result = checkLogQL(expr, { name });
        expect(result.problems).toEqual([]);
        expect(result.streamLabels).toEqual(['container', 'namespace']);
      });
    }
  }

  it('selects the shipper and gateway containers by the exported selectors', () => {
    expect(RUN_LOG_STREAM_SELECTOR).toBe('{namespace="openclaw", container="cron-run-log"}');
    expect(GATEWAY_STREAM_SELECTOR).toBe('{namespace="openclaw", container="openclaw"}');
    expect(cronRunsByStatusQuery()).toContain(RUN_LOG_STREAM_SELECTOR);
    expect(gatewayBlockedUrlFetchesQuery()).toContain(GATEWAY_STREAM_SELECTOR);
  });
});

describe('checkLogQL', () => {
  it('substitutes Grafana macros and variables before parsing', () => {
    const expr = 'sum by (jobId) (count_over_time({namespace="openclaw", container=~"${container:regex}"} |= "$search" [$__range]))';
    expect(checkLogQL(expr).problems).toEqual([]);
    expect(substituteLogQLMacros('rate({a="b"}[$__auto])').text).toBe('rate({a="b"}[1m])');
  });

  it('fails on app="openclaw", naming the query, the label and the values that exist', () => {
    const result = checkLogQL('sum(count_over_time({namespace="openclaw", app="openclaw"} |= "cron" [5m]))', { name: 'Cron errors panel' });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toContain('Cron errors panel');
    expect(result.problems[0]!.message).toContain('app="openclaw"');
    expect(result.problems[0]!.message).toContain('cloudflared, litellm');
    expect(result.problems[0]!.offset).toBe('sum(count_over_time({namespace="openclaw", '.length);
  });

  it('fails on a label Alloy never sets, listing the known labels', () => {
    const result = checkLogQL('{namespace="openclaw", pod_name="x"}', { name: 'q1' });
    expect(result.problems.map((p) => p.message)).toEqual([
      `q1 selects streams by label "pod_name", which Alloy never sets: expected one of ${ALLOY_STREAM_LABELS.join(', ')}; use one of those (fields of the line need | json and a label filter)`,
    ]);
  });

  it('fails on a misspelt container name', () => {
    expect(checkLogQL('{namespace="openclaw", container="cron-run-logs"}').ok).toBe(false);
  });

  it('does not treat a label filter after | json as a stream label', () => {
    expect(checkLogQL('{namespace="openclaw", container="cron-run-log"} | json | app="x" | status="error"').ok).toBe(true);
  });

  it('fails on a syntax error and reports the offset in the original text', () => {
    const expr = 'sum(count_over_time({namespace="openclaw"} |= "x" [$__interval]) +';
    const result = checkLogQL(expr, { name: 'broken' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/^broken does not parse at offset \d+/);
    expect(result.problems[0]!.offset).toBeGreaterThanOrEqual(expr.indexOf('[$__interval])') + '[$__interval])'.length);
    expect(() => assertLogQL(expr, { name: 'broken' })).toThrow(/broken does not parse/);
  });

  it('fails on an empty expression', () => {
    expect(checkLogQL('  ').ok).toBe(false);
  });
});

describe('builder options', () => {
  it('fails on a range that is neither a duration nor a macro', () => {
    expect(() => cronRunErrorsQuery({ range: '5 minutes' })).toThrow(/cronRunErrorsQuery: range "5 minutes" is not a LogQL duration or Grafana macro/);
  });

  it('fails on a jobId regex with a backtick', () => {
    expect(() => cronRunsByStatusQuery({ jobIdRegex: 'a`b' })).toThrow(/contains a backtick/);
  });
});

describe('queries evaluated against the fixture lines (mini evaluator)', () => {
  it('counts runs per job and status', () => {
    expect(asMap(loki.query(cronRunsByStatusQuery()), 'jobId', 'status')).toEqual({
      [`${DIGEST}|error`]: 1,
      [`${DIGEST}|ok`]: 2,
      [`${MAIN}|ok`]: 1,
      [`${MAIN}|skipped`]: 1,
      [`${TRIAGE}|error`]: 1,
      [`${TRIAGE}|ok`]: 2,
    });
  });

  it('counts failed runs per job', () => {
    expect(asMap(loki.query(cronRunErrorsQuery({ range: '15m' })), 'jobId')).toEqual({ [DIGEST]: 1, [TRIAGE]: 1 });
  });

  it('restricts to the jobs matching jobIdRegex', () => {
    expect(asMap(loki.query(cronRunsByStatusQuery({ jobIdRegex: `${DIGEST}|nope` })), 'jobId', 'status')).toEqual({
      [`${DIGEST}|error`]: 1,
      [`${DIGEST}|ok`]: 2,
    });
  });

  it('averages, maximises and takes the p95 of durationMs per job', () => {
    expect(asMap(loki.query(cronRunDurationQuery()), 'jobId')).toEqual({
      [DIGEST]: (61210 + 45000 + 30480) / 3,
      [MAIN]: (12 + 5) / 2,
      [TRIAGE]: (1180 + 21950 + 3050) / 3,
    });
    expect(asMap(loki.query(cronRunDurationQuery({ statistic: 'max' })), 'jobId')[DIGEST]).toBe(61210);
    expect(asMap(loki.query(cronRunDurationQuery({ statistic: 'p95' })), 'jobId')[MAIN]).toBeCloseTo(12 - 0.05 * 7);
  });

  it('sums input, output and total tokens per job and model, leaving out runs without usage', () => {
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'input' })), 'jobId', 'model')).toEqual({
      [`${DIGEST}|claude-sonnet-4-5`]: 18234,
      [`${DIGEST}|gpt-5-mini`]: 9100,
      [`${TRIAGE}|claude-sonnet-4-5`]: 5400,
    });
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'output' })), 'jobId', 'model')[`${DIGEST}|gpt-5-mini`]).toBe(388);
    // total_tokens is the prompt size, so it is neither input + output nor derived from them
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'total' })), 'jobId', 'model')[`${DIGEST}|gpt-5-mini`]).toBe(11876);
  });

  it('counts webhook delivery failures and SSRF-blocked deliveries per job from the shipped file log', () => {
    expect(asMap(loki.query(cronWebhookDeliveryFailuresQuery()), 'jobId')).toEqual({ [DIGEST]: 2 });
    expect(asMap(loki.query(cronWebhookBlockedBySsrfGuardQuery()), 'jobId')).toEqual({ [TRIAGE]: 2 });
  });

  it('counts SSRF-blocked fetches from the gateway stdout', () => {
    expect(loki.query(gatewayBlockedUrlFetchesQuery()).map((s) => s.value)).toEqual([2]);
  });

  it('finds no cron warning on the gateway stdout (OpenClaw writes them to its file log only)', () => {
    expect(loki.query('sum(count_over_time({namespace="openclaw", container="openclaw"} |= "cron: webhook" [5m]))')).toEqual([]);
  });

  it('fails like Loki when a JSON parse error reaches the aggregation', () => {
    expect(() => loki.query(`sum(count_over_time(${RUN_LOG_STREAM_SELECTOR} | json [5m]))`)).toThrow(/JSONParserErr/);
  });

  it('selects nothing with app="openclaw", the label the gateway does not have', () => {
    expect(loki.query('sum(count_over_time({namespace="openclaw", app="openclaw"} [5m]))')).toEqual([]);
  });
});
