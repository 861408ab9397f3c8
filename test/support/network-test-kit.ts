/**
 * Shared helpers of test/network-policies.test.ts and test/cron-delivery.test.ts: synthesize the
 * lolice tree with the network and cron wiring, parse the NetworkPolicy file, and the pods of
 * the cluster as the facts describe them (docs/FACTS.md (lolice and arch)).
 */
import { parseAllDocuments } from 'yaml';
import { readLiveLolice } from './live-tree';
import { renderLoliceFiles } from '../../lib/files/lolice-tree';
import { type OpenClawNetwork } from '../../lib/network/openclaw-network';
import { NetworkPolicyEvaluator, type NamespaceIdentity, type PodIdentity } from './network-policy-evaluator';
import { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { LOLICE_PATHS } from '../../config/lolice-paths';

/** A rendered app: the file tree and what the wiring created. */
export interface RenderedLolice {
  readonly app: OpenClawOpsApp;
  readonly wiring: OpenClawNetwork;
  readonly tree: ReadonlyMap<string, string>;
}

/**
 * Builds the app and renders the lolice tree. With `onlyNetworkRules`, only the validations of the
 * network construct (NetworkPolicies, cron jobs) run: the openclaw.json rules reject OpenClaw
 * < 2026.2.19 (OTel metrics never record there) and some plugin setups, which would hide the
 * network and cron rules under test.
 */
export function renderWithNetworkAndCron(
  config: OpenClawOpsConfig,
  options: { onlyNetworkRules?: boolean } = {},
): RenderedLolice {
  const app = new OpenClawOpsApp({ config });
  const wiring = app.network;
  if (options.onlyNetworkRules !== true) {
    return { app, wiring, tree: app.renderLolice() };
  }
  const errors = wiring.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  if (errors.length > 0) {
    throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
  return { app, wiring, tree: renderLoliceFiles(app.lolice) };
}

/** The NetworkPolicy file's text. */
export function networkPolicyYaml(rendered: RenderedLolice): string {
  const text = rendered.tree.get(LOLICE_PATHS.networkPolicy);
  if (text === undefined) {
    throw new Error(`${LOLICE_PATHS.networkPolicy} was not rendered`);
  }
  return text;
}

/** Parses every document of a multi-document YAML text (throws on YAML errors). */
export function parseManifests(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) {
      throw new Error(`yaml error: ${document.errors.map((e) => e.message).join('; ')}`);
    }
    return document.toJS() as Record<string, unknown>;
  });
}

/** Namespaces with the labels the API server gives them. */
export const NAMESPACES: readonly NamespaceIdentity[] = [
  { name: 'openclaw', labels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/managed-by': 'argocd' } },
  { name: 'monitoring' },
  { name: 'kube-system' },
  { name: 'default' },
  { name: 'observability' },
  { name: 'argocd' },
];

/** An evaluator over the generated policies. */
export function evaluatorFor(rendered: RenderedLolice): NetworkPolicyEvaluator {
  return NetworkPolicyEvaluator.fromManifests(parseManifests(networkPolicyYaml(rendered)), NAMESPACES);
}

/** An evaluator over today's lolice policies (the live file). */
export function todaysEvaluator(): NetworkPolicyEvaluator {
  const text = readLiveLolice('argoproj/openclaw/networkpolicy.yaml');
  return NetworkPolicyEvaluator.fromManifests(parseManifests(text), NAMESPACES, { defaultNamespace: 'openclaw' });
}

/** Pods of the cluster, labelled as in lolice. */
export const PODS = {
  gateway: {
    name: 'openclaw',
    namespace: 'openclaw',
    labels: {
      'app.kubernetes.io/name': 'openclaw',
      'app.kubernetes.io/component': 'gateway',
      'app.kubernetes.io/managed-by': 'argocd',
    },
  },
  litellm: {
    name: 'litellm',
    namespace: 'openclaw',
    labels: { app: 'litellm', 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'litellm' },
  },
  cloudflared: {
    name: 'cloudflared',
    namespace: 'openclaw',
    labels: { app: 'cloudflared', 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'cloudflared' },
  },
  coredns: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
  prometheus: {
    name: 'prometheus-k8s-0',
    namespace: 'monitoring',
    labels: {
      'app.kubernetes.io/name': 'prometheus',
      'app.kubernetes.io/component': 'prometheus',
      'app.kubernetes.io/part-of': 'kube-prometheus',
      'app.kubernetes.io/instance': 'k8s',
    },
  },
  grafana: { name: 'grafana', namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'grafana' } },
  alertmanager: {
    name: 'alertmanager-main-0',
    namespace: 'monitoring',
    labels: { 'app.kubernetes.io/name': 'alertmanager' },
  },
  loki: { name: 'loki-0', namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'loki' } },
  webInDefault: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  litellmLookalike: { name: 'litellm-elsewhere', namespace: 'default', labels: { app: 'litellm' } },
  prometheusLookalike: {
    name: 'prometheus-elsewhere',
    namespace: 'observability',
    labels: { 'app.kubernetes.io/name': 'prometheus' },
  },
  grafanaLookalike: {
    name: 'grafana-elsewhere',
    namespace: 'default',
    labels: { 'app.kubernetes.io/name': 'grafana' },
  },
  cloudflaredLookalike: { name: 'cloudflared-elsewhere', namespace: 'default', labels: { app: 'cloudflared' } },
  gatewayLookalike: {
    name: 'gateway-elsewhere',
    namespace: 'default',
    labels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' },
  },
  argocdServer: { name: 'argocd-server', namespace: 'argocd', labels: { 'app.kubernetes.io/name': 'argocd-server' } },
} satisfies Record<string, PodIdentity>;

/**
 * `count` deterministic pseudo-random addresses spread over 10/8, 172.16/12 and 192.168/16
 * (a 32-bit LCG, so the sample is the same on every run).
 */
export function rfc1918Sample(count: number): string[] {
  let state = 0x2026_0219;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = next();
    const a = (r >>> 24) & 0xff;
    const b = (r >>> 16) & 0xff;
    const c = (r >>> 8) & 0xff;
    const d = r & 0xff;
    switch (i % 3) {
      case 0:
        out.push(`10.${b}.${c}.${d}`);
        break;
      case 1:
        out.push(`172.${16 + (a & 0x0f)}.${c}.${d}`);
        break;
      default:
        out.push(`192.168.${c}.${d}`);
    }
  }
  return out;
}
