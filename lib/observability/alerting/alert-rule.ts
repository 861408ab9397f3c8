/**
 * The alert rule model shared by the PrometheusRule and the Grafana alert provisioning, and the
 * synth-time checks of its expression (parse + metric/label names against the catalog for PromQL,
 * parse + Alloy stream labels for LogQL).
 */
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { checkLogQL } from '../../query/logql';
import type { MetricNamer } from '../../telemetry/otlp-prometheus-naming';
import { checkPromQL } from '../../query/promql';
import { parsePrometheusDuration } from '../../query/prometheus-duration';

/** Severity label of an alert (lolice's convention: `critical` or `warning`). */
export type AlertSeverity = 'critical' | 'warning';

/** Which datasource evaluates the expression. */
export type AlertQueryLanguage = 'promql' | 'logql';

/** One alert. */
export interface AlertRule {
  /** Alert name (`alertname`), PascalCase, e.g. `OpenClawTelemetryAbsent`. */
  readonly name: string;
  /** `promql` (Prometheus) or `logql` (Loki; Grafana-managed only, the Loki ruler is off). */
  readonly language: AlertQueryLanguage;
  /**
   * The whole condition: it returns a series, with a value above 0, exactly when the alert is
   * active (comparison included). Grafana uses it as query A with a `> 0` threshold.
   */
  readonly expr: string;
  /** How long the condition must hold (`0m` = at once). */
  readonly for: string;
  readonly severity: AlertSeverity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** What the alert measures, its threshold and its caveats. Label templates (`{{ $labels.jobId }}`) allowed. */
  readonly description: string;
  /** One line: what to do first. */
  readonly runbook: string;
  /** Anchor of the runbook section in the README (`runbook_url` = base + `#` + anchor). */
  readonly runbookAnchor: string;
  /** The threshold in words, for the README table. */
  readonly threshold: string;
  /** The longest range selector in `expr` (Grafana's query time range must cover it). */
  readonly lookback: string;
}

/** A metric that is not OpenClaw's but may appear in an alert expression, with its labels. */
export interface ExternalMetric {
  readonly name: string;
  /** Labels the series carry (besides `job`/`instance`). */
  readonly labels: readonly string[];
  /** Who exports it. */
  readonly source: string;
}

/**
 * kube-state-metrics series the alerts use (kube-prometheus v0.16: its ServiceMonitor keeps the
 * object's `namespace`/`deployment` labels via honorLabels and drops the scrape target's).
 */
export const KUBE_STATE_METRICS: readonly ExternalMetric[] = [
  {
    name: 'kube_deployment_status_replicas_available',
    labels: ['container', 'deployment', 'endpoint', 'namespace', 'pod', 'service'],
    source: 'kube-state-metrics',
  },
];

const ALERT_NAME = /^[A-Z][A-Za-z0-9]*$/;

type PromNode = ReturnType<typeof promqlParser.parse>['topNode'];

function children(node: PromNode): PromNode[] {
  const out: PromNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) out.push(child);
  return out;
}

/**
 * Checks the selectors of external metrics (labels against {@link ExternalMetric.labels}) and
 * returns the expression with each of them replaced by `vector(1)`, so that `checkPromQL` can check
 * the OpenClaw part against the catalog.
 */
function replaceExternalSelectors(
  expr: string,
  external: readonly ExternalMetric[],
  where: string,
  errors: string[],
): string {
  const byName = new Map(external.map((m) => [m.name, m]));
  const spans: Array<{ from: number; to: number }> = [];
  const tree = promqlParser.parse(expr);
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'VectorSelector') return undefined;
      const node = ref.node;
      const identifier = node.getChild('Identifier');
      const name = identifier === null ? undefined : expr.slice(identifier.from, identifier.to);
      const metric = name === undefined ? undefined : byName.get(name);
      if (metric === undefined) return false;
      if (node.parent?.name === 'MatrixSelector') {
        errors.push(
          `${where}: external metric "${metric.name}" is used in a range selector; ` +
            `use it as an instant selector (the checks only support that)`,
        );
        return false;
      }
      const allowed = new Set([...metric.labels, 'instance', 'job']);
      const matchers = node.getChild('LabelMatchers');
      for (const matcher of matchers === null ? [] : children(matchers)) {
        const label = matcher.getChild('LabelName');
        if (label === null) continue;
        const labelName = expr.slice(label.from, label.to);
        if (!allowed.has(labelName)) {
          errors.push(
            `${where}: unknown label "${labelName}" on ${metric.source} metric "` +
              `${metric.name}": expected one of ${[...allowed].sort().join(', ')}; fix ` +
              `the matcher`,
          );
        }
      }
      spans.push({ from: node.from, to: node.to });
      return false;
    },
  });
  let out = '';
  let cursor = 0;
  for (const span of spans.sort((a, b) => a.from - b.from)) {
    out += `${expr.slice(cursor, span.from)}vector(1)`;
    cursor = span.to;
  }
  return out + expr.slice(cursor);
}

/** Options of {@link checkAlertRule}. */
export interface CheckAlertRuleOptions {
  /**
   * Non-OpenClaw metrics allowed in PromQL rules.
   * @default KUBE_STATE_METRICS
   */
  readonly externalMetrics?: readonly ExternalMetric[];
}

/**
 * Every problem of one rule (empty when fine): the name and `for` format, the texts, and the
 * expression: PromQL is parsed and its OpenClaw metric and label names checked against the catalog
 * under `namer` (external metrics against their own label list); LogQL is parsed and its stream
 * selectors checked against the labels Alloy sets.
 */
export function checkAlertRule(rule: AlertRule, namer: MetricNamer, options: CheckAlertRuleOptions = {}): string[] {
  const where = `alert ${rule.name}`;
  const errors: string[] = [];
  if (!ALERT_NAME.test(rule.name)) {
    errors.push(
      `${where}: name ${JSON.stringify(rule.name)} is not PascalCase: expected ` +
        `e.g. "OpenClawTelemetryAbsent"; rename the alert`,
    );
  }
  if (rule.for !== '0' && parsePrometheusDuration(rule.for) === undefined) {
    errors.push(
      `${where}: for ${JSON.stringify(rule.for)} is not a duration: expected e.g. "0m" or "15m"; fix the for field`,
    );
  }
  for (const field of ['summary', 'description', 'runbook', 'runbookAnchor', 'threshold'] as const) {
    if (rule[field].trim() === '') errors.push(`${where}: ${field} is empty: expected text; write it`);
  }
  if (rule.summary.includes('\n') || rule.runbook.includes('\n')) {
    errors.push(`${where}: summary and runbook must be one line each; shorten them`);
  }
  if (rule.language === 'promql') {
    const replaced = replaceExternalSelectors(rule.expr, options.externalMetrics ?? KUBE_STATE_METRICS, where, errors);
    errors.push(...checkPromQL(replaced, namer, { name: rule.name }).errors);
  } else {
    errors.push(...checkLogQL(rule.expr, { name: where }).problems.map((p) => p.message));
  }
  return errors;
}

/** Runs {@link checkAlertRule} on every rule, plus uniqueness of names; throws one error listing every problem. */
export function assertAlertRules(
  rules: readonly AlertRule[],
  namer: MetricNamer,
  options: CheckAlertRuleOptions = {},
): void {
  const errors = rules.flatMap((rule) => checkAlertRule(rule, namer, options));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) errors.push(`alert ${rule.name} is declared twice: keep one rule per name`);
    seen.add(rule.name);
  }
  if (errors.length > 0) {
    throw new Error(`${errors.length} alert rule problem(s):\n${errors.join('\n')}`);
  }
}
