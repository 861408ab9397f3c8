/**
 * The OpenClaw alerts in lolice: PrometheusRule `openclaw-rules`
 * (`argoproj/prometheus-operator/openclaw-rules.yaml`), the Grafana alert provisioning Component
 * (`argoproj/prometheus-operator/components/openclaw-alerting/`) and the runbook every alert links to.
 */
import { Construct } from 'constructs';
import type { CronRunLogShipper } from '../../cron/cron-run-log-shipper';
import type { OpenClawGateway } from '../../gateway/openclaw-gateway';
import { GitOpsFileChart } from '../../files/gitops-file-chart';
import { GitOpsTextFile } from '../../files/lolice-tree';
import { metricNamer } from '../../telemetry/prometheus-otlp-settings';
import type { TelemetryConfig } from '../telemetry-config';
import type { AlertRule } from './alert-rule';
import { assertAlertRules } from './alert-rule';
import { alertRunbookMarkdown } from './alert-runbook';
import { AlertingConfig, ResolvedAlertingConfig, resolveAlertingConfig } from './alerting-config';
import { GrafanaAlertProvisioning } from './grafana-alert-provisioning';
import { openClawAlertRules } from './openclaw-alert-rules';
import { OpenClawPrometheusRule, prometheusRuleGroups } from './prometheus-rule';
import type { GitOpsPaths } from '../../files/gitops-paths';

/** Props of {@link OpenClawAlerting}. */
export interface OpenClawAlertingProps {
  /** Namespace of the gateway (alerts select its pods). */
  readonly namespace: string;
  /** The gateway the availability alerts watch. */
  readonly gateway: OpenClawGateway;
  /**
   * The shipper whose Loki stream the cron alerts read (its sidecar must be on the gateway).
   */
  readonly runLogShipper: CronRunLogShipper;
  /** Contact point, runbook location, datasource UIDs, thresholds. */
  readonly settings: AlertingConfig;
  /**
   * Telemetry settings: metric names follow `telemetry.prometheus`, datasource UIDs default to
   * `telemetry.datasources`.
   */
  readonly telemetry: TelemetryConfig;
  /** Where the PrometheusRule, the runbook and the Grafana Component go, and the Grafana app. */
  readonly paths: Pick<GitOpsPaths, 'prometheusRules' | 'alertRunbook' | 'alertingComponent' | 'grafanaApp'>;
}

/** Alert rules, their Prometheus and Grafana provisioning, and the runbook. */
export class OpenClawAlerting extends Construct {
  /** The resolved settings. */
  public readonly config: ResolvedAlertingConfig;
  /** Every alert rule. */
  public readonly rules: readonly AlertRule[];
  /** PrometheusRule `openclaw-rules`. */
  public readonly prometheusRule: OpenClawPrometheusRule;
  /** The Grafana alert provisioning Component. */
  public readonly grafana: GrafanaAlertProvisioning;
  /** The shipper the cron alerts depend on. */
  public readonly runLogShipper: CronRunLogShipper;

  constructor(scope: Construct, id: string, props: OpenClawAlertingProps) {
    super(scope, id);
    const config = resolveAlertingConfig(props.settings, props.telemetry.datasources);
    const namer = metricNamer(props.telemetry.prometheus ?? {});
    const rules = openClawAlertRules(config, namer, {
      namespace: props.namespace,
      deployment: props.gateway.deploymentName,
    });
    assertAlertRules(rules, namer);
    this.config = config;
    this.rules = rules;
    this.runLogShipper = props.runLogShipper;

    const chart = new GitOpsFileChart(this, 'openclaw-alerting', { path: props.paths.prometheusRules });
    this.prometheusRule = new OpenClawPrometheusRule(chart, 'Rules', {
      groups: prometheusRuleGroups(rules, {
        topic: 'openclaw',
        interval: config.evaluationInterval,
        runbookBaseUrl: config.runbookBaseUrl,
      }),
    });
    this.grafana = new GrafanaAlertProvisioning(this, 'openclaw-alerting-grafana', {
      rules,
      config,
      componentDir: props.paths.alertingComponent,
      grafanaApp: props.paths.grafanaApp,
    });
    // The page every runbook_url points at, when runbookBaseUrl points at the generated file.
    if (new URL(config.runbookBaseUrl).pathname.endsWith(`/${props.paths.alertRunbook}`)) {
      new GitOpsTextFile(this, 'openclaw-alerting-runbook', {
        path: props.paths.alertRunbook,
        content: alertRunbookMarkdown(rules, { contactPoint: config.contactPoint }),
      });
    }
  }
}
