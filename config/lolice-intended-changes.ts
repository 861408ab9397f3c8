/**
 * The one list of what the default config (`config/lolice.ts`) changes in lolice as it is
 * (boxp/lolice 00ffbb3). Everything else a generated file holds must equal the live file: the
 * live-tree test diffs both sides semantically, subtracts this list and fails on any remainder,
 * and fails on an entry nothing matches. Each entry says why the design
 * (cron webhook delivery and usage telemetry) wants it.
 */
import type { IntendedChange } from '../lib/checkout/intended-changes';
import { LOLICE_PATHS } from './lolice-paths';

/** lolice's Argo CD application for OpenClaw (where the ExternalSecrets live). */
const LOLICE_OPENCLAW_DIR = 'argoproj/openclaw';

const DEPLOYMENT = 'Deployment/openclaw/openclaw';
const POD = 'spec.template.spec';
const SYNC_WAVE = "metadata.annotations['argocd.argoproj.io/sync-wave']";
const WAVES =
  'rollout order: ESO must have written every key (wave 0) before the Recreate Deployment with ' +
  'non-optional secretKeyRefs rolls (wave 1), or the new pod fails and the old one is gone (' +
  'SSM → ExternalSecret → Deployment env)';
const SHIPPER =
  'cron usage reaches Loki: the run-log JSONL and the "cron: webhook delivery failed" ' +
  'warnings are shipped to stdout for the Cron Jobs dashboard rows and alerts';

/** Every change the default config makes to lolice, replaced files and new files alike. */
export const LOLICE_INTENDED_CHANGES: readonly IntendedChange[] = [
  // argoproj/openclaw: files that replace live ones
  {
    file: LOLICE_PATHS.openclawConfigMap,
    object: 'ConfigMap/openclaw/openclaw-config',
    path: "data['openclaw.json'].cron",
    why: 'cron section (enabled, webhookToken from ${OPENCLAW_CRON_WEBHOOK_TOKEN}, sessionRetention 7d)',
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret.yaml`,
    object: 'ExternalSecret/openclaw/openclaw-es',
    path: 'spec.data[secretKey=OPENCLAW_CRON_WEBHOOK_TOKEN]',
    why: 'the webhook token from SSM /lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN',
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret.yaml`,
    object: 'ExternalSecret/openclaw/openclaw-es',
    path: SYNC_WAVE,
    why: WAVES,
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret-litellm.yaml`,
    object: 'ExternalSecret/openclaw/litellm-es',
    path: SYNC_WAVE,
    why: WAVES,
  },
  { file: LOLICE_PATHS.gatewayDeployment, object: DEPLOYMENT, path: SYNC_WAVE, why: WAVES },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=openclaw].env[name=OPENCLAW_CRON_WEBHOOK_TOKEN]`,
    why: 'the gateway reads the token as an env var (no envFrom in this Deployment)',
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=openclaw].volumeMounts[mountPath=/tmp/openclaw]`,
    why: `${SHIPPER}; OpenClaw writes those warnings only to its file log in /tmp/openclaw, shared with the shipper`,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=cron-run-log]`,
    why: SHIPPER,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.volumes[name=cron-run-log-shipper]`,
    why: `${SHIPPER}; the shipper script`,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.volumes[name=openclaw-tmp]`,
    why: `${SHIPPER}; the gateway file log shared with the shipper`,
  },
  // argoproj/openclaw: new files
  { file: LOLICE_PATHS.runLogShipperConfigMap, why: `${SHIPPER}; the shipper script` },
  {
    file: `${LOLICE_PATHS.cronJobsDir}/cron-jobs.json`,
    why: 'the example cron jobs (webhook and Discord announce delivery)',
  },
  {
    file: `${LOLICE_PATHS.cronJobsDir}/apply-cron-jobs.sh`,
    why: 'jobs are added through the gateway RPC, not openclaw.json',
  },
  { file: LOLICE_PATHS.alertRunbook, why: 'the runbook every alert links to' },
  // argoproj/prometheus-operator: new files only (the live dashboard file is left alone)
  ...[
    'kustomization.yaml',
    'grafana-dashboard-openclaw-app.yaml',
    'grafana-deployment-patch.yaml',
    'prometheus-otlp-receiver-patch.yaml',
  ].map((file) => ({
    file: `${LOLICE_PATHS.appDashboardComponent}/${file}`,
    why: 'the OpenClaw Application Metrics dashboard, its Grafana mount, and the OTLP receiver it reads',
  })),
  ...[
    `${LOLICE_PATHS.alertingComponent}/kustomization.yaml`,
    `${LOLICE_PATHS.alertingComponent}/configmap-grafana-alerting-openclaw.yaml`,
    `${LOLICE_PATHS.alertingComponent}/grafana-alerting-volume.yaml`,
    LOLICE_PATHS.prometheusRules,
  ].map((file) => ({
    file,
    why: 'alerts on webhook delivery failures, token usage and failing cron jobs',
  })),
];
