/**
 * Checks a live Prometheus for every series the project references and explains each gap with its
 * likely cause (nothing at all, wrong job, translation-strategy mismatch, a metric only recorded
 * under conditions, missing target_info). Used by `lib/cli/verify.ts`.
 */
import {
  DEFAULT_SERVICE_NAME,
  OpenClawMetric,
  RECORDABLE_METRICS,
  RECORDING_CONDITIONS,
  ALL_METRICS,
} from '../../telemetry/metric-catalog';
import {
  MetricNamer,
  prometheusSeriesNames,
  TARGET_INFO,
  TRANSLATION_STRATEGIES,
  TranslationStrategy,
} from '../../telemetry/otlp-prometheus-naming';
import { BUILTIN_METRICS, checkPromQL, NamedQuery } from '../../query/promql';
import { compareText } from '../../core/compare-text';

/** One series name the project relies on. */
export interface ExpectedSeries {
  /** Series name as Prometheus stores it under the configured strategy. */
  readonly seriesName: string;
  /** The catalog metric it comes from, undefined for built-ins. */
  readonly metric?: OpenClawMetric;
}

/** Every series name of the given metrics under `namer`, sorted. */
export function expectedSeriesFor(metrics: readonly OpenClawMetric[], namer: MetricNamer): ExpectedSeries[] {
  return metrics
    .flatMap((metric) => namer.seriesNames(metric).all.map((seriesName) => ({ seriesName, metric })))
    .sort((a, b) => compareText(a.seriesName, b.seriesName));
}

/**
 * The series the given queries reference (dashboard panels, alert rules), mapped to catalog
 * metrics. Throws when a query references a name outside the catalog (run checkPromQL first),
 * except the `externalMetrics` other exporters provide (e.g. kube-state-metrics), which are skipped.
 */
export function expectedSeriesFromQueries(
  queries: readonly NamedQuery[],
  namer: MetricNamer,
  externalMetrics: readonly string[] = [],
): ExpectedSeries[] {
  const bySeries = new Map<string, OpenClawMetric>();
  for (const metric of ALL_METRICS) {
    for (const series of namer.seriesNames(metric).all) bySeries.set(series, metric);
  }
  const found = new Map<string, ExpectedSeries>();
  for (const query of queries) {
    for (const name of checkPromQL(query.expr, namer, { name: query.name }).metricNames) {
      const metric = bySeries.get(name);
      if (externalMetrics.includes(name)) continue;
      if (metric === undefined && !BUILTIN_METRICS.includes(name)) {
        throw new Error(
          `verify: query ${JSON.stringify(query.name)} references ` +
            `${JSON.stringify(name)}, expected a catalog series under ` +
            `${namer.strategy}; fix the query (checkPromQL names the closest known ` +
            `name)`,
        );
      }
      if (name === TARGET_INFO || metric === undefined) continue;
      found.set(name, { seriesName: name, metric });
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.seriesName, b.seriesName));
}

/** Options for {@link verifyMetrics}. */
export interface VerifyMetricsOptions {
  /** Base URL of Prometheus, e.g. `http://prometheus-k8s.monitoring.svc:9090`. */
  readonly prometheusUrl: string;
  /** Namer of the configured strategy (`metricNamer(settings)`). */
  readonly namer: MetricNamer;
  /**
   * Series to look for.
   * @default every series of every recordable catalog metric
   */
  readonly expected?: readonly ExpectedSeries[];
  /**
   * `job` label OpenClaw's series carry (service.name, or service.namespace/service.name).
   * @default 'openclaw'
   */
  readonly job?: string;
  /**
   * How far back a series counts as present, in seconds.
   * @default 3600
   */
  readonly lookbackSeconds?: number;
  /**
   * End of the window, unix seconds.
   * @default now
   */
  readonly nowSeconds?: number;
  /**
   * Whether `target_info{job=...}` must exist.
   * @default true
   */
  readonly requireTargetInfo?: boolean;
  /**
   * Receives progress messages (the CLI prints them to stderr).
   * @default no progress output
   */
  readonly onProgress?: (message: string) => void;
}

/** Result for one expected series. */
export interface SeriesCheck {
  readonly seriesName: string;
  /** OTLP name of the catalog metric, or undefined for built-ins. */
  readonly otlpName?: string;
  readonly present: boolean;
  /** Likely cause when missing. */
  readonly cause?: string;
  /** Kind of failure pattern when missing. */
  readonly pattern?: FailurePattern;
}

/** The failure patterns verify distinguishes. */
export type FailurePattern =
  | 'nothing-at-all'
  | 'wrong-job'
  | 'translation-strategy-mismatch'
  | 'not-recorded'
  | 'never-recorded'
  | 'target-info-missing';

/** Everything verify found. */
export interface VerificationReport {
  readonly prometheusUrl: string;
  readonly job: string;
  readonly strategy: TranslationStrategy;
  readonly window: { readonly startSeconds: number; readonly endSeconds: number };
  readonly checks: readonly SeriesCheck[];
  readonly targetInfo: { readonly required: boolean; readonly present: boolean; readonly cause?: string };
  readonly present: number;
  readonly missing: number;
  /** Overall likely cause when something is missing, undefined when all is well. */
  readonly diagnosis?: string;
  readonly ok: boolean;
}

/** Cause text when Prometheus has no OpenClaw series at all. */
export const NOTHING_AT_ALL_CAUSE =
  'no openclaw series at all: check that (1) the diagnostics-otel plugin ' +
  'loads (v2026.2.17–2.19 images lack its @opentelemetry/* dependencies: ' +
  'gateway log "failed to load plugin … Cannot find module ' +
  "'@opentelemetry/api'\"), " +
  '(2) diagnostics.enabled and diagnostics.otel.enabled are true, ' +
  '(3) the Prometheus OTLP receiver is on (spec.enableOTLPReceiver: true; ' +
  'enableFeatures [otlp-write-receiver] is ignored by Prometheus 3), ' +
  '(4) NetworkPolicies allow openclaw → prometheus-k8s.monitoring:9090 ' +
  '(egress in openclaw, ingress in monitoring), ' +
  '(5) diagnostics.otel.endpoint is the base URL ' +
  'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp and at least one ' +
  'export interval (60 s by default) has passed';

/** Cause text when the series exist but `target_info` does not. */
export const TARGET_INFO_MISSING_CAUSE =
  'target_info is missing: Prometheus writes it only when the resource has ' +
  'attributes besides service.name/service.namespace/service.instance.id; ' +
  'OpenClaw sets only service.name, so it depends on the SDK resource ' +
  'detectors (host, process, OTEL_RESOURCE_ATTRIBUTES); make sure ' +
  'OTEL_NODE_RESOURCE_DETECTORS is not "none" or set ' +
  'OTEL_RESOURCE_ATTRIBUTES (e.g. k8s.namespace.name=openclaw)';

function regexAlternation(names: Iterable<string>): string {
  return [...new Set(names)]
    .sort()
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

function escapeLabelValue(value: string): string {
  return JSON.stringify(value);
}

interface LabelValuesResponse {
  status: string;
  data?: unknown;
  error?: string;
}

async function labelValues(
  prometheusUrl: string,
  label: string,
  match: string,
  startSeconds: number,
  endSeconds: number,
): Promise<string[]> {
  const params = new URLSearchParams({ 'match[]': match, start: String(startSeconds), end: String(endSeconds) });
  const url =
    `${prometheusUrl.replace(/\/+$/, '')}/api/v1/label/` + `${encodeURIComponent(label)}/values?${params.toString()}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new Error(
      `verify: cannot reach prometheus at ${prometheusUrl} (` +
        `${(error as Error).message}), expected the HTTP API; pass --prometheus ` +
        `with a reachable base URL (e.g. after kubectl -n monitoring ` +
        `port-forward svc/prometheus-k8s 9090)`,
    );
  }
  let body: LabelValuesResponse;
  try {
    body = (await response.json()) as LabelValuesResponse;
  } catch {
    throw new Error(
      `verify: received HTTP ${response.status} without a JSON body from ` +
        `${url}, expected the prometheus HTTP API; check that --prometheus ` +
        `points at Prometheus, not Grafana`,
    );
  }
  if (body.status !== 'success' || !Array.isArray(body.data)) {
    throw new Error(
      `verify: prometheus rejected ${match}: ${body.error ?? `HTTP ${response.status}`}; check the prometheus version`,
    );
  }
  return body.data.filter((value): value is string => typeof value === 'string');
}

function conditionCause(metric: OpenClawMetric): string {
  const conditions = metric.conditions
    .filter((condition) => condition !== 'diagnosticsEnabled')
    .map((condition) => RECORDING_CONDITIONS[condition]);
  return `not recorded in the window: ${metric.name} is ${conditions.join('; ')}`;
}

/** Queries Prometheus for every expected series and explains what is missing. */
export async function verifyMetrics(options: VerifyMetricsOptions): Promise<VerificationReport> {
  const { namer, prometheusUrl } = options;
  const progress = options.onProgress ?? (() => undefined);
  const job = options.job ?? DEFAULT_SERVICE_NAME;
  const endSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const startSeconds = endSeconds - (options.lookbackSeconds ?? 3600);
  const requireTargetInfo = options.requireTargetInfo ?? true;
  const expected = options.expected ?? expectedSeriesFor(RECORDABLE_METRICS, namer);

  // Every spelling of every expected metric under every strategy, to detect strategy mismatches.
  const alternatives = new Map<string, Array<{ name: string; strategy: TranslationStrategy }>>();
  for (const item of expected) {
    if (item.metric === undefined) continue;
    const index = namer.seriesNames(item.metric).all.indexOf(item.seriesName);
    const spellings: Array<{ name: string; strategy: TranslationStrategy }> = [];
    for (const strategy of TRANSLATION_STRATEGIES) {
      if (strategy === namer.strategy) continue;
      const other = prometheusSeriesNames(item.metric, strategy).all[index];
      if (other !== undefined && other !== item.seriesName) spellings.push({ name: other, strategy });
    }
    alternatives.set(item.seriesName, spellings);
  }
  const allNames = [
    ...expected.map((item) => item.seriesName),
    ...[...alternatives.values()].flatMap((spellings) => spellings.map((s) => s.name)),
  ];
  const nameRegex = regexAlternation(allNames);

  progress(
    `verify: looking for ${expected.length} series with job=` +
      `${JSON.stringify(job)} in ${prometheusUrl} (${namer.strategy})`,
  );
  const forJob = new Set(
    await labelValues(
      prometheusUrl,
      '__name__',
      `{__name__=~${escapeLabelValue(nameRegex)}, job=${escapeLabelValue(job)}}`,
      startSeconds,
      endSeconds,
    ),
  );
  progress(`verify: ${forJob.size} matching names for job=${JSON.stringify(job)}`);
  const targetInfoPresent = (
    await labelValues(
      prometheusUrl,
      '__name__',
      `${TARGET_INFO}{job=${escapeLabelValue(job)}}`,
      startSeconds,
      endSeconds,
    )
  ).includes(TARGET_INFO);
  progress(`verify: target_info{job=${JSON.stringify(job)}} ${targetInfoPresent ? 'present' : 'missing'}`);

  const missingExpected = expected.filter((item) => !forJob.has(item.seriesName));
  let otherJobs: string[] = [];
  if (missingExpected.length > 0) {
    otherJobs = (
      await labelValues(prometheusUrl, 'job', `{__name__=~${escapeLabelValue(nameRegex)}}`, startSeconds, endSeconds)
    ).filter((value) => value !== job);
    progress(`verify: other jobs with openclaw series: ${otherJobs.length === 0 ? 'none' : otherJobs.join(', ')}`);
  }
  const nothingAtAll = forJob.size === 0 && !targetInfoPresent;

  const checks: SeriesCheck[] = expected.map((item) => {
    const base = { seriesName: item.seriesName, ...(item.metric === undefined ? {} : { otlpName: item.metric.name }) };
    if (forJob.has(item.seriesName)) return { ...base, present: true };
    if (nothingAtAll && otherJobs.length > 0) {
      return {
        ...base,
        present: false,
        pattern: 'wrong-job' as const,
        cause:
          `series exist only with job ` +
          `${otherJobs.map((j) => JSON.stringify(j)).join(', ')}, not ` +
          `${JSON.stringify(job)}: service.name (diagnostics.otel.serviceName / ` +
          `OTEL_SERVICE_NAME) or service.namespace differs; fix the service name ` +
          `or pass --job`,
      };
    }
    if (nothingAtAll)
      return { ...base, present: false, pattern: 'nothing-at-all' as const, cause: NOTHING_AT_ALL_CAUSE };
    const other = (alternatives.get(item.seriesName) ?? []).find((spelling) => forJob.has(spelling.name));
    if (other !== undefined) {
      return {
        ...base,
        present: false,
        pattern: 'translation-strategy-mismatch' as const,
        cause:
          `translation strategy mismatch: prometheus stores "${other.name}" (` +
          `${other.strategy}) but the project expects "${item.seriesName}" (` +
          `${namer.strategy}); set spec.otlp.translationStrategy to ` +
          `${namer.strategy} or configure the project with ${other.strategy}`,
      };
    }
    if (item.metric?.neverRecorded !== undefined) {
      return {
        ...base,
        present: false,
        pattern: 'never-recorded' as const,
        cause: `${item.metric.name} is ${item.metric.neverRecorded}`,
      };
    }
    if (item.metric === undefined) {
      return {
        ...base,
        present: false,
        pattern: 'not-recorded' as const,
        cause: 'built-in series not found in the window',
      };
    }
    return { ...base, present: false, pattern: 'not-recorded' as const, cause: conditionCause(item.metric) };
  });

  const targetInfoCause = targetInfoPresent
    ? undefined
    : nothingAtAll
      ? NOTHING_AT_ALL_CAUSE
      : TARGET_INFO_MISSING_CAUSE;
  const missing = checks.filter((check) => !check.present).length + (requireTargetInfo && !targetInfoPresent ? 1 : 0);
  const patterns = new Set(checks.filter((c) => !c.present).map((c) => c.pattern));
  const diagnosis =
    missing === 0
      ? undefined
      : nothingAtAll
        ? (checks.find((c) => !c.present)?.cause ?? NOTHING_AT_ALL_CAUSE)
        : [
            patterns.has('translation-strategy-mismatch')
              ? "some names exist under another translation strategy's spelling"
              : undefined,
            patterns.has('not-recorded')
              ? 'some metrics were not recorded in the window (see the conditions per metric)'
              : undefined,
            patterns.has('never-recorded')
              ? 'some referenced metrics are never recorded by this openclaw version'
              : undefined,
            requireTargetInfo && !targetInfoPresent ? TARGET_INFO_MISSING_CAUSE : undefined,
          ]
            .filter((text): text is string => text !== undefined)
            .join('; ');
  return {
    prometheusUrl,
    job,
    strategy: namer.strategy,
    window: { startSeconds, endSeconds },
    checks,
    targetInfo: {
      required: requireTargetInfo,
      present: targetInfoPresent,
      ...(targetInfoCause === undefined ? {} : { cause: targetInfoCause }),
    },
    present: checks.filter((check) => check.present).length + (targetInfoPresent ? 1 : 0),
    missing,
    ...(diagnosis === undefined ? {} : { diagnosis }),
    ok: missing === 0,
  };
}

/** A readable table of the report for a terminal. */
export function formatVerificationTable(report: VerificationReport): string {
  const rows: Array<[string, string, string]> = report.checks.map((check) => [
    check.present ? 'ok' : 'MISSING',
    check.seriesName,
    check.present ? '' : (check.pattern ?? ''),
  ]);
  rows.push([
    report.targetInfo.present ? 'ok' : report.targetInfo.required ? 'MISSING' : 'absent',
    `${TARGET_INFO}{job="${report.job}"}`,
    report.targetInfo.present ? '' : 'target-info-missing',
  ]);
  const widths = [0, 1, 2].map((column) =>
    Math.max(...[['status', 'series', 'problem'], ...rows].map((row) => (row[column] as string).length)),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd();
  const out = [
    `prometheus ${report.prometheusUrl}, job ${JSON.stringify(report.job)}, strategy ${report.strategy}`,
    '',
    line(['status', 'series', 'problem']),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `${report.present} present, ${report.missing} missing`,
  ];
  const causes = new Map<string, string[]>();
  for (const check of report.checks) {
    if (check.present || check.cause === undefined) continue;
    causes.set(check.cause, [...(causes.get(check.cause) ?? []), check.seriesName]);
  }
  if (report.targetInfo.required && report.targetInfo.cause !== undefined) {
    causes.set(report.targetInfo.cause, [...(causes.get(report.targetInfo.cause) ?? []), TARGET_INFO]);
  }
  if (causes.size > 0) {
    out.push('', 'likely causes:');
    for (const [cause, series] of causes) out.push(`- ${series.join(', ')}: ${cause}`);
  }
  return `${out.join('\n')}\n`;
}
