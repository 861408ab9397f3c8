import { cronDashboardRows } from './cron-dashboard-rows';
import type { OpenClawOpsApp } from '../../openclaw-ops-app';
import type { DashboardRowSpec } from './dashboard-queries';
import {
  buildOpenClawAppDashboard,
  checkDashboardRows,
  DashboardDatasourceUids,
  LOLICE_DATASOURCE_UIDS,
  OpenClawAppDashboard,
  renderDashboardJson,
} from './openclaw-app-dashboard';
import { metricNamer, PrometheusOtlpSettings, prometheusOtlpPatch } from '../metrics/prometheus-otlp-settings';
import { GrafanaDashboardProvisioning } from './grafana-dashboard-provisioning';

/** Telemetry settings of the deployment (`OpenClawOpsConfig.telemetry`). */
export interface TelemetryConfig {
  /**
   * OTLP receiver settings of lolice's `k8s` Prometheus. The translation strategy here is the
   * single source of every metric and label name the dashboard queries.
   * @default DEFAULT_PROMETHEUS_OTLP_SETTINGS (Prometheus 3.5.0, operator 0.85.0, UnderscoreEscapingWithSuffixes)
   */
  readonly prometheus?: PrometheusOtlpSettings;
  /**
   * Grafana datasource UIDs the dashboard's `DS_PROMETHEUS` / `DS_LOKI` variables default to.
   * @default LOLICE_DATASOURCE_UIDS
   */
  readonly datasources?: DashboardDatasourceUids;
  /**
   * Rows appended to the "OpenClaw Application Metrics" dashboard, after the built-in sections
   * and the Loki-based Cron Jobs / webhook delivery rows.
   * @default []
   */
  readonly extraDashboardRows?: readonly DashboardRowSpec[];
  /**
   * Fail synth unless openclaw.json really produces OTel metrics: the whole diagnostics-otel
   * chain enabled, `diagnostics.otel.metrics` not false, and OpenClaw ≥ 2026.2.19 (2026.2.17's
   * plugin subscribes to a different event bus and records nothing). Set `false` only to run an
   * older OpenClaw knowingly: the dashboard's Prometheus panels and the telemetry alerts stay empty.
   * @default true
   */
  readonly requireOtelMetrics?: boolean;
}

/** What {@link attachTelemetry} added to the app. */
export interface AttachedTelemetry {
  readonly dashboard: OpenClawAppDashboard;
  readonly provisioning: GrafanaDashboardProvisioning;
}

/** Construct id of the provisioning construct under the lolice app. */
export const TELEMETRY_CONSTRUCT_ID = 'openclaw-app-dashboard';

/**
 * Adds the "OpenClaw Application Metrics" dashboard and the Prometheus OTLP receiver patch to the
 * lolice app, as the kustomize Component
 * `argoproj/prometheus-operator/components/openclaw-app-dashboard/`. Names follow
 * `config.telemetry.prometheus`; a bad query or an impossible receiver setting fails synth.
 */
export function attachTelemetry(app: OpenClawOpsApp): AttachedTelemetry {
  const telemetry: TelemetryConfig = app.config.telemetry ?? {};
  const settings = telemetry.prometheus ?? {};
  const namer = metricNamer(settings);
  const dashboard = buildOpenClawAppDashboard({
    namer,
    datasources: telemetry.datasources ?? LOLICE_DATASOURCE_UIDS,
    // The Cron Jobs and webhook delivery rows (Loki) always come with the dashboard.
    extraRows: [...cronDashboardRows(), ...(telemetry.extraDashboardRows ?? [])],
  });
  const provisioning = new GrafanaDashboardProvisioning(app.lolice, TELEMETRY_CONSTRUCT_ID, {
    name: 'openclaw-app',
    dashboardJson: renderDashboardJson(dashboard.model),
    validate: () => checkDashboardRows(dashboard.rows, namer),
    prometheusPatch: prometheusOtlpPatch(settings),
  });
  return { dashboard, provisioning };
}
