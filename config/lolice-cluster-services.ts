/**
 * lolice's in-cluster Services, as `config/lolice.ts` hands them to `network.clusterServices`.
 */
import { GATEWAY_PORT, GATEWAY_SELECTOR_LABELS } from '../lib/gateway/gateway-labels';
import { BOARD_SERVER_PORT } from './lolice-gateway-pod';
import { type ClusterServiceEntry, LITELLM_SERVICE_NAME } from '../lib/endpoints/network-peers';

/**
 * The in-cluster Services of lolice the gateway may call, from the facts (docs/FACTS.md,
 * lolice and arch). Extend it when openclaw.json or an env var points at another Service.
 */
export const LOLICE_CLUSTER_SERVICES: readonly ClusterServiceEntry[] = [
  {
    name: 'grafana',
    namespace: 'monitoring',
    podLabels: { 'app.kubernetes.io/name': 'grafana' },
    ports: [{ port: 3000, targetPort: 3000 }],
    description: 'Grafana (kube-prometheus)',
  },
  {
    name: LITELLM_SERVICE_NAME,
    namespace: 'openclaw',
    podLabels: { app: 'litellm' },
    ports: [{ port: 4000, targetPort: 4000 }],
    description: 'the LiteLLM proxy',
  },
  {
    name: 'openclaw',
    namespace: 'openclaw',
    podLabels: GATEWAY_SELECTOR_LABELS,
    ports: [
      { port: GATEWAY_PORT, targetPort: GATEWAY_PORT },
      { port: BOARD_SERVER_PORT, targetPort: BOARD_SERVER_PORT },
    ],
    description: 'the OpenClaw gateway and board-server',
  },
  {
    name: 'prometheus-k8s',
    namespace: 'monitoring',
    podLabels: { 'app.kubernetes.io/name': 'prometheus' },
    ports: [{ port: 9090, targetPort: 9090 }],
    description: 'Prometheus (kube-prometheus, CR k8s)',
  },
];
