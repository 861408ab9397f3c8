/**
 * Where every generated file lands in lolice, relative to the repo root: the one table of lolice
 * paths. Constructs take their path from here (or through props from the app); nothing else spells
 * out an `argoproj/...` path. The ExternalSecret files are the exception: their paths come from the
 * config (`externalSecrets[].path`).
 */

/** lolice's Argo CD application for OpenClaw. */
export const LOLICE_OPENCLAW_DIR = 'argoproj/openclaw';

/** lolice's Argo CD application for kube-prometheus; its kustomization lists the Grafana components. */
export const LOLICE_PROMETHEUS_OPERATOR_DIR = 'argoproj/prometheus-operator';

/** The files and directories the tool writes into lolice. */
export const LOLICE_PATHS = {
  /** The gateway Deployment (replaces the live file). */
  gatewayDeployment: `${LOLICE_OPENCLAW_DIR}/deployment-openclaw.yaml`,
  /** The ConfigMap holding `openclaw.json` (replaces the live file). */
  openclawConfigMap: `${LOLICE_OPENCLAW_DIR}/configmap-openclaw.yaml`,
  /** The gateway's NetworkPolicies (replaces the live file). */
  networkPolicy: `${LOLICE_OPENCLAW_DIR}/networkpolicy.yaml`,
  /** The cron run-log shipper script. */
  runLogShipperConfigMap: `${LOLICE_OPENCLAW_DIR}/configmap-cron-run-log-shipper.yaml`,
  /** The cron jobs document and its apply script. */
  cronJobsDir: `${LOLICE_OPENCLAW_DIR}/cron-jobs`,
  /** The runbook every alert links to. */
  alertRunbook: `${LOLICE_OPENCLAW_DIR}/docs/openclaw-alerts-runbook.md`,
  /** The PrometheusRule with the OpenClaw alerts. */
  prometheusRules: `${LOLICE_PROMETHEUS_OPERATOR_DIR}/openclaw-rules.yaml`,
  /** Kustomize Component: the OpenClaw Application Metrics dashboard. */
  appDashboardComponent: `${LOLICE_PROMETHEUS_OPERATOR_DIR}/components/openclaw-app-dashboard`,
  /** Kustomize Component: the Grafana-managed OpenClaw alerts. */
  alertingComponent: `${LOLICE_PROMETHEUS_OPERATOR_DIR}/components/openclaw-alerting`,
} as const;

/** The single files above whose path no ExternalSecret may take (the later writer would replace the other). */
export const LOLICE_FIXED_OPENCLAW_FILES: readonly string[] = [
  LOLICE_PATHS.openclawConfigMap,
  LOLICE_PATHS.gatewayDeployment,
  LOLICE_PATHS.networkPolicy,
  LOLICE_PATHS.runLogShipperConfigMap,
];
