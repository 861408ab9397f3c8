/**
 * PromQL for OpenClaw metrics: builders that take catalog objects (never typed names) and
 * {@link checkPromQL}, which parses a query with
 * `@prometheus-io/lezer-promql` and checks every metric and label name against the catalog under
 * the configured translation strategy (Grafana macros substituted first, see `grafana-macros.ts`).
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { closestName } from '../core/closest-name';
import {
  ALL_ATTRIBUTE_KEYS,
  ALL_METRICS,
  attributeKeysOf,
  OpenClawMetric,
  SDK_RESOURCE_ATTRIBUTES,
} from '../telemetry/metric-catalog';
import {
  HistogramSeriesPart,
  isLegacyLabelName,
  isLegacyMetricName,
  MetricNamer,
  prometheusSeriesNames,
  TARGET_INFO,
  TRANSLATION_STRATEGIES,
} from '../telemetry/otlp-prometheus-naming';
import {
  GRAFANA_VARIABLE_PLACEHOLDER_PREFIX,
  type GrafanaMacroValues,
  substituteGrafanaMacros,
} from './grafana-macros';

export { type GrafanaMacroValues, substituteGrafanaMacros } from './grafana-macros';

/** A query with a name for messages (panel title, alert name, ...). */
export interface NamedQuery {
  /** Name used in messages, e.g. the panel title. */
  readonly name: string;
  /** The PromQL expression, Grafana macros allowed. */
  readonly expr: string;
}

/**
 * Labels every OpenClaw series may carry besides its attributes. Explicit allow-list:
 * `job`/`instance` come from the resource (service.name, service.instance.id), `le` from classic
 * histogram buckets, `__name__` is the metric name itself.
 */
export const BUILTIN_LABELS: readonly string[] = ['__name__', 'instance', 'job'];

/** The label only `_bucket` series carry. */
export const BUCKET_LABEL = 'le';

/** The built-in labels and `le`, in sorted order, as messages list them. */
const BUILTIN_LABEL_LIST = [...BUILTIN_LABELS, BUCKET_LABEL].join(', ');

/**
 * Metric names that are not in the OpenClaw catalog but may be queried: `target_info` (resource
 * attributes), `up` (scrape health), `ALERTS`/`ALERTS_FOR_STATE` (rule state).
 */
export const BUILTIN_METRICS: readonly string[] = ['ALERTS', 'ALERTS_FOR_STATE', TARGET_INFO, 'up'];

/** Labels of the built-in metrics beyond {@link BUILTIN_LABELS}. */
const BUILTIN_METRIC_LABELS: Readonly<Record<string, readonly string[]>> = {
  ALERTS: ['alertname', 'alertstate', 'severity'],
  ALERTS_FOR_STATE: ['alertname', 'severity'],
  up: [],
};

/** A label matcher for the builders; `label` is an attribute key from `ATTR` or a built-in label. */
export interface LabelMatcher {
  /** Attribute key (`ATTR.channel`) or built-in label (`job`, `instance`, `le`). */
  readonly label: string;
  /**
   * Match operator.
   * @default '='
   */
  readonly op?: '=' | '!=' | '=~' | '!~';
  /** Value; Grafana variables such as `$channel` are fine. */
  readonly value: string;
}

/** Options for a selector. */
export interface SelectorOptions {
  /**
   * Label matchers.
   * @default []
   */
  readonly matchers?: readonly LabelMatcher[];
  /**
   * Histogram series part; required for histograms.
   * @default undefined (counters)
   */
  readonly part?: HistogramSeriesPart;
}

/** Options for range functions (`rate`, `increase`). */
export interface RangeOptions extends SelectorOptions {
  /**
   * Range of the matrix selector.
   * @default '$__rate_interval'
   */
  readonly range?: string;
}

/** Options for {@link QueryBuilder.histogramQuantile}. */
export interface QuantileOptions {
  /**
   * Label matchers.
   * @default []
   */
  readonly matchers?: readonly LabelMatcher[];
  /**
   * Labels (attribute keys or built-ins) kept besides `le`.
   * @default []
   */
  readonly by?: readonly string[];
  /**
   * Range of the rate.
   * @default '$__rate_interval'
   */
  readonly range?: string;
}

/** Builds PromQL strings from catalog objects under one namer. */
export interface QueryBuilder {
  /** The namer the names come from. */
  readonly namer: MetricNamer;
  /** The Prometheus label name of an attribute key or built-in label (throws for unknown ones). */
  label(ref: string): string;
  /** `name{matchers}` (or `{"name", ...}` for names that need quoting). */
  selector(metric: OpenClawMetric, options?: SelectorOptions): string;
  /** `target_info{job="..."}`-style selector for a built-in metric. */
  builtinSelector(name: string, matchers?: readonly LabelMatcher[]): string;
  /** `rate(selector[range])`. */
  rate(metric: OpenClawMetric, options?: RangeOptions): string;
  /** `increase(selector[range])`. */
  increase(metric: OpenClawMetric, options?: RangeOptions): string;
  /** `sum by (labels) (expr)`; `sum (expr)` when labels is empty. */
  sumBy(labels: readonly string[], expr: string): string;
  /** `histogram_quantile(q, sum by (le, ...) (rate(bucket[range])))`. */
  histogramQuantile(quantile: number, metric: OpenClawMetric, options?: QuantileOptions): string;
}

function quoteString(value: string): string {
  return JSON.stringify(value);
}

function renderLabel(label: string): string {
  return isLegacyLabelName(label) ? label : quoteString(label);
}

/** Creates a {@link QueryBuilder}; pass `metricNamer(settings)` so names follow the configured strategy. */
export function createQueryBuilder(namer: MetricNamer): QueryBuilder {
  const attributeKeys = new Set<string>(ALL_ATTRIBUTE_KEYS);
  const builtins = new Set<string>([...BUILTIN_LABELS, BUCKET_LABEL]);
  const label = (ref: string): string => {
    if (attributeKeys.has(ref)) return namer.labelName(ref);
    if (builtins.has(ref)) return ref;
    throw new Error(
      `promql builder: received label ${JSON.stringify(ref)}, expected an ` +
        `attribute key from ATTR or one of ${BUILTIN_LABEL_LIST}; ` +
        `use ATTR.<name> from lib/telemetry/metric-catalog.ts`,
    );
  };
  const render = (name: string, matchers: readonly LabelMatcher[]): string => {
    const parts = matchers.map((m) => `${renderLabel(label(m.label))}${m.op ?? '='}${quoteString(m.value)}`);
    if (isLegacyMetricName(name)) {
      return parts.length === 0 ? name : `${name}{${parts.join(', ')}}`;
    }
    return `{${[quoteString(name), ...parts].join(', ')}}`;
  };
  const selector = (metric: OpenClawMetric, options: SelectorOptions = {}): string =>
    render(namer.seriesName(metric, options.part), options.matchers ?? []);
  const rangeFunction = (fn: string, metric: OpenClawMetric, options: RangeOptions = {}): string =>
    `${fn}(${selector(metric, options)}[${options.range ?? '$__rate_interval'}])`;
  const sumBy = (labels: readonly string[], expr: string): string =>
    labels.length === 0 ? `sum (${expr})` : `sum by (${labels.map((l) => renderLabel(label(l))).join(', ')}) (${expr})`;
  return {
    namer,
    label,
    selector,
    builtinSelector: (name, matchers = []) => {
      if (!BUILTIN_METRICS.includes(name)) {
        throw new Error(
          `promql builder: received built-in metric ${JSON.stringify(name)}, ` +
            `expected one of ${BUILTIN_METRICS.join(', ')}; use ` +
            `selector(METRICS.<id>) for openclaw metrics`,
        );
      }
      return render(name, matchers);
    },
    rate: (metric, options) => rangeFunction('rate', metric, options),
    increase: (metric, options) => rangeFunction('increase', metric, options),
    sumBy,
    histogramQuantile: (quantile, metric, options = {}) => {
      if (!(quantile >= 0 && quantile <= 1)) {
        throw new Error(
          `promql builder: received quantile ${quantile} for ${metric.name}, ` +
            `expected a number between 0 and 1; pass e.g. 0.95`,
        );
      }
      const inner = rangeFunction('rate', metric, { ...options, part: 'bucket' });
      return `histogram_quantile(${quantile}, ${sumBy([BUCKET_LABEL, ...(options.by ?? [])], inner)})`;
    },
  };
}

/** Options for {@link checkPromQL}. */
export interface CheckPromQLOptions {
  /**
   * Name of the query for messages.
   * @default the expression itself
   */
  readonly name?: string;
  /**
   * Labels allowed anywhere besides catalog attributes and built-ins (e.g. promoted resource
   * attributes such as `k8s_pod_name`).
   * @default []
   */
  readonly extraLabels?: readonly string[];
  /**
   * Values for Grafana macros and variables.
   * @default {}
   */
  readonly macros?: GrafanaMacroValues;
}

/** What {@link checkPromQL} found. */
export interface PromQLCheckResult {
  /** The query name used in messages. */
  readonly name: string;
  /** The expression after macro substitution (what was parsed). */
  readonly checkedExpr: string;
  /** Metric names the query selects, sorted and unique. */
  readonly metricNames: readonly string[];
  /** Label names the query uses, sorted and unique. */
  readonly labelNames: readonly string[];
  /** Problems; empty when the query is fine. */
  readonly errors: readonly string[];
}

/** Decodes a PromQL string literal (`"..."`, `'...'` or `` `...` ``). */
export function unquotePromQLString(literal: string): string {
  const quote = literal[0];
  // A literal of one character (or none) has an empty body whether or not its quote is closed.
  const body = literal.slice(1, literal.endsWith(quote) ? -1 : undefined);
  if (quote === '`') return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    // only `u` + 4 and `x` + 2 hex digits are longer than one character
    if (escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };
    return simple[escape] ?? escape;
  });
}

interface Vocabulary {
  /** series name → labels allowed on it. */
  readonly seriesLabels: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every label known anywhere. */
  readonly allLabels: ReadonlySet<string>;
  /** series name → reason it is never recorded. */
  readonly neverRecorded: ReadonlyMap<string, string>;
  /**
   * series name under any strategy → { the first strategy in TRANSLATION_STRATEGIES that spells it
   * so, the name under the namer's strategy }; a name the namer's strategy spells is known, so only
   * the others are ever looked up.
   */
  readonly otherSpellings: ReadonlyMap<string, { strategy: string; expected: string }>;
  /** Series names that can be recorded (the candidates for "closest known name"). */
  readonly knownMetrics: readonly string[];
}

function buildVocabulary(namer: MetricNamer, extraLabels: readonly string[]): Vocabulary {
  const seriesLabels = new Map<string, Set<string>>();
  const neverRecorded = new Map<string, string>();
  const otherSpellings = new Map<string, { strategy: string; expected: string }>();
  const allLabels = new Set<string>([...BUILTIN_LABELS, BUCKET_LABEL, ...extraLabels]);
  const resourceLabels = SDK_RESOURCE_ATTRIBUTES.map((key) => namer.labelName(key));
  for (const metric of ALL_METRICS) {
    const labels = attributeKeysOf(metric).map((key) => namer.labelName(key));
    const names = namer.seriesNames(metric);
    for (const series of names.all) {
      const allowed = new Set<string>([...BUILTIN_LABELS, ...extraLabels, ...labels]);
      if (series === names.histogram?.bucket) allowed.add(BUCKET_LABEL);
      seriesLabels.set(series, allowed);
      if (metric.neverRecorded !== undefined) neverRecorded.set(series, metric.neverRecorded);
    }
    for (const strategy of TRANSLATION_STRATEGIES) {
      prometheusSeriesNames(metric, strategy).all.forEach((series, index) => {
        if (!otherSpellings.has(series)) otherSpellings.set(series, { strategy, expected: names.all[index] as string });
      });
    }
  }
  ALL_ATTRIBUTE_KEYS.forEach((key) => allLabels.add(namer.labelName(key)));
  resourceLabels.forEach((l) => allLabels.add(l));
  seriesLabels.set(TARGET_INFO, new Set([...BUILTIN_LABELS, ...extraLabels, ...resourceLabels]));
  for (const [name, labels] of Object.entries(BUILTIN_METRIC_LABELS)) {
    labels.forEach((l) => allLabels.add(l));
    seriesLabels.set(name, new Set([...BUILTIN_LABELS, ...extraLabels, ...labels]));
  }
  const knownMetrics = [...seriesLabels.keys()].filter((n) => !neverRecorded.has(n));
  return { seriesLabels, allLabels, neverRecorded, otherSpellings, knownMetrics };
}

/**
 * Vocabularies by namer and extra labels: a dashboard or an alert group checks dozens of queries with
 * one namer, and a vocabulary is a walk over the whole metric catalog. Keyed by the namer object (not
 * its strategy), so a namer of another make never gets another namer's names.
 */
const VOCABULARIES = new WeakMap<MetricNamer, Map<string, Vocabulary>>();

function vocabularyFor(namer: MetricNamer, extraLabels: readonly string[]): Vocabulary {
  let byExtraLabels = VOCABULARIES.get(namer);
  if (byExtraLabels === undefined) {
    byExtraLabels = new Map();
    VOCABULARIES.set(namer, byExtraLabels);
  }
  const key = JSON.stringify(extraLabels);
  let vocabulary = byExtraLabels.get(key);
  if (vocabulary === undefined) {
    vocabulary = buildVocabulary(namer, extraLabels);
    byExtraLabels.set(key, vocabulary);
  }
  return vocabulary;
}

/** The closest of `candidates`; every list of candidates here is non-empty, so there is one. */
function closest(name: string, candidates: Iterable<string>): string {
  return closestName(name, candidates) ?? '';
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) result.push(child);
  return result;
}

/**
 * Parses a PromQL query (after Grafana macro substitution) and checks every metric and label name
 * against the catalog under `namer`'s strategy plus the explicit built-ins ({@link BUILTIN_METRICS},
 * {@link BUILTIN_LABELS}, `le` on buckets, `target_info` resource labels). Never throws; see
 * {@link assertPromQL}.
 */
export function checkPromQL(expr: string, namer: MetricNamer, options: CheckPromQLOptions = {}): PromQLCheckResult {
  const name = options.name ?? expr;
  const checkedExpr = substituteGrafanaMacros(expr, options.macros);
  const where =
    checkedExpr === expr
      ? `query ${JSON.stringify(name)}`
      : `query ${JSON.stringify(name)} (checked as ${JSON.stringify(checkedExpr)})`;
  const errors: string[] = [];
  const metricNames = new Set<string>();
  const labelNames = new Set<string>();
  const vocabulary = vocabularyFor(namer, options.extraLabels ?? []);
  const introduced = new Set<string>();
  const text = (node: SyntaxNode): string => checkedExpr.slice(node.from, node.to);
  const labelText = (node: SyntaxNode): string =>
    node.name === 'LabelName' ? text(node) : unquotePromQLString(text(node));

  const tree = parser.parse(checkedExpr);
  const syntaxErrors: number[] = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) syntaxErrors.push(ref.from);
    },
  });
  for (const offset of syntaxErrors) {
    errors.push(
      `${where}: syntax error at offset ${offset} near ` +
        `${JSON.stringify(checkedExpr.slice(offset, offset + 20))}; fix the ` +
        `PromQL syntax`,
    );
  }
  if (syntaxErrors.length > 0) {
    return { name, checkedExpr, metricNames: [], labelNames: [], errors };
  }

  const selectorChecks: Array<{ metric: string | undefined; labels: string[] }> = [];
  const groupingLabels: string[] = [];
  // The tree has no syntax errors here, so each node has the children its grammar rule requires
  // (a label matcher: its label name, operator and value; a call: its function and body).
  tree.iterate({
    enter: (ref) => {
      const node = ref.node;
      switch (node.name) {
        case 'VectorSelector': {
          let metric: string | undefined;
          const labels: string[] = [];
          const identifier = node.getChild('Identifier');
          if (identifier !== null) metric = text(identifier);
          const matchers = node.getChild('LabelMatchers');
          for (const matcher of matchers === null ? [] : childrenOf(matchers)) {
            if (matcher.name === 'QuotedLabelName') {
              metric = unquotePromQLString(text(matcher));
              continue;
            }
            const [labelNode, op, value] = childrenOf(matcher);
            const labelName = labelText(labelNode);
            if (labelName !== '__name__') {
              labels.push(labelName);
            } else if (text(op) === '=') {
              metric = unquotePromQLString(text(value));
            }
          }
          selectorChecks.push({ metric, labels });
          break;
        }
        case 'GroupingLabels':
          groupingLabels.push(...childrenOf(node).map(labelText));
          break;
        case 'FunctionCall': {
          const [fn, body] = childrenOf(node);
          const strings = childrenOf(body)
            .filter((child) => child.name === 'StringLiteral')
            .map((child) => unquotePromQLString(text(child)));
          const fnName = text(fn);
          if (fnName === 'label_replace' && strings.length === 4) {
            introduced.add(strings[0] as string);
            groupingLabels.push(strings[2] as string);
          } else if (fnName === 'label_join' && strings.length >= 2) {
            introduced.add(strings[0] as string);
            groupingLabels.push(...strings.slice(2));
          } else if (fnName === 'sort_by_label' || fnName === 'sort_by_label_desc') {
            groupingLabels.push(...strings);
          }
          break;
        }
        case 'AggregateExpr': {
          const [op] = childrenOf(node);
          if (text(op) === 'count_values') {
            const first = (node.getChild('FunctionCallBody') as SyntaxNode).getChild('StringLiteral');
            if (first !== null) introduced.add(unquotePromQLString(text(first)));
          }
          break;
        }
      }
    },
  });

  const skip = (label: string): boolean =>
    label.startsWith(GRAFANA_VARIABLE_PLACEHOLDER_PREFIX) || introduced.has(label);
  for (const { metric, labels } of selectorChecks) {
    labels.forEach((l) => labelNames.add(l));
    let allowed: ReadonlySet<string> = vocabulary.allLabels;
    if (metric !== undefined && !metric.startsWith(GRAFANA_VARIABLE_PLACEHOLDER_PREFIX)) {
      metricNames.add(metric);
      const never = vocabulary.neverRecorded.get(metric);
      const other = vocabulary.otherSpellings.get(metric);
      const known = vocabulary.seriesLabels.get(metric);
      if (never !== undefined) {
        errors.push(`${where}: metric "${metric}" is ${never}; remove it from the query`);
      } else if (known === undefined) {
        const hint =
          other === undefined
            ? `closest known name: "${closest(metric, vocabulary.knownMetrics)}"`
            : `that is the ${other.strategy} spelling; under ${namer.strategy} the name is "${other.expected}"`;
        errors.push(
          `${where}: unknown metric "${metric}" under ${namer.strategy} (${hint}); ` +
            `build names with the namer from metricNamer(settings)`,
        );
      }
      if (known !== undefined) allowed = known;
    }
    for (const label of labels) {
      if (skip(label) || allowed.has(label)) continue;
      const onMetric = metric === undefined ? '' : ` on metric "${metric}"`;
      errors.push(
        `${where}: unknown label "${label}"${onMetric} (closest known label: "` +
          `${closest(label, allowed)}"); use labels from ATTR via the ` +
          `namer or the built-ins ${BUILTIN_LABEL_LIST}`,
      );
    }
  }
  for (const label of groupingLabels) {
    labelNames.add(label);
    if (skip(label) || vocabulary.allLabels.has(label)) continue;
    errors.push(
      `${where}: unknown label "${label}" (closest known label: "` +
        `${closest(label, vocabulary.allLabels)}"); use labels from ` +
        `ATTR via the namer or the built-ins ${BUILTIN_LABEL_LIST}`,
    );
  }
  return {
    name,
    checkedExpr,
    metricNames: [...metricNames].sort(),
    labelNames: [...labelNames].filter((l) => !l.startsWith(GRAFANA_VARIABLE_PLACEHOLDER_PREFIX)).sort(),
    errors,
  };
}

/** Runs {@link checkPromQL} on every query and throws one error listing every problem. */
export function assertPromQL(
  queries: readonly NamedQuery[],
  namer: MetricNamer,
  options: Omit<CheckPromQLOptions, 'name'> = {},
): void {
  const errors = queries.flatMap((query) => checkPromQL(query.expr, namer, { ...options, name: query.name }).errors);
  if (errors.length > 0) {
    throw new Error(`${errors.length} promql problem(s):\n${errors.join('\n')}`);
  }
}
