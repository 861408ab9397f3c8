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
import { LOLICE_PATHS } from '../../files/lolice-paths';

/** Props of {@link OpenClawDashboard}. */
export interface OpenClawDashboardProps {
  /** Prometheus OTLP receiver settings, datasource UIDs, extra rows. */
  readonly settings: TelemetryConfig;
}

/**
 * The "OpenClaw Application Metrics" dashboard (with the Loki cron rows) and the Prometheus OTLP
 * receiver patch, as the kustomize Component
 * `argoproj/prometheus-operator/components/openclaw-app-dashboard/`. Metric names follow
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
      componentDir: LOLICE_PATHS.appDashboardComponent,
      dashboardJson: renderDashboardJson(dashboard.model),
      validate: () => checkDashboardRows(dashboard.rows, namer),
      prometheusPatch: prometheusOtlpPatch(settings),
    });
  }
}
