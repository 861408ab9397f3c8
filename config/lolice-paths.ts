import type { GitOpsPaths } from '../lib/files/gitops-paths';

/** lolice's Argo CD application for OpenClaw. */
const OPENCLAW_APP = 'argoproj/openclaw';

/** lolice's Argo CD application for kube-prometheus; its kustomization lists the Grafana components. */
const PROMETHEUS_OPERATOR_APP = 'argoproj/prometheus-operator';

/** Where each generated file lands in lolice (the live files it replaces keep their paths). */
export const LOLICE_PATHS: GitOpsPaths = {
  gatewayDeployment: `${OPENCLAW_APP}/deployment-openclaw.yaml`,
  openclawConfigMap: `${OPENCLAW_APP}/configmap-openclaw.yaml`,
  networkPolicy: `${OPENCLAW_APP}/networkpolicy.yaml`,
  runLogShipperConfigMap: `${OPENCLAW_APP}/configmap-cron-run-log-shipper.yaml`,
  cronJobsDir: `${OPENCLAW_APP}/cron-jobs`,
  alertRunbook: `${OPENCLAW_APP}/docs/openclaw-alerts-runbook.md`,
  prometheusRules: `${PROMETHEUS_OPERATOR_APP}/openclaw-rules.yaml`,
  grafanaApp: PROMETHEUS_OPERATOR_APP,
  appDashboardComponent: `${PROMETHEUS_OPERATOR_APP}/components/openclaw-app-dashboard`,
  alertingComponent: `${PROMETHEUS_OPERATOR_APP}/components/openclaw-alerting`,
};
