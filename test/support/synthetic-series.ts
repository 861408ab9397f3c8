/**
 * Synthetic OpenClaw series exactly as the catalog and the naming rules say Prometheus stores them
 * after OTLP ingestion: names and label names per translation strategy, `job`/`instance` from the
 * resource, classic histograms with the OTel SDK default bounds, cumulative counters, and
 * `target_info`. Rendered as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`.
 */
import {
  ATTR,
  attributeKeysOf,
  DEFAULT_SERVICE_NAME,
  OpenClawAttributeKey,
  OpenClawMetric,
  OTEL_SDK_DEFAULT_HISTOGRAM_BOUNDS,
  RECORDABLE_METRICS,
} from '../../lib/telemetry/metric-catalog';
import {
  isLegacyLabelName,
  isLegacyMetricName,
  MetricNamer,
  resourceLabels,
  TARGET_INFO,
} from '../../lib/telemetry/otlp-prometheus-naming';

/** The resource the synthetic OpenClaw reports (service.name from OpenClaw, the rest from SDK detectors). */
export const SYNTHETIC_RESOURCE: Readonly<Record<string, string>> = {
  'host.name': 'openclaw-synthetic-host',
  'process.runtime.name': 'nodejs',
  'service.instance.id': 'openclaw-synthetic-instance',
  'service.name': DEFAULT_SERVICE_NAME,
};

/** One synthetic OpenClaw process. */
export interface SyntheticSourceOptions {
  /** Names follow this namer (its strategy must yield legacy names: Prometheus 2.42 stores only those). */
  readonly namer: MetricNamer;
  /**
   * Metrics to generate.
   * @default RECORDABLE_METRICS
   */
  readonly metrics?: readonly OpenClawMetric[];
  /**
   * OTLP resource attributes.
   * @default SYNTHETIC_RESOURCE
   */
  readonly resource?: Readonly<Record<string, string>>;
  /**
   * Series names to leave out (e.g. to simulate metrics that are never recorded).
   * @default []
   */
  readonly omitSeries?: readonly string[];
  /**
   * Whether to write `target_info`.
   * @default true
   */
  readonly targetInfo?: boolean;
}

/** Time range shared by all sources in one file. */
export interface SyntheticTimeRange {
  /** Last sample, unix seconds. */
  readonly endSeconds: number;
  /**
   * Length of the range.
   * @default 7200 (2 h)
   */
  readonly durationSeconds?: number;
  /**
   * Step between samples (the export interval).
   * @default 30
   */
  readonly stepSeconds?: number;
}

/** Attribute values used for synthetic data (a small, deterministic subset of the known values). */
const SYNTHETIC_VALUES: Readonly<Record<OpenClawAttributeKey, readonly string[]>> = {
  [ATTR.channel]: ['discord', 'telegram'],
  [ATTR.provider]: ['anthropic'],
  [ATTR.model]: ['claude-sonnet-synthetic'],
  [ATTR.token]: ['input', 'output', 'cache_read', 'cache_write', 'prompt', 'total'],
  [ATTR.context]: ['limit', 'used'],
  [ATTR.webhook]: ['telegram-post'],
  [ATTR.source]: ['dispatch', 'pi-embedded-runner'],
  [ATTR.outcome]: ['completed', 'error'],
  // two per-session lanes: the dashboard folds them into one, which must not produce duplicate series
  [ATTR.lane]: ['main', 'cron', 'session:agent:main:main', 'session:agent:main:discord:channel:1'],
  [ATTR.state]: ['idle', 'processing'],
  [ATTR.reason]: ['run_started'],
  [ATTR.attempt]: ['1'],
};

/** The attribute sets each metric is recorded with (catalog attributes, special cases per source facts). */
function attributeSets(metric: OpenClawMetric): Array<Record<string, string>> {
  if (metric.id === 'queueDepth') {
    return [
      { [ATTR.lane]: 'main' },
      { [ATTR.channel]: 'discord', [ATTR.source]: 'dispatch' },
      { [ATTR.channel]: 'heartbeat' },
    ];
  }
  const webhook = metric.conditions.includes('telegramWebhookMode');
  let sets: Array<Record<string, string>> = [{}];
  for (const key of attributeKeysOf(metric)) {
    const values = key === ATTR.channel && webhook ? ['telegram'] : SYNTHETIC_VALUES[key];
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [key]: value })));
  }
  return sets;
}

interface Family {
  readonly type: 'counter' | 'histogram' | 'gauge' | undefined;
  readonly lines: string[];
}

function renderLabels(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(',')}}`;
}

function assertLegacy(name: string, kind: string, namer: MetricNamer): void {
  const valid = kind === 'metric' ? isLegacyMetricName(name) : isLegacyLabelName(name);
  if (!valid) {
    throw new Error(
      `synthetic series: received ${kind} name ${JSON.stringify(name)} under ${namer.strategy}, expected a legacy name; the test Prometheus (2.42) cannot store UTF-8 names, use an escaping strategy`,
    );
  }
}

/** Observation values cycled through by histograms (spread over the default buckets, some above 10 000). */
const OBSERVATIONS = [3, 8, 40, 90, 180, 420, 900, 1800, 4200, 6500, 9000, 15000];

/** Count (at most a bound) and sum of the first `count` observations of the cycle, starting at `offset`. */
function cycledObservations(
  count: number,
  offset: number,
): { countAtMost(bound: number): number; readonly sum: number } {
  const cycle = OBSERVATIONS.length;
  const full = Math.floor(count / cycle);
  const rest = Array.from({ length: count % cycle }, (_, n) => OBSERVATIONS[(n + offset) % cycle] as number);
  const cycleSum = OBSERVATIONS.reduce((sum, v) => sum + v, 0);
  return {
    countAtMost: (bound) =>
      full * OBSERVATIONS.filter((v) => v <= bound).length + rest.filter((v) => v <= bound).length,
    sum: full * cycleSum + rest.reduce((sum, v) => sum + v, 0),
  };
}

/**
 * OpenMetrics text with every series of every source, counters increasing from the start of the
 * range, one sample per step, timestamps in seconds, ending with `# EOF`.
 */
export function syntheticOpenMetrics(sources: readonly SyntheticSourceOptions[], range: SyntheticTimeRange): string {
  const step = range.stepSeconds ?? 30;
  const duration = range.durationSeconds ?? 7200;
  const times: number[] = [];
  for (let t = range.endSeconds - duration; t <= range.endSeconds; t += step) times.push(t);
  const families = new Map<string, Family>();
  const family = (name: string, type: Family['type']): Family => {
    let found = families.get(name);
    if (found === undefined) {
      found = { type, lines: [] };
      families.set(name, found);
    }
    return found;
  };
  const addSeries = (
    target: Family,
    name: string,
    labels: Record<string, string>,
    value: (index: number) => number,
  ): void => {
    times.forEach((time, index) => target.lines.push(`${name}${renderLabels(labels)} ${value(index)} ${time}`));
  };

  for (const source of sources) {
    const { namer } = source;
    const omit = new Set(source.omitSeries ?? []);
    const resource = resourceLabels(source.resource ?? SYNTHETIC_RESOURCE, namer.strategy);
    const identity: Record<string, string> = {
      ...(resource.job === undefined ? {} : { job: resource.job }),
      ...(resource.instance === undefined ? {} : { instance: resource.instance }),
      ...resource.promoted,
    };
    for (const metric of source.metrics ?? RECORDABLE_METRICS) {
      const names = namer.seriesNames(metric);
      names.all.forEach((name) => assertLegacy(name, 'metric', namer));
      attributeSets(metric).forEach((attributes, setIndex) => {
        const labels: Record<string, string> = { ...identity };
        for (const [key, value] of Object.entries(attributes)) {
          const labelName = namer.labelName(key);
          assertLegacy(labelName, 'label', namer);
          labels[labelName] = value;
        }
        const perStep = 1 + ((setIndex + metric.name.length) % 4);
        if (names.histogram === undefined) {
          if (omit.has(names.family)) return;
          // Counters are written untyped: TSDB blocks keep no metadata, and an untyped family cannot
          // clash with another source's spelling of the same metric.
          addSeries(family(names.family, undefined), names.family, labels, (index) => perStep * (index + 1));
          return;
        }
        const histogram = names.histogram;
        const target = family(names.family, 'histogram');
        const observed = (index: number) => cycledObservations(perStep * (index + 1), setIndex);
        if (!omit.has(histogram.bucket)) {
          for (const bound of [...OTEL_SDK_DEFAULT_HISTOGRAM_BOUNDS, Number.POSITIVE_INFINITY]) {
            const le = bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound);
            addSeries(target, histogram.bucket, { ...labels, le }, (index) => observed(index).countAtMost(bound));
          }
        }
        if (!omit.has(histogram.sum)) {
          addSeries(target, histogram.sum, labels, (index) => observed(index).sum);
        }
        if (!omit.has(histogram.count)) {
          addSeries(target, histogram.count, labels, (index) => perStep * (index + 1));
        }
      });
    }
    if (source.targetInfo !== false && resource.targetInfo !== undefined && !omit.has(TARGET_INFO)) {
      Object.keys(resource.targetInfo).forEach((label) => assertLegacy(label, 'label', namer));
      addSeries(family(TARGET_INFO, 'gauge'), TARGET_INFO, { ...resource.targetInfo }, () => 1);
    }
  }

  const out: string[] = [];
  for (const name of [...families.keys()].sort()) {
    const entry = families.get(name) as Family;
    if (entry.lines.length === 0) continue;
    if (entry.type !== undefined) out.push(`# TYPE ${name} ${entry.type}`);
    out.push(...entry.lines);
  }
  out.push('# EOF', '');
  return out.join('\n');
}
