/**
 * A second, small example configuration: another namespace and SSM prefix, one model provider on
 * the internet, no LiteLLM, no cloudflared (no ingress at all), no dind or board-server sidecars.
 * It shows that nothing about lolice is built into lib/; the suite synthesizes it, builds it with
 * `kubectl kustomize` and runs its openclaw.json through the real OpenClaw loader.
 */
import type { OpenClawOpsConfig } from '../lib/config/openclaw-ops-config';
import { SecretValueOwner } from '../lib/secrets/secret-declaration';
import images from './example-small-images.json';

const SSM_PREFIX = '/example/openclaw/';
const CREDENTIALS = 'openclaw-credentials';
const STATE_DIR = '/home/node/.openclaw';

/** Its own repo layout: the gateway's app under apps/agents, Grafana's under apps/monitoring. */
const APP = 'apps/agents';
const GRAFANA_APP = 'apps/monitoring';

export const exampleSmallConfig: OpenClawOpsConfig = {
  openclawVersion: '2026.2.19',
  namespace: 'agents',
  paths: {
    gatewayDeployment: `${APP}/deployment.yaml`,
    openclawConfigMap: `${APP}/configmap-openclaw.yaml`,
    networkPolicy: `${APP}/networkpolicy.yaml`,
    runLogShipperConfigMap: `${APP}/configmap-run-log-shipper.yaml`,
    cronJobsDir: `${APP}/cron-jobs`,
    alertRunbook: `${APP}/docs/alerts-runbook.md`,
    prometheusRules: `${GRAFANA_APP}/openclaw-rules.yaml`,
    grafanaApp: GRAFANA_APP,
    appDashboardComponent: `${GRAFANA_APP}/components/openclaw-dashboard`,
    alertingComponent: `${GRAFANA_APP}/components/openclaw-alerting`,
  },
  image: images.openclaw,
  gatewayPod: {
    fsGroup: 1000,
    initContainers: [
      {
        name: 'init-config',
        image: images.openclaw,
        comment: 'Copy openclaw.json from the ConfigMap onto the state volume.',
        script: [`mkdir -p ${STATE_DIR}`, `cp /config/openclaw.json ${STATE_DIR}/openclaw.json`],
        securityContext: { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true, allowPrivilegeEscalation: false },
        volumeMounts: [
          { name: 'openclaw-config', mountPath: '/config', readOnly: true },
          { name: 'data', mountPath: STATE_DIR },
        ],
      },
    ],
    gateway: {
      script: ['exec node dist/index.js gateway --bind lan --port 18789'],
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1000m', memory: '2Gi' } },
      securityContext: {
        runAsUser: 1000,
        runAsGroup: 1000,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      },
      volumeMounts: [{ name: 'data', mountPath: STATE_DIR }],
    },
    sidecars: [],
    volumes: [
      { name: 'openclaw-config', openclawConfigMap: true },
      { name: 'data', persistentVolumeClaim: { claimName: 'openclaw-state' } },
    ],
  },
  ssmPrefix: SSM_PREFIX,
  secretStore: { kind: 'SecretStore', name: 'aws-parameter-store' },
  externalSecretRefreshInterval: '30m',
  externalSecrets: [{ name: 'openclaw-es', targetSecretName: CREDENTIALS, path: `${APP}/external-secret.yaml` }],
  secrets: [
    {
      secretName: CREDENTIALS,
      key: 'OPENCLAW_GATEWAY_TOKEN',
      parameterName: `${SSM_PREFIX}OPENCLAW_GATEWAY_TOKEN`,
      owner: SecretValueOwner.GENERATED,
      description: 'OpenClaw gateway auth token',
      envVars: ['OPENCLAW_GATEWAY_TOKEN'],
    },
    {
      secretName: CREDENTIALS,
      key: 'OPENAI_API_KEY',
      parameterName: `${SSM_PREFIX}OPENAI_API_KEY`,
      owner: SecretValueOwner.EXISTING,
      description: 'OpenAI API key',
      envVars: ['OPENAI_API_KEY'],
      managedBy: 'set by hand in SSM',
    },
  ],
  gatewayLiteralEnv: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=1536' }],
  openclawConfig: {
    agents: { defaults: { model: { primary: 'openai/gpt-5-mini' } } },
    diagnostics: {
      enabled: true,
      otel: {
        enabled: true,
        endpoint: 'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp',
        protocol: 'http/protobuf',
        serviceName: 'openclaw',
        traces: false,
        metrics: true,
        logs: false,
      },
    },
    plugins: { entries: { 'diagnostics-otel': { enabled: true } } },
    gateway: { mode: 'local', bind: 'lan', port: 18789, auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' } },
  },
  network: {
    clusterServices: [
      {
        name: 'prometheus-k8s',
        namespace: 'monitoring',
        podLabels: { 'app.kubernetes.io/name': 'prometheus' },
        ports: [{ port: 9090, targetPort: 9090 }],
        description: 'Prometheus',
      },
    ],
    urlEnvVars: [],
    litellmPolicy: false,
    ingress: 'none',
  },
  telemetry: { datasources: { prometheus: 'prometheus', loki: 'loki' } },
  alerting: {
    contactPoint: 'example on-call',
    prometheusDatasourceUid: 'prometheus',
    lokiDatasourceUid: 'loki',
    runbookBaseUrl: 'https://git.example.com/gitops/blob/main/argoproj/openclaw/docs/openclaw-alerts-runbook.md',
  },
  arch: {
    stackName: 'example-openclaw',
    region: 'us-east-1',
    backend: { bucket: 'example-terraform-state', key: 'openclaw/terraform.tfstate', region: 'us-east-1' },
    reservedStateKeyPrefixes: [],
  },
};
