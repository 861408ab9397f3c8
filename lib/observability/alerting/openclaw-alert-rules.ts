/**
 * The OpenClaw alerts (docs/FACTS.md, "The change"), built from the metric catalog and
 * the configured translation strategy (PromQL) and from the Loki engineer's LogQL builders (LogQL),
 * with thresholds from {@link ResolvedAlertingConfig}.
 */
import {
  cronRunErrorsQuery,
  cronWebhookBlockedBySsrfGuardQuery,
  cronWebhookDeliveryFailuresQuery,
} from '../../query/logql';
import { ATTR, METRICS } from '../../telemetry/metric-catalog';
import type { MetricNamer } from '../../telemetry/otlp-prometheus-naming';
import { durationToSeconds } from '../../query/prometheus-duration';
import { createQueryBuilder } from '../../query/promql';
import type { AlertRule } from './alert-rule';
import type { ResolvedAlertingConfig } from './alerting-config';
import { compareText } from '../../core/compare-text';

/** Where the gateway runs (for the telemetry-absent guard on kube-state-metrics). */
export interface GatewayWorkload {
  /** Namespace of Deployment `openclaw`. */
  readonly namespace: string;
  /** Name of the gateway Deployment. */
  readonly deployment: string;
}

/** Names of the alerts, for tests and the README. */
export const OPENCLAW_ALERT_NAMES = {
  webhookDeliveryFailed: 'OpenClawCronWebhookDeliveryFailed',
  webhookBlockedBySsrfGuard: 'OpenClawCronWebhookBlockedBySsrfGuard',
  cronJobFailing: 'OpenClawCronJobFailingRepeatedly',
  tokenUsageAnomaly: 'OpenClawTokenUsageAnomaly',
  costBudget: 'OpenClawEstimatedCostBudgetExceeded',
  telemetryAbsent: 'OpenClawTelemetryAbsent',
} as const;

/** The longest of the given Prometheus durations. */
function longest(...durations: string[]): string {
  return [...durations].sort((a, b) => durationToSeconds(b) - durationToSeconds(a))[0] as string;
}

/**
 * Every OpenClaw alert, sorted by name. PromQL rules take their names from `namer` (build it with
 * `metricNamer(settings)`), LogQL rules select the run-log shipper's stream.
 */
export function openClawAlertRules(
  config: ResolvedAlertingConfig,
  namer: MetricNamer,
  gateway: GatewayWorkload,
): readonly AlertRule[] {
  const t = config.thresholds;
  const q = createQueryBuilder(namer);
  const totalTokens = q.selector(METRICS.tokens, { matchers: [{ label: ATTR.token, value: 'total' }] });
  const tokensPerHour = (window: string): string => `sum(rate(${totalTokens}[${window}])) * 3600`;
  const cost24h = q.sumBy([], q.increase(METRICS.costUsd, { range: '24h' }));
  const heartbeatSeries = q.selector(METRICS.queueDepth, { part: 'count' });
  const gatewayAvailable =
    `kube_deployment_status_replicas_available{namespace=` +
    `${JSON.stringify(gateway.namespace)}, deployment=` +
    `${JSON.stringify(gateway.deployment)}}`;

  const rules: AlertRule[] = [
    {
      name: OPENCLAW_ALERT_NAMES.webhookDeliveryFailed,
      language: 'logql',
      expr: `${cronWebhookDeliveryFailuresQuery({ range: t.webhookFailureWindow })} >= ${t.webhookFailuresPerJob}`,
      for: '0m',
      severity: 'warning',
      summary: 'A cron webhook POST of OpenClaw failed',
      description:
        `Cron job {{ $labels.jobId }} logged "cron: webhook delivery failed" at ` +
        `least ${t.webhookFailuresPerJob} time(s) in ${t.webhookFailureWindow}: ` +
        ('the POST threw (network error, DNS, or the 10 s timeout). OpenClaw ' +
          'never retries and never logs non-2xx responses, so the receiver missed ' +
          'this result. ') +
        'Source: the gateway file log, shipped by the cron-run-log sidecar.',
      runbook:
        'Check the receiver is up and reachable from the openclaw pod (egress ' +
        'NetworkPolicy, DNS); replay the run from ' +
        '~/.openclaw/cron/runs/<jobId>.jsonl if the result matters.',
      runbookAnchor: 'openclawcronwebhookdeliveryfailed',
      threshold: `>= ${t.webhookFailuresPerJob} failure(s) per job in ${t.webhookFailureWindow}`,
      lookback: t.webhookFailureWindow,
    },
    {
      name: OPENCLAW_ALERT_NAMES.webhookBlockedBySsrfGuard,
      language: 'logql',
      expr: `${cronWebhookBlockedBySsrfGuardQuery({ range: t.ssrfBlockedWindow })} > 0`,
      for: '0m',
      severity: 'critical',
      summary: 'OpenClaw refuses to POST a cron webhook (SSRF guard)',
      description:
        `Cron job {{ $labels.jobId }} logged "cron: webhook delivery blocked by ` +
        `SSRF guard" in the last ${t.ssrfBlockedWindow}. ` +
        ('From v2026.2.19 OpenClaw refuses webhook targets that are ' +
          '.local/.internal hosts or resolve to private addresses (in-cluster ' +
          'Services included); there is no switch to allow them, so every run of ' +
          'this job will be blocked.'),
      runbook:
        'Point delivery.to at a public https hostname that resolves to public ' +
        'IPs (e.g. through the Cloudflare tunnel), never *.svc.cluster.local.',
      runbookAnchor: 'openclawcronwebhookblockedbyssrfguard',
      threshold: `> 0 blocked POSTs per job in ${t.ssrfBlockedWindow}`,
      lookback: t.ssrfBlockedWindow,
    },
    {
      name: OPENCLAW_ALERT_NAMES.cronJobFailing,
      language: 'logql',
      expr: `${cronRunErrorsQuery({ range: t.cronFailureWindow })} >= ${t.cronFailuresPerJob}`,
      for: '0m',
      severity: 'warning',
      summary: 'An OpenClaw cron job keeps failing',
      description:
        `Cron job {{ $labels.jobId }} finished with status "error" at least ` +
        `${t.cronFailuresPerJob} times in ${t.cronFailureWindow} (run log ` +
        `~/.openclaw/cron/runs/<jobId>.jsonl, shipped by the cron-run-log ` +
        `sidecar). ` +
        'Failed isolated runs usually carry no summary, so no webhook was sent for them either.',
      runbook:
        'Read the error field of the last runs (openclaw cron runs <jobId> or ' +
        'the Cron Jobs dashboard row); fix the model/provider or the prompt, or ' +
        'disable the job.',
      runbookAnchor: 'openclawcronjobfailingrepeatedly',
      threshold: `>= ${t.cronFailuresPerJob} failed runs per job in ${t.cronFailureWindow}`,
      lookback: t.cronFailureWindow,
    },
    {
      name: OPENCLAW_ALERT_NAMES.tokenUsageAnomaly,
      language: 'promql',
      expr:
        `(${tokensPerHour(t.tokenRateWindow)} > ${t.tokenAnomalyFactor} * ${tokensPerHour(t.tokenBaselineWindow)})` +
        ` and (${tokensPerHour(t.tokenRateWindow)} > ${t.tokenAnomalyFloorPerHour})`,
      for: t.tokenAnomalyFor,
      severity: 'warning',
      summary: 'OpenClaw token usage is far above its usual rate',
      description:
        `Tokens per hour (type "total", averaged over ${t.tokenRateWindow}) are ` +
        `more than ${t.tokenAnomalyFactor}x the ${t.tokenBaselineWindow} average ` +
        `and above ${t.tokenAnomalyFloorPerHour} per hour. ` +
        'Only inbound-message replies record tokens; cron runs never do (see the Cron Jobs dashboard row).',
      runbook:
        'Find the channel/model on the OpenClaw Application Metrics dashboard ' +
        '(Token Usage); look for a loop (an agent replying to itself, a chatty ' +
        'channel) and pause it.',
      runbookAnchor: 'openclawtokenusageanomaly',
      threshold:
        `${t.tokenRateWindow} rate > ${t.tokenAnomalyFactor} x ` +
        `${t.tokenBaselineWindow} rate and > ${t.tokenAnomalyFloorPerHour} ` +
        `tokens/h, for ${t.tokenAnomalyFor}`,
      lookback: longest(t.tokenRateWindow, t.tokenBaselineWindow),
    },
    {
      name: OPENCLAW_ALERT_NAMES.costBudget,
      language: 'promql',
      expr: `${cost24h} > ${t.dailyCostBudgetUsd}`,
      for: '5m',
      severity: 'warning',
      summary: `OpenClaw estimated cost over the last 24 h is above ${t.dailyCostBudgetUsd} USD`,
      description:
        `The estimated model cost (openclaw.cost.usd) over the last 24 h exceeds ` +
        `the budget of ${t.dailyCostBudgetUsd} USD. ` +
        ('It is an estimate from per-model cost config: models without cost ' +
          'config and cron runs are not counted, so the real bill can only be ' +
          'higher.'),
      runbook:
        'See Estimated cost by model on the dashboard; switch the expensive ' +
        'default or fallback model, or raise ' +
        'alerting.thresholds.dailyCostBudgetUsd if the spend is expected.',
      runbookAnchor: 'openclawestimatedcostbudgetexceeded',
      threshold: `> ${t.dailyCostBudgetUsd} USD in 24h`,
      lookback: '24h',
    },
    {
      name: OPENCLAW_ALERT_NAMES.telemetryAbsent,
      language: 'promql',
      expr: `absent_over_time(${heartbeatSeries}[${t.telemetryAbsentFor}]) and on () (${gatewayAvailable} > 0)`,
      for: '5m',
      severity: 'warning',
      summary: 'OpenClaw sends no metrics although the gateway is running',
      description:
        `No ${heartbeatSeries} series reached Prometheus for ` +
        `${t.telemetryAbsentFor} while Deployment ${gateway.namespace}/` +
        `${gateway.deployment} has an available replica. ` +
        ('The queue-depth histogram is recorded by the command queue and the ' +
          'diagnostic heartbeat and re-exported every interval (cumulative), so ' +
          'its absence means the OTLP pipeline is broken: ') +
        ('the diagnostics-otel plugin failed to load (missing @opentelemetry deps ' +
          'in the image), diagnostics.enabled is off, or Prometheus rejects OTLP ' +
          'writes.'),
      runbook:
        'kubectl -n openclaw logs deploy/openclaw -c openclaw | grep -i -e ' +
        'diagnostics-otel -e "failed to load plugin"; then check the OTLP ' +
        'receiver of Prometheus k8s (enableOTLPReceiver) and the ' +
        'openclaw→prometheus NetworkPolicy.',
      runbookAnchor: 'openclawtelemetryabsent',
      threshold: `no series for ${t.telemetryAbsentFor} (+5m for) while available replicas > 0`,
      lookback: t.telemetryAbsentFor,
    },
  ];
  return rules.sort((a, b) => compareText(a.name, b.name));
}
