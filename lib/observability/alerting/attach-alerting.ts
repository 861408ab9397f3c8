/**
 * Wires the OpenClaw alerts into the lolice app: PrometheusRule `openclaw-rules`
 * (`argoproj/prometheus-operator/openclaw-rules.yaml`), the Grafana alert provisioning Component
 * (`argoproj/prometheus-operator/components/openclaw-alerting/`) and, because the cron alerts read
 * its stream, the cron run-log shipper sidecar.
 */
import type { AlertRule } from './alert-rule';
import { assertAlertRules } from './alert-rule';
import { ResolvedAlertingConfig, resolveAlertingConfig } from './alerting-config';
import { GrafanaAlertProvisioning } from './grafana-alert-provisioning';
import { openClawAlertRules } from './openclaw-alert-rules';
import { OpenClawPrometheusRule, prometheusRuleGroups } from './prometheus-rule';
import type { OpenClawOpsApp } from '../../openclaw-ops-app';
import { GitOpsFileChart } from '../../gitops/gitops-file-chart';
import { metricNamer } from '../metrics/prometheus-otlp-settings';
import { ALERT_RUNBOOK_PATH, ALERT_RUNBOOK_URL, alertRunbookMarkdown } from './alert-runbook';
import { GitOpsTextFile } from '../../gitops/lolice-tree';
import { attachCronRunLogShipper, CronRunLogShipper } from '../../cron/cron-run-log-shipper';

/** The lolice file of the PrometheusRule. */
export const OPENCLAW_RULES_PATH = 'argoproj/prometheus-operator/openclaw-rules.yaml';

/** Construct id of the alerting charts under the lolice app. */
export const ALERTING_CONSTRUCT_ID = 'openclaw-alerting';

/** What {@link attachAlerting} added. */
export interface AttachedAlerting {
  readonly config: ResolvedAlertingConfig;
  readonly rules: readonly AlertRule[];
  readonly prometheusRule: OpenClawPrometheusRule;
  readonly grafana: GrafanaAlertProvisioning;
  readonly shipper: CronRunLogShipper;
}

/**
 * Adds the alerts to `app` (called once, from the app's constructor) and returns what it added.
 * Datasource UIDs default to `config.telemetry.datasources`, then to lolice's; names follow
 * `config.telemetry.prometheus`.
 */
export function attachAlerting(app: OpenClawOpsApp): AttachedAlerting {
  if (app.lolice.node.tryFindChild(ALERTING_CONSTRUCT_ID) !== undefined) {
    throw new Error('attachAlerting: the lolice app already has the openclaw alerts: call attachAlerting once per app');
  }
  const datasources = app.config.telemetry?.datasources;
  const alerting = app.config.alerting ?? {};
  const config = resolveAlertingConfig({
    ...alerting,
    prometheusDatasourceUid: alerting.prometheusDatasourceUid ?? datasources?.prometheus,
    lokiDatasourceUid: alerting.lokiDatasourceUid ?? datasources?.loki,
  });
  const namer = metricNamer(app.config.telemetry?.prometheus ?? {});
  const rules = openClawAlertRules(config, namer, { namespace: app.config.namespace, deployment: app.gateway.resource.name });
  assertAlertRules(rules, namer);

  const chart = new GitOpsFileChart(app.lolice, ALERTING_CONSTRUCT_ID, { path: OPENCLAW_RULES_PATH });
  const prometheusRule = new OpenClawPrometheusRule(chart, 'Rules', {
    groups: prometheusRuleGroups(rules, { topic: 'openclaw', interval: config.evaluationInterval, runbookBaseUrl: config.runbookBaseUrl }),
  });
  const grafana = new GrafanaAlertProvisioning(app.lolice, `${ALERTING_CONSTRUCT_ID}-grafana`, { rules, config });
  const shipper = attachCronRunLogShipper(app, alerting.runLogShipper ?? {});
  // The page every runbook_url points at (only when the default runbook location is in use).
  if (config.runbookBaseUrl === ALERT_RUNBOOK_URL) {
    new GitOpsTextFile(app.lolice, `${ALERTING_CONSTRUCT_ID}-runbook`, {
      path: ALERT_RUNBOOK_PATH,
      content: alertRunbookMarkdown(rules, { contactPoint: config.contactPoint }),
    });
  }
  return { config, rules, prometheusRule, grafana, shipper };
}
