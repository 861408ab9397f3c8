/**
 * How Prometheus's OTLP receiver names what OpenClaw sends: metric names, series names, label
 * names and the resource-attribute labels (`job`, `instance`, `target_info`).
 *
 * Pure functions following prometheus/otlptranslator (`metric_namer.go`, `unit_namer.go`,
 * `label_namer.go`, `strategy.go`) and Prometheus `prometheusremotewrite` (resource attributes).
 * Source: docs/FACTS.md (Tooling).
 */
import { DEFAULT_SERVICE_NAME, OtlpInstrument, RESOURCE_ATTR } from './metric-catalog';
import { compareText } from '../core/compare-text';

/** The `otlp.translation_strategy` values Prometheus 3.x accepts. */
export type TranslationStrategy =
  | 'UnderscoreEscapingWithSuffixes'
  | 'NoUTF8EscapingWithSuffixes'
  | 'UnderscoreEscapingWithoutSuffixes'
  | 'NoTranslation';

/** Every translation strategy, default first. */
export const TRANSLATION_STRATEGIES: readonly TranslationStrategy[] = [
  'UnderscoreEscapingWithSuffixes',
  'NoUTF8EscapingWithSuffixes',
  'UnderscoreEscapingWithoutSuffixes',
  'NoTranslation',
];

/** The strategy Prometheus uses when `otlp.translation_strategy` is unset. */
export const DEFAULT_TRANSLATION_STRATEGY: TranslationStrategy = 'UnderscoreEscapingWithSuffixes';

/** Whether the strategy escapes metric and label names to the legacy character set. */
export function strategyEscapes(strategy: TranslationStrategy): boolean {
  return strategy === 'UnderscoreEscapingWithSuffixes' || strategy === 'UnderscoreEscapingWithoutSuffixes';
}

/** Whether the strategy appends unit and type suffixes (`_milliseconds`, `_total`, `_ratio`). */
export function strategyAddsSuffixes(strategy: TranslationStrategy): boolean {
  return strategy === 'UnderscoreEscapingWithSuffixes' || strategy === 'NoUTF8EscapingWithSuffixes';
}

/** Throws unless `value` is a known translation strategy. */
export function assertTranslationStrategy(value: unknown, where: string): asserts value is TranslationStrategy {
  if (typeof value !== 'string' || !(TRANSLATION_STRATEGIES as readonly string[]).includes(value)) {
    throw new Error(
      `${where}: received translation strategy ${JSON.stringify(value)}, ` +
        `expected one of ${TRANSLATION_STRATEGIES.join(', ')}; use a strategy ` +
        `Prometheus 3.x accepts`,
    );
  }
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  Cel: 'celsius',
  Hz: 'hertz',
  '1': '',
  '%': 'percent',
};

const PER_UNIT_WORDS: Readonly<Record<string, string>> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

/** The unit words a unit string turns into before cleaning: main (`milliseconds`) and per (`per_second`). */
export function unitSuffixes(unit: string): { readonly main: string; readonly per: string } {
  const slash = unit.indexOf('/');
  const mainPart = (slash < 0 ? unit : unit.slice(0, slash)).trim();
  const perPart = slash < 0 ? '' : unit.slice(slash + 1).trim();
  const main = mainPart !== '' && !/[{}]/.test(mainPart) ? (UNIT_WORDS[mainPart] ?? mainPart) : '';
  const perWord = perPart !== '' && !/[{}]/.test(perPart) ? (PER_UNIT_WORDS[perPart] ?? perPart) : '';
  return { main, per: perWord === '' ? '' : `per_${perWord}` };
}

/** Replaces characters outside `[a-zA-Z0-9:]` by `_`, collapses runs of `_` and drops a leading `_`. */
function cleanUnit(word: string): string {
  return word
    .replace(/[^a-zA-Z0-9:]/g, '_')
    .replace(/__+/g, '_')
    .replace(/^_/, '');
}

function prefixLeadingDigit(name: string): string {
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function escapedNameWithSuffixes(instrument: OtlpInstrument): string {
  let tokens = instrument.name.split(/[^a-zA-Z0-9:]+/).filter((token) => token !== '');
  const units = unitSuffixes(instrument.unit);
  let main = cleanUnit(units.main);
  let per = units.per === 'per_' ? '' : cleanUnit(units.per).replace(/_$/, '');
  // A suffix is skipped when that exact word already is a token of the name (not a prefix of one).
  if (tokens.includes(main)) main = '';
  if (tokens.includes(per)) per = '';
  if (per !== '') main = main.replace(/_$/, '');
  if (main !== '') tokens.push(main);
  if (per !== '') tokens.push(per);
  if (instrument.type === 'monotonicCounter') {
    tokens = [...tokens.filter((token) => token !== 'total'), 'total'];
  }
  if (instrument.unit === '1' && instrument.type === 'gauge') {
    tokens = [...tokens.filter((token) => token !== 'ratio'), 'ratio'];
  }
  return prefixLeadingDigit(tokens.join('_'));
}

function trimSuffixAndDelimiter(name: string, suffix: string): string {
  return name.endsWith(suffix) && name.length > suffix.length + 1
    ? name.slice(0, name.length - suffix.length - 1)
    : name;
}

function utf8NameWithSuffixes(instrument: OtlpInstrument): string {
  let name = instrument.name;
  const ratio = instrument.unit === '1' && instrument.type === 'gauge';
  const total = instrument.type === 'monotonicCounter';
  const { main, per } = unitSuffixes(instrument.unit);
  if (ratio) name = trimSuffixAndDelimiter(name, 'ratio');
  if (total) name = trimSuffixAndDelimiter(name, 'total');
  if (per !== '') name = trimSuffixAndDelimiter(name, per);
  if (main !== '' && !name.endsWith(main)) name = `${name}_${main}`;
  if (per !== '') name = `${name}_${per}`;
  if (total) name = `${name}_total`;
  if (ratio) name = `${name}_ratio`;
  return name;
}

/**
 * The metric family name Prometheus stores for an OTLP metric under a translation strategy.
 * For histograms this is the base name; see {@link prometheusSeriesNames} for `_bucket`/`_sum`/`_count`.
 *
 * @example prometheusMetricName(METRICS.tokens, 'UnderscoreEscapingWithSuffixes') // 'openclaw_tokens_total'
 */
export function prometheusMetricName(instrument: OtlpInstrument, strategy: TranslationStrategy): string {
  switch (strategy) {
    case 'UnderscoreEscapingWithSuffixes':
      return escapedNameWithSuffixes(instrument);
    case 'UnderscoreEscapingWithoutSuffixes':
      return prefixLeadingDigit(
        instrument.name
          .split(/[^a-zA-Z0-9:_]+/)
          .filter((token) => token !== '')
          .join('_'),
      );
    case 'NoUTF8EscapingWithSuffixes':
      return utf8NameWithSuffixes(instrument);
    case 'NoTranslation':
      return instrument.name;
  }
}

/** The suffixes Prometheus appends to a classic histogram's base name. */
export type HistogramSeriesPart = 'bucket' | 'sum' | 'count';

/** The series names one OTLP metric becomes in Prometheus. */
export interface PrometheusSeriesNames {
  /** The metric family (base) name. */
  readonly family: string;
  /** Every series name, sorted: the family for counters/gauges; `_bucket`, `_count`, `_sum` for histograms. */
  readonly all: readonly string[];
  /** Histogram series by part; undefined for non-histograms. */
  readonly histogram?: Readonly<Record<HistogramSeriesPart, string>>;
}

/** Every series name Prometheus stores for an OTLP metric (classic histograms, no NHCB). */
export function prometheusSeriesNames(
  instrument: OtlpInstrument,
  strategy: TranslationStrategy,
): PrometheusSeriesNames {
  const family = prometheusMetricName(instrument, strategy);
  if (instrument.type !== 'histogram') {
    return { family, all: [family] };
  }
  const histogram = { bucket: `${family}_bucket`, sum: `${family}_sum`, count: `${family}_count` };
  return { family, all: [histogram.bucket, histogram.count, histogram.sum], histogram };
}

/**
 * The label name Prometheus stores for an OTLP attribute key.
 *
 * @example prometheusLabelName('openclaw.token', 'UnderscoreEscapingWithSuffixes') // 'openclaw_token'
 */
export function prometheusLabelName(attributeKey: string, strategy: TranslationStrategy): string {
  if (!strategyEscapes(strategy)) {
    return attributeKey;
  }
  const sanitized = attributeKey.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(sanitized)) return `key_${sanitized}`;
  if (sanitized.startsWith('_') && !sanitized.startsWith('__')) return `key${sanitized}`;
  return sanitized;
}

/** Whether a name is valid in classic PromQL without quoting (`[a-zA-Z_:][a-zA-Z0-9_:]*`). */
export function isLegacyMetricName(name: string): boolean {
  return /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name);
}

/** Whether a label name is valid without quoting (`[a-zA-Z_][a-zA-Z0-9_]*`). */
export function isLegacyLabelName(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name);
}

/** Options for {@link resourceLabels}; mirrors the `otlp:` block of the Prometheus config. */
export interface ResourceLabelOptions {
  /**
   * Resource attributes copied onto every series (`promote_resource_attributes`).
   * @default []
   */
  readonly promoteResourceAttributes?: readonly string[];
  /**
   * Also put `service.name`, `service.namespace`, `service.instance.id` onto `target_info`.
   * @default false
   */
  readonly keepIdentifyingResourceAttributes?: boolean;
}

/** Labels Prometheus derives from an OTLP resource. */
export interface ResourceLabels {
  /** `job` label on every series, undefined when there is no `service.name`. */
  readonly job?: string;
  /** `instance` label on every series, undefined when there is no `service.instance.id`. */
  readonly instance?: string;
  /** Promoted resource attributes on every series, keyed by label name. */
  readonly promoted: Readonly<Record<string, string>>;
  /** Labels of the `target_info` series (value 1), or undefined when Prometheus emits none. */
  readonly targetInfo?: Readonly<Record<string, string>>;
}

/** The name of the series that carries non-identifying resource attributes. */
export const TARGET_INFO = 'target_info';

/**
 * The labels Prometheus derives from resource attributes: `job` = `service.namespace/service.name`
 * (or `service.name`), `instance` = `service.instance.id`, other attributes only on `target_info`.
 */
export function resourceLabels(
  resource: Readonly<Record<string, string>>,
  strategy: TranslationStrategy,
  options: ResourceLabelOptions = {},
): ResourceLabels {
  const serviceName = resource[RESOURCE_ATTR.serviceName];
  const namespace = resource[RESOURCE_ATTR.serviceNamespace];
  const instanceId = resource[RESOURCE_ATTR.serviceInstanceId];
  const job =
    serviceName === undefined || serviceName === ''
      ? undefined
      : namespace === undefined || namespace === ''
        ? serviceName
        : `${namespace}/${serviceName}`;
  const instance = instanceId === undefined || instanceId === '' ? undefined : instanceId;
  const identifying = new Set<string>(Object.values(RESOURCE_ATTR));
  const promoted: Record<string, string> = {};
  for (const key of [...(options.promoteResourceAttributes ?? [])].sort()) {
    const value = resource[key];
    if (value !== undefined) promoted[prometheusLabelName(key, strategy)] = value;
  }
  const keys = Object.keys(resource).sort();
  const nonIdentifying = keys.filter((key) => !identifying.has(key));
  const identity: Record<string, string> = {
    ...(job === undefined ? {} : { job }),
    ...(instance === undefined ? {} : { instance }),
  };
  if (nonIdentifying.length === 0 || (job === undefined && instance === undefined)) {
    return { ...identity, promoted };
  }
  const targetInfo: Record<string, string> = {};
  for (const key of options.keepIdentifyingResourceAttributes === true ? keys : nonIdentifying) {
    targetInfo[prometheusLabelName(key, strategy)] = resource[key] as string;
  }
  Object.assign(targetInfo, identity);
  return { ...identity, promoted, targetInfo: sortRecord(targetInfo) };
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** The `job` label OpenClaw's series get with its default `service.name` and no `service.namespace`. */
export const DEFAULT_OPENCLAW_JOB = DEFAULT_SERVICE_NAME;

/**
 * Names under one translation strategy. Build it with `metricNamer(settings)` from
 * `prometheus-otlp-settings.ts` so that the configured strategy is the single source of names.
 */
export interface MetricNamer {
  /** The translation strategy these names follow. */
  readonly strategy: TranslationStrategy;
  /** Metric family name (histogram base name). */
  metricName(instrument: OtlpInstrument): string;
  /** A series name: the family for counters/gauges, `_bucket`/`_sum`/`_count` for histograms (part required). */
  seriesName(instrument: OtlpInstrument, part?: HistogramSeriesPart): string;
  /** Every series name of a metric. */
  seriesNames(instrument: OtlpInstrument): PrometheusSeriesNames;
  /** Label name of an attribute key. */
  labelName(attributeKey: string): string;
}

/** Creates a {@link MetricNamer} for one strategy. Prefer `metricNamer(settings)`. */
export function createMetricNamer(strategy: TranslationStrategy): MetricNamer {
  assertTranslationStrategy(strategy, 'createMetricNamer');
  return {
    strategy,
    metricName: (instrument) => prometheusMetricName(instrument, strategy),
    seriesNames: (instrument) => prometheusSeriesNames(instrument, strategy),
    seriesName: (instrument, part) => {
      const names = prometheusSeriesNames(instrument, strategy);
      if (names.histogram === undefined) {
        if (part !== undefined) {
          throw new Error(
            `series name of ${instrument.name}: received histogram part "${part}" ` +
              `for a ${instrument.type}, expected no part; only histograms have ` +
              `_bucket/_sum/_count series`,
          );
        }
        return names.family;
      }
      if (part === undefined) {
        throw new Error(
          `series name of ${instrument.name}: received no histogram part for a ` +
            `histogram, expected "bucket", "sum" or "count"; pass the part`,
        );
      }
      return names.histogram[part];
    },
    labelName: (attributeKey) => prometheusLabelName(attributeKey, strategy),
  };
}
