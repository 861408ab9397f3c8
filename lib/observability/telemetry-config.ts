import type { PrometheusOtlpSettings } from '../telemetry/prometheus-otlp-settings';
import type { DashboardRowSpec } from './dashboard/dashboard-queries';
import type { DashboardDatasourceUids } from './dashboard/openclaw-app-dashboard';

/** Telemetry settings of the deployment (`OpenClawOpsConfig.telemetry`). */
export interface TelemetryConfig {
  /**
   * OTLP receiver settings of lolice's `k8s` Prometheus. The translation strategy here is the
   * single source of every metric and label name the dashboard queries.
   * @default DEFAULT_PROMETHEUS_OTLP_SETTINGS (Prometheus 3.5.0, operator 0.85.0, UnderscoreEscapingWithSuffixes)
   */
  readonly prometheus?: PrometheusOtlpSettings;
  /**
   * Grafana datasource UIDs the dashboard's `DS_PROMETHEUS` / `DS_LOKI` variables and the alert rules
   * default to (Grafana generates them; read them from the datasource's settings page).
   */
  readonly datasources: DashboardDatasourceUids;
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
