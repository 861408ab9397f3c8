/**
 * OTLP/HTTP JSON metric exports as the real gateway sent them: decoding, a per-metric summary to
 * compare with the catalog, and the translation into the series Prometheus's OTLP receiver would
 * store (names from the project's namer), as OpenMetrics text for the test Prometheus.
 */
import type { OtlpInstrument, OtlpMetricType } from '../../../lib/telemetry/metric-catalog';
import { MetricNamer, resourceLabels, TARGET_INFO } from '../../../lib/telemetry/otlp-prometheus-naming';
import type { RecordedRequest } from './fake-endpoints';

interface OtlpAnyValue {
  readonly stringValue?: string;
  readonly intValue?: string | number;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpAnyValue[] };
}
interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpAnyValue;
}
interface OtlpNumberPoint {
  readonly attributes?: readonly OtlpKeyValue[];
  readonly timeUnixNano: string;
  readonly asInt?: string | number;
  readonly asDouble?: number;
}
interface OtlpHistogramPoint {
  readonly attributes?: readonly OtlpKeyValue[];
  readonly timeUnixNano: string;
  readonly count: string | number;
  readonly sum?: number;
  readonly bucketCounts: readonly (string | number)[];
  readonly explicitBounds: readonly number[];
}
interface OtlpMetric {
  readonly name: string;
  readonly unit?: string;
  readonly description?: string;
  readonly sum?: {
    readonly dataPoints: readonly OtlpNumberPoint[];
    readonly isMonotonic?: boolean;
    readonly aggregationTemporality?: number;
  };
  readonly gauge?: { readonly dataPoints: readonly OtlpNumberPoint[] };
  readonly histogram?: { readonly dataPoints: readonly OtlpHistogramPoint[]; readonly aggregationTemporality?: number };
  readonly exponentialHistogram?: unknown;
  readonly summary?: unknown;
}
interface OtlpExport {
  readonly resourceMetrics?: ReadonlyArray<{
    readonly resource?: { readonly attributes?: readonly OtlpKeyValue[] };
    readonly scopeMetrics?: ReadonlyArray<{
      readonly scope?: { readonly name?: string };
      readonly metrics?: readonly OtlpMetric[];
    }>;
  }>;
}

/** One data point, decoded. */
export interface CapturedPoint {
  readonly timeMs: number;
  readonly attributes: Readonly<Record<string, string>>;
  /** Counter/gauge value. */
  readonly value?: number;
  /** Histogram parts. */
  readonly histogram?: {
    readonly count: number;
    readonly sum: number;
    readonly bounds: readonly number[];
    readonly bucketCounts: readonly number[];
  };
}

/** One metric of one export. */
export interface CapturedMetric extends OtlpInstrument {
  readonly description: string;
  readonly temporality: 'cumulative' | 'delta' | 'unspecified';
  readonly scope: string;
  readonly resource: Readonly<Record<string, string>>;
  readonly points: readonly CapturedPoint[];
}

/** What the gateway exported for one metric over the whole capture. */
export interface MetricSummary extends OtlpInstrument {
  readonly description: string;
  readonly temporality: string;
  readonly scopes: readonly string[];
  /** Attribute key → values seen, both sorted. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** The sorted attribute-key sets of the data points (e.g. `["openclaw.channel","openclaw.source"]`). */
  readonly keySets: readonly string[];
}

function anyValue(value: OtlpAnyValue): string {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== undefined) return String(value.boolValue);
  if (value.arrayValue !== undefined) return JSON.stringify((value.arrayValue.values ?? []).map(anyValue));
  return '';
}

function attributes(list: readonly OtlpKeyValue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of list ?? []) out[key] = anyValue(value);
  return out;
}

function metricType(metric: OtlpMetric): OtlpMetricType {
  if (metric.sum !== undefined) return metric.sum.isMonotonic === true ? 'monotonicCounter' : 'nonMonotonicCounter';
  if (metric.histogram !== undefined) return 'histogram';
  if (metric.gauge !== undefined) return 'gauge';
  if (metric.exponentialHistogram !== undefined) return 'exponentialHistogram';
  return 'summary';
}

const TEMPORALITY: Readonly<Record<number, 'cumulative' | 'delta'>> = { 1: 'delta', 2: 'cumulative' };

/**
 * Every metric of every JSON export the receiver got, in arrival order. Throws on a request that
 * is not JSON: OpenClaw 2026.2.x sends OTLP/HTTP JSON whatever `protocol` says.
 */
export function decodeOtlpExports(requests: readonly RecordedRequest[]): CapturedMetric[] {
  const out: CapturedMetric[] = [];
  for (const request of requests) {
    if (!request.url.endsWith('/v1/metrics')) continue;
    const type = String(request.headers['content-type'] ?? '');
    if (!type.includes('json')) {
      throw new Error(
        `otlp capture: received ${type || 'no content type'} on ${request.url}, expected application/json (OpenClaw's exporter sends OTLP/HTTP JSON)`,
      );
    }
    const body = JSON.parse(request.body.toString('utf8')) as OtlpExport;
    for (const resourceMetrics of body.resourceMetrics ?? []) {
      const resource = attributes(resourceMetrics.resource?.attributes);
      for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
        for (const metric of scopeMetrics.metrics ?? []) {
          const temporalityCode = metric.sum?.aggregationTemporality ?? metric.histogram?.aggregationTemporality;
          const points: CapturedPoint[] = [];
          for (const point of metric.sum?.dataPoints ?? metric.gauge?.dataPoints ?? []) {
            points.push({
              timeMs: Number(BigInt(point.timeUnixNano) / 1_000_000n),
              attributes: attributes(point.attributes),
              value: point.asDouble ?? Number(point.asInt ?? 0),
            });
          }
          for (const point of metric.histogram?.dataPoints ?? []) {
            points.push({
              timeMs: Number(BigInt(point.timeUnixNano) / 1_000_000n),
              attributes: attributes(point.attributes),
              histogram: {
                count: Number(point.count),
                sum: point.sum ?? 0,
                bounds: point.explicitBounds,
                bucketCounts: point.bucketCounts.map(Number),
              },
            });
          }
          out.push({
            name: metric.name,
            unit: metric.unit ?? '',
            type: metricType(metric),
            description: metric.description ?? '',
            temporality:
              temporalityCode === undefined ? 'unspecified' : (TEMPORALITY[temporalityCode] ?? 'unspecified'),
            scope: scopeMetrics.scope?.name ?? '',
            resource,
            points,
          });
        }
      }
    }
  }
  return out;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** One summary per metric name, sorted by name. */
export function summarizeMetrics(captured: readonly CapturedMetric[]): MetricSummary[] {
  const byName = new Map<string, CapturedMetric[]>();
  for (const metric of captured) byName.set(metric.name, [...(byName.get(metric.name) ?? []), metric]);
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, metrics]) => {
      const values = new Map<string, Set<string>>();
      const keySets = new Set<string>();
      for (const metric of metrics) {
        for (const point of metric.points) {
          keySets.add(JSON.stringify(Object.keys(point.attributes).sort()));
          for (const [key, value] of Object.entries(point.attributes))
            values.set(key, (values.get(key) ?? new Set()).add(value));
        }
      }
      const distinct = (pick: (m: CapturedMetric) => string): string => sorted(metrics.map(pick)).join('|');
      return {
        name,
        unit: distinct((m) => m.unit),
        type: distinct((m) => m.type) as OtlpMetricType,
        description: distinct((m) => m.description),
        temporality: distinct((m) => m.temporality),
        scopes: sorted(metrics.map((m) => m.scope)),
        attributes: Object.fromEntries(
          [...values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sorted(v)]),
        ),
        keySets: sorted(keySets),
      };
    });
}

function renderLabels(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(',')}}`;
}

function formatBound(bound: number): string {
  return Number.isFinite(bound) ? String(bound) : '+Inf';
}

/**
 * The captured exports as OpenMetrics text, named as Prometheus's OTLP receiver stores them under
 * `namer` (names from each metric's own name, unit and type, so a catalog mismatch shows up as a
 * missing series): `job`/`target_info` from the resource, attribute labels through the namer,
 * classic histograms with cumulative `le` buckets, counters untyped (TSDB blocks keep no type).
 * Samples are at the export times, in seconds, one per series per export.
 */
export function capturedOpenMetrics(captured: readonly CapturedMetric[], namer: MetricNamer): string {
  const lines = new Map<string, Map<string, string>>(); // family -> (series key + time) -> line
  const add = (family: string, name: string, labels: Record<string, string>, timeMs: number, value: number): void => {
    const seconds = Math.floor(timeMs / 1000);
    const key = `${name}${renderLabels(labels)}`;
    const series = lines.get(family) ?? new Map<string, string>();
    series.set(`${key}@${seconds}`, `${key} ${value} ${seconds}`);
    lines.set(family, series);
  };
  const histogramFamilies = new Set<string>();
  for (const metric of captured) {
    const resource = resourceLabels(metric.resource, namer.strategy);
    const identity: Record<string, string> = {
      ...(resource.job === undefined ? {} : { job: resource.job }),
      ...(resource.instance === undefined ? {} : { instance: resource.instance }),
    };
    const names = namer.seriesNames(metric);
    for (const point of metric.points) {
      const labels: Record<string, string> = { ...identity };
      for (const [key, value] of Object.entries(point.attributes)) labels[namer.labelName(key)] = value;
      if (point.histogram === undefined || names.histogram === undefined) {
        add(names.family, names.family, labels, point.timeMs, point.value ?? 0);
        continue;
      }
      histogramFamilies.add(names.family);
      const { bounds, bucketCounts, count, sum } = point.histogram;
      let cumulative = 0;
      [...bounds, Number.POSITIVE_INFINITY].forEach((bound, index) => {
        cumulative += bucketCounts[index] ?? 0;
        add(
          names.family,
          names.histogram?.bucket as string,
          { ...labels, le: formatBound(bound) },
          point.timeMs,
          cumulative,
        );
      });
      add(names.family, names.histogram.sum, labels, point.timeMs, sum);
      add(names.family, names.histogram.count, labels, point.timeMs, count);
    }
    if (resource.targetInfo !== undefined) {
      for (const point of metric.points.slice(0, 1))
        add(TARGET_INFO, TARGET_INFO, { ...resource.targetInfo }, point.timeMs, 1);
    }
  }
  const out: string[] = [];
  for (const family of [...lines.keys()].sort()) {
    if (histogramFamilies.has(family)) out.push(`# TYPE ${family} histogram`);
    if (family === TARGET_INFO) out.push(`# TYPE ${family} gauge`);
    const entries = [...(lines.get(family) as Map<string, string>).entries()].sort(([a], [b]) => {
      const [keyA, timeA] = [a.slice(0, a.lastIndexOf('@')), Number(a.slice(a.lastIndexOf('@') + 1))];
      const [keyB, timeB] = [b.slice(0, b.lastIndexOf('@')), Number(b.slice(b.lastIndexOf('@') + 1))];
      return keyA < keyB ? -1 : keyA > keyB ? 1 : timeA - timeB;
    });
    out.push(...entries.map(([, line]) => line));
  }
  out.push('# EOF', '');
  return out.join('\n');
}

/** The last sample time (unix seconds) of a capture. */
export function lastSampleSeconds(captured: readonly CapturedMetric[]): number {
  return Math.max(...captured.flatMap((metric) => metric.points.map((point) => Math.floor(point.timeMs / 1000))));
}
