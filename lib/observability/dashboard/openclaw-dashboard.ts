import { Construct } from 'constructs';
import { metricNamer, prometheusOtlpPatch } from '../../telemetry/prometheus-otlp-settings';
import type { TelemetryConfig } from '../telemetry-config';
import { cronDashboardRows } from './cron-dashboard-rows';
import { GrafanaDashboardProvisioning } from './grafana-dashboard-provisioning';
import {
  buildOpenClawAppDashboard,
  checkDashboardRows,
  OpenClawAppDashboard,
  renderDashboardJson,
} from './openclaw-app-dashboard';
import type { GitOpsPaths } from '../../files/gitops-paths';

/** Props of {@link OpenClawDashboard}. */
export interface OpenClawDashboardProps {
  /** Prometheus OTLP receiver settings, datasource UIDs, extra rows. */
  readonly settings: TelemetryConfig;
  /** Where the Component goes and the Grafana app whose kustomization lists it. */
  readonly paths: Pick<GitOpsPaths, 'appDashboardComponent' | 'grafanaApp'>;
}

/**
 * The "OpenClaw Application Metrics" dashboard (with the Loki cron rows) and the Prometheus OTLP
 * receiver patch, as a kustomize Component of the Grafana app
 * (`paths.appDashboardComponent`). Metric names follow
 * `settings.prometheus`; a bad query or an impossible receiver setting fails synth.
 */
export class OpenClawDashboard extends Construct {
  /** The dashboard model and its queries. */
  public readonly dashboard: OpenClawAppDashboard;
  /** The Grafana provisioning Component. */
  public readonly provisioning: GrafanaDashboardProvisioning;

  constructor(scope: Construct, id: string, props: OpenClawDashboardProps) {
    super(scope, id);
    const telemetry = props.settings;
    const settings = telemetry.prometheus ?? {};
    const namer = metricNamer(settings);
    const dashboard = buildOpenClawAppDashboard({
      namer,
      datasources: telemetry.datasources,
      // The Cron Jobs and webhook delivery rows (Loki) always come with the dashboard.
      extraRows: [...cronDashboardRows(), ...(telemetry.extraDashboardRows ?? [])],
    });
    this.dashboard = dashboard;
    this.provisioning = new GrafanaDashboardProvisioning(this, 'openclaw-app-dashboard', {
      name: 'openclaw-app',
      componentDir: props.paths.appDashboardComponent,
      grafanaApp: props.paths.grafanaApp,
      dashboardJson: renderDashboardJson(dashboard.model),
      validate: () => checkDashboardRows(dashboard.rows, namer),
      prometheusPatch: prometheusOtlpPatch(settings),
    });
  }
}
