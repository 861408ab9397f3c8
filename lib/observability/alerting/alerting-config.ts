/**
 * Settings of the OpenClaw alerts: where they go (Grafana contact point, datasource UIDs) and the
 * thresholds. Every field is optional; {@link resolveAlertingConfig} fills in the defaults that
 * match lolice as of Feb 2026 (docs/FACTS.md (lolice and arch)).
 */
import { describeValue } from '../../core/describe-value';
import { durationToSeconds, parsePrometheusDuration } from '../../query/prometheus-duration';
import type { DashboardDatasourceUids } from '../dashboard/openclaw-app-dashboard';

export { durationToSeconds } from '../../query/prometheus-duration';

/** Thresholds of the OpenClaw alerts. Durations are Prometheus/LogQL durations (`15m`, `6h`, `7d`). */
export interface AlertThresholds {
  /**
   * Window in which `cron: webhook delivery failed` warnings are counted.
   * @default '15m'
   */
  readonly webhookFailureWindow?: string;
  /**
   * Failed webhook POSTs of one job within the window that fire the alert.
   * @default 1
   */
  readonly webhookFailuresPerJob?: number;
  /**
   * Window in which `cron: webhook delivery blocked by SSRF guard` warnings are counted.
   * @default '15m'
   */
  readonly ssrfBlockedWindow?: string;
  /**
   * Window in which failed runs (`status: "error"` in the run log) of one job are counted.
   * @default '6h'
   */
  readonly cronFailureWindow?: string;
  /**
   * Failed runs of one job within the window that count as "failing repeatedly".
   * @default 3
   */
  readonly cronFailuresPerJob?: number;
  /**
   * Window of the current token rate in the anomaly alert.
   * @default '1h'
   */
  readonly tokenRateWindow?: string;
  /**
   * Window of the baseline token rate in the anomaly alert.
   * @default '7d'
   */
  readonly tokenBaselineWindow?: string;
  /**
   * The current rate must exceed the baseline rate times this factor.
   * @default 5
   */
  readonly tokenAnomalyFactor?: number;
  /**
   * ... and exceed this many tokens per hour (keeps a quiet week from turning a normal hour into an
   * anomaly).
   * @default 200000
   */
  readonly tokenAnomalyFloorPerHour?: number;
  /**
   * How long the anomaly must last.
   * @default '15m'
   */
  readonly tokenAnomalyFor?: string;
  /**
   * Estimated USD over the last 24 h (`openclaw.cost.usd`) that fires the budget alert.
   * @default 10
   */
  readonly dailyCostBudgetUsd?: number;
  /**
   * How long no OpenClaw series may be seen while the gateway has an available replica.
   * @default '15m'
   */
  readonly telemetryAbsentFor?: string;
}

/** Settings of the OpenClaw alerts. */
export interface AlertingConfig {
  /**
   * Grafana contact point every alert is sent to (`notification_settings.receiver`). It must exist
   * in Grafana before the rules are provisioned.
   */
  readonly contactPoint: string;
  /**
   * UID of the Grafana Prometheus datasource the rules query.
   * @default - `telemetry.datasources.prometheus`
   */
  readonly prometheusDatasourceUid?: string;
  /**
   * UID of the Grafana Loki datasource the rules query.
   * @default - `telemetry.datasources.loki`
   */
  readonly lokiDatasourceUid?: string;
  /**
   * Grafana folder (title) the provisioned rules are stored in; created if missing.
   * @default 'OpenClaw'
   */
  readonly folder?: string;
  /**
   * Evaluation interval of the Grafana rule group and the PrometheusRule group.
   * @default '1m'
   */
  readonly evaluationInterval?: string;
  /**
   * Link prefix of the runbook annotation (`runbook_url` = prefix + `#` + anchor): where the GitOps
   * repo's web view shows the file. When its path ends in the generated runbook's path, the runbook
   * is generated there.
   */
  readonly runbookBaseUrl: string;
  /**
   * Thresholds.
   * @default DEFAULT_ALERT_THRESHOLDS
   */
  readonly thresholds?: AlertThresholds;
  /**
   * How the cron run-log shipper sidecar keeps its state and whether it follows the gateway's
   * file log (see `CronRunLogShipperProps`).
   * @default - state on the PVC, file log followed
   */
  readonly runLogShipper?: {
    readonly stateStorage?: 'pvc' | 'emptyDir';
    readonly followGatewayFileLog?: boolean;
  };
}

/** {@link AlertThresholds} with every default filled in. */
export type ResolvedAlertThresholds = Required<AlertThresholds>;

/** {@link AlertingConfig} with every default filled in and validated. */
export interface ResolvedAlertingConfig {
  readonly contactPoint: string;
  readonly prometheusDatasourceUid: string;
  readonly lokiDatasourceUid: string;
  readonly folder: string;
  readonly evaluationInterval: string;
  readonly runbookBaseUrl: string;
  readonly thresholds: ResolvedAlertThresholds;
}

/** The default thresholds. */
export const DEFAULT_ALERT_THRESHOLDS: ResolvedAlertThresholds = {
  webhookFailureWindow: '15m',
  webhookFailuresPerJob: 1,
  ssrfBlockedWindow: '15m',
  cronFailureWindow: '6h',
  cronFailuresPerJob: 3,
  tokenRateWindow: '1h',
  tokenBaselineWindow: '7d',
  tokenAnomalyFactor: 5,
  tokenAnomalyFloorPerHour: 200000,
  tokenAnomalyFor: '15m',
  dailyCostBudgetUsd: 10,
  telemetryAbsentFor: '15m',
};

/** The defaults of the optional settings that are not thresholds. */
export const DEFAULT_ALERTING_CONFIG: Pick<ResolvedAlertingConfig, 'folder' | 'evaluationInterval'> = {
  folder: 'OpenClaw',
  evaluationInterval: '1m',
};

function assertDuration(value: unknown, field: string): void {
  if (typeof value !== 'string' || (parsePrometheusDuration(value) ?? 0) <= 0) {
    throw new Error(
      `alerting config ${field}: received ${describeValue(value)}, expected a ` +
        `positive duration like "15m" or "1h30m"; fix alerting.${field}`,
    );
  }
}

function assertPositiveNumber(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(
      `alerting config ${field}: received ${describeValue(value)}, expected a ` +
        `finite number above 0; fix alerting.${field}`,
    );
  }
}

function assertNonEmpty(value: unknown, field: string, pattern?: RegExp): void {
  if (typeof value !== 'string' || value.trim() === '' || (pattern !== undefined && !pattern.test(value))) {
    throw new Error(
      `alerting config ${field}: received ${describeValue(value)}, expected a ` +
        `non-empty string` +
        `${pattern === undefined ? '' : ` matching ${pattern.source}`}; fix ` +
        `alerting.${field}`,
    );
  }
}

/**
 * Fills in the defaults (datasource UIDs from `datasources`, the telemetry section's) and throws (what
 * was received, what is expected, how to fix it) for bad values.
 */
export function resolveAlertingConfig(
  config: AlertingConfig,
  datasources: DashboardDatasourceUids,
): ResolvedAlertingConfig {
  const thresholds: ResolvedAlertThresholds = {
    ...DEFAULT_ALERT_THRESHOLDS,
    ...stripUndefined(config.thresholds ?? {}),
  };
  for (const field of [
    'webhookFailureWindow',
    'ssrfBlockedWindow',
    'cronFailureWindow',
    'tokenRateWindow',
    'tokenBaselineWindow',
    'tokenAnomalyFor',
    'telemetryAbsentFor',
  ] as const) {
    assertDuration(thresholds[field], `thresholds.${field}`);
  }
  for (const field of [
    'webhookFailuresPerJob',
    'cronFailuresPerJob',
    'tokenAnomalyFactor',
    'tokenAnomalyFloorPerHour',
    'dailyCostBudgetUsd',
  ] as const) {
    assertPositiveNumber(thresholds[field], `thresholds.${field}`);
  }
  if (durationToSeconds(thresholds.tokenBaselineWindow) <= durationToSeconds(thresholds.tokenRateWindow)) {
    throw new Error(
      `alerting config thresholds.tokenBaselineWindow: received ` +
        `${thresholds.tokenBaselineWindow}, expected a window longer than ` +
        `tokenRateWindow (${thresholds.tokenRateWindow}); a baseline must cover ` +
        `more than the rate it is compared with`,
    );
  }
  const resolved: ResolvedAlertingConfig = {
    ...DEFAULT_ALERTING_CONFIG,
    contactPoint: config.contactPoint,
    runbookBaseUrl: config.runbookBaseUrl,
    prometheusDatasourceUid: datasources.prometheus,
    lokiDatasourceUid: datasources.loki,
    ...stripUndefined({
      prometheusDatasourceUid: config.prometheusDatasourceUid,
      lokiDatasourceUid: config.lokiDatasourceUid,
      folder: config.folder,
      evaluationInterval: config.evaluationInterval,
    }),
    thresholds,
  };
  assertNonEmpty(resolved.contactPoint, 'contactPoint');
  assertNonEmpty(resolved.prometheusDatasourceUid, 'prometheusDatasourceUid', /^[A-Za-z0-9_-]{1,40}$/);
  assertNonEmpty(resolved.lokiDatasourceUid, 'lokiDatasourceUid', /^[A-Za-z0-9_-]{1,40}$/);
  assertNonEmpty(resolved.folder, 'folder');
  assertDuration(resolved.evaluationInterval, 'evaluationInterval');
  assertNonEmpty(resolved.runbookBaseUrl, 'runbookBaseUrl', /^https?:\/\/[^#\s]+$/);
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
