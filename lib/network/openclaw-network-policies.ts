/**
 * The three NetworkPolicies of `argoproj/openclaw/networkpolicy.yaml` (`openclaw-network`,
 * `litellm-network`, `cloudflared-network`), as L1 objects for exact control over the output.
 * Today's file is reproduced rule by rule (docs/FACTS.md (lolice and arch)); the gateway's in-cluster peers
 * are derived from the URLs it calls, and declared cron webhooks add their egress.
 */
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { WebhookEgressRequirement } from '../cron/webhook-egress-requirement';
import { addManifestComment } from '../files/yaml-comments';
import { GATEWAY_PORT, GATEWAY_SELECTOR_LABELS } from '../gateway/gateway-labels';
import {
  ClusterServiceEntry,
  CLOUDFLARE_TUNNEL_PORT,
  CLOUDFLARED_POD_LABELS,
  CLUSTER_DNS_NAMESPACE,
  DEFAULT_EXTERNAL_EGRESS_PORTS,
  EndpointEgress,
  GatewayEndpointUrl,
  INTERNET_IPV4_EXCEPT,
  INTERNET_IPV6_EXCEPT,
  LITELLM_SERVICE_NAME,
  NAMESPACE_NAME_LABEL,
  resolveEndpointEgress,
} from '../endpoints/network-peers';
import { compareText } from '../core/compare-text';

/** Name of the gateway's policy. */
export const OPENCLAW_NETWORK_POLICY_NAME = 'openclaw-network';
/** Name of LiteLLM's policy. */
export const LITELLM_NETWORK_POLICY_NAME = 'litellm-network';
/** Name of cloudflared's policy. */
export const CLOUDFLARED_NETWORK_POLICY_NAME = 'cloudflared-network';

/** Props of {@link OpenClawNetworkPolicies}. */
export interface OpenClawNetworkPoliciesProps {
  /** Namespace of the gateway, LiteLLM and cloudflared. */
  readonly namespace: string;
  /** The URLs the gateway calls (openclaw.json endpoints, URL env vars); in-cluster peers are derived from them. */
  readonly gatewayEndpoints: readonly GatewayEndpointUrl[];
  /** The in-cluster Services a URL may name (must include the `litellm` Service of `namespace`). */
  readonly services: readonly ClusterServiceEntry[];
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * TCP ports the gateway may open to the internet (`0.0.0.0/0` and `::/0` minus private ranges).
   * @default [80, 443] (today's policy)
   */
  readonly externalEgressPorts?: readonly number[];
  /**
   * Egress declared cron webhooks need: an external port not in `externalEgressPorts` gets its own
   * internet rule, an in-cluster receiver a namespace + pod selector rule.
   * @default []
   */
  readonly webhookEgress?: readonly WebhookEgressRequirement[];
  /**
   * The pod's ports that ingress may reach, each with the container it belongs to (in rule comments).
   * @default [{ name: 'gateway', port: GATEWAY_PORT }]
   */
  readonly podPorts?: readonly { readonly name: string; readonly port: number }[];
  /**
   * Write policy `litellm-network`.
   * @default true
   */
  readonly litellmPolicy?: boolean;
  /**
   * Who reaches the gateway: `cloudflared` (and policy `cloudflared-network`) or `none`.
   * @default 'cloudflared'
   */
  readonly ingress?: 'cloudflared' | 'none';
}

/** One egress or ingress rule with the comment written above it. */
interface CommentedRule<R> {
  readonly rule: R;
  readonly why: string;
}

/**
 * NetworkPolicies `openclaw-network`, `litellm-network` and `cloudflared-network`. Every rule
 * carries a YAML comment saying why it exists. Endpoints that cannot be mapped to a rule (an
 * in-cluster host missing from the service table, an internet port that is not open) are synth
 * errors (`node.addValidation`) naming the URL and the fix.
 */
export class OpenClawNetworkPolicies extends Construct {
  /** Policy `openclaw-network` (the gateway). */
  public readonly gateway: k8s.KubeNetworkPolicy;
  /** Policy `litellm-network` (absent when `litellmPolicy` is off). */
  public readonly litellm?: k8s.KubeNetworkPolicy;
  /** Policy `cloudflared-network` (absent when `ingress` is `none`). */
  public readonly cloudflared?: k8s.KubeNetworkPolicy;
  /** Every TCP port the gateway may open to the internet (defaults plus cron webhook ports), sorted. */
  public readonly gatewayExternalEgressPorts: readonly number[];

  private readonly problems: string[] = [];

  constructor(scope: Construct, id: string, props: OpenClawNetworkPoliciesProps) {
    super(scope, id);
    const basePorts = sortedUnique(props.externalEgressPorts ?? DEFAULT_EXTERNAL_EGRESS_PORTS);
    for (const port of basePorts) {
      assertPort(port);
    }
    const webhookEgress = props.webhookEgress ?? [];
    this.gatewayExternalEgressPorts = sortedUnique([
      ...basePorts,
      ...webhookEgress.filter((r) => r.kind === 'external').map((r) => r.port),
    ]);

    this.gateway = this.buildGatewayPolicy(props, basePorts, webhookEgress);
    if (props.litellmPolicy ?? true) this.litellm = this.buildLitellmPolicy(props);
    if ((props.ingress ?? 'cloudflared') === 'cloudflared') {
      this.cloudflared = this.buildCloudflaredPolicy(props.namespace, podPortsOf(props));
    }

    this.node.addValidation({ validate: () => [...this.problems] });
  }

  private buildGatewayPolicy(
    props: OpenClawNetworkPoliciesProps,
    basePorts: readonly number[],
    webhookEgress: readonly WebhookEgressRequirement[],
  ): k8s.KubeNetworkPolicy {
    const { namespace } = props;
    const resolved: { readonly purpose: string; readonly egress: EndpointEgress }[] = [];
    for (const endpoint of props.gatewayEndpoints) {
      try {
        const egress = resolveEndpointEgress(endpoint.url, {
          purpose: endpoint.purpose,
          services: props.services,
          namespace,
          clusterDomain: props.clusterDomain,
        });
        resolved.push({ purpose: endpoint.purpose, egress });
      } catch (error) {
        this.problems.push(
          `${OPENCLAW_NETWORK_POLICY_NAME}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }

    const egress: CommentedRule<k8s.NetworkPolicyEgressRule>[] = [dnsRule('the gateway')];

    // In-cluster Services the gateway calls, one rule per Service (first-use order).
    const byService = new Map<string, { service: ClusterServiceEntry; ports: number[]; uses: string[] }>();
    for (const { purpose, egress: item } of resolved) {
      if (item.kind !== 'cluster-service') {
        continue;
      }
      const key = `${item.service.namespace}/${item.service.name}`;
      const group = byService.get(key) ?? { service: item.service, ports: [], uses: [] };
      group.ports.push(item.targetPort);
      group.uses.push(`${purpose} ${item.url}`);
      byService.set(key, group);
    }
    for (const { service, ports, uses } of byService.values()) {
      const crossNamespace = service.namespace !== namespace;
      egress.push({
        rule: { to: [podPeer(namespace, service.namespace, service.podLabels)], ports: tcpPorts(sortedUnique(ports)) },
        why:
          `${service.description}, Service ${service.name}.${service.namespace}; ` +
          `derived from ${[...new Set(uses)].join('; ')}.` +
          (crossNamespace
            ? ` Namespace AND pod selector in one peer; the ${service.namespace} side ` +
              `must also allow ingress from the gateway.`
            : ''),
      });
    }

    // The internet on the open ports.
    const external = resolved.flatMap(({ purpose, egress: item }) =>
      item.kind === 'external' ? [{ purpose, ...item }] : [],
    );
    for (const item of external) {
      if (!basePorts.includes(item.port)) {
        this.problems.push(
          `${OPENCLAW_NETWORK_POLICY_NAME}: ${item.purpose} "${item.url}" is on ` +
            `the internet at port ${item.port}, which the gateway may not open ` +
            `(open: ${basePorts.join(', ')}): serve it on an open port or add ` +
            `${item.port} to network.externalEgressPorts in the config`,
        );
      }
    }
    const externalWebhooks = webhookEgress.filter(
      (r): r is Extract<WebhookEgressRequirement, { kind: 'external' }> => r.kind === 'external',
    );
    const coveredWebhooks = externalWebhooks.filter((r) => basePorts.includes(r.port));
    const alsoFor = [
      ...external.map((item) => `${item.purpose} ${item.url}`),
      ...coveredWebhooks.map((r) => `cron job "${r.jobName}" webhook to ${r.host}:${r.port}`),
    ];
    const internetWhy =
      `web egress on TCP ${basePorts.join(', ')} (model APIs, Discord, Telegram, GitHub, git clones` +
      (alsoFor.length > 0 ? `; ${alsoFor.join('; ')}` : '') +
      ').';
    egress.push({
      rule: { to: [ipv4InternetPeer()], ports: tcpPorts(basePorts) },
      why:
        `IPv4 ${internetWhy} RFC 1918 and link-local (incl. the cloud metadata ` +
        `address 169.254.169.254) stay closed.`,
    });
    egress.push({
      rule: { to: [ipv6InternetPeer()], ports: tcpPorts(basePorts) },
      why: `IPv6 ${internetWhy} Unique local (fc00::/7) and link-local (fe80::/10) stay closed.`,
    });

    // Webhook ports beyond the defaults: one rule per port, named after its jobs.
    const extraPorts = sortedUnique(externalWebhooks.map((r) => r.port).filter((port) => !basePorts.includes(port)));
    for (const port of extraPorts) {
      const jobs = externalWebhooks.filter((r) => r.port === port).map((r) => `"${r.jobName}" (${r.host})`);
      egress.push({
        rule: { to: [ipv4InternetPeer(), ipv6InternetPeer()], ports: tcpPorts([port]) },
        why:
          `cron webhook delivery on TCP ${port} for job ` +
          `${[...new Set(jobs)].join(', ')}; NetworkPolicies cannot match host ` +
          `names, so the port opens to the whole internet minus the private ranges.`,
      });
    }

    // In-cluster webhook receivers (only validated for OpenClaw < 2026.2.19).
    const receivers = new Map<
      string,
      { namespace: string; podLabels: Readonly<Record<string, string>>; ports: number[]; jobs: string[] }
    >();
    for (const requirement of webhookEgress) {
      if (requirement.kind !== 'in-cluster') {
        continue;
      }
      const key = `${requirement.namespace}/${JSON.stringify(sortedRecord(requirement.podLabels))}`;
      const group = receivers.get(key) ?? {
        namespace: requirement.namespace,
        podLabels: requirement.podLabels,
        ports: [],
        jobs: [],
      };
      group.ports.push(requirement.port);
      group.jobs.push(`"${requirement.jobName}"`);
      receivers.set(key, group);
    }
    for (const group of [...receivers.entries()].sort(([a], [b]) => compareText(a, b)).map(([, g]) => g)) {
      egress.push({
        rule: {
          to: [podPeer(namespace, group.namespace, group.podLabels)],
          ports: tcpPorts(sortedUnique(group.ports)),
        },
        why:
          `in-cluster cron webhook receiver in namespace ${group.namespace} for ` +
          `job ${[...new Set(group.jobs)].join(', ')} (allowed only before ` +
          `OpenClaw 2026.2.19, whose SSRF guard drops POSTs to private targets).`,
      });
    }

    const podPorts = podPortsOf(props);
    const cloudflared = (props.ingress ?? 'cloudflared') === 'cloudflared';
    const ingress: CommentedRule<k8s.NetworkPolicyIngressRule>[] = cloudflared
      ? [
          {
            rule: {
              from: [{ podSelector: { matchLabels: { ...CLOUDFLARED_POD_LABELS } } }],
              ports: tcpPorts(podPorts.map((p) => p.port)),
            },
            why:
              `only cloudflared (the Cloudflare tunnel) reaches ` +
              `${describePorts(podPorts)}; nothing ` +
              `else may connect.`,
          },
        ]
      : [];

    return this.policy(
      OPENCLAW_NETWORK_POLICY_NAME,
      namespace,
      GATEWAY_SELECTOR_LABELS,
      ingress,
      egress,
      `openclaw-network: the gateway pod. ${cloudflared ? 'Ingress only from cloudflared' : 'No ingress'}; ` +
        'egress to DNS, the in-cluster Services its config names, the internet ' +
        'on the open ports, and declared cron webhook receivers.',
    );
  }

  private buildLitellmPolicy(props: OpenClawNetworkPoliciesProps): k8s.KubeNetworkPolicy {
    const { namespace } = props;
    const service = props.services.find((s) => s.name === LITELLM_SERVICE_NAME && s.namespace === namespace);
    if (service === undefined) {
      this.problems.push(
        `${LITELLM_NETWORK_POLICY_NAME}: Service ${LITELLM_SERVICE_NAME}.` +
          `${namespace} is not in the service table, so the LiteLLM pods and port ` +
          `are unknown: add it to network.clusterServices in the config`,
      );
    }
    const podLabels = service?.podLabels ?? { app: LITELLM_SERVICE_NAME };
    const ports = sortedUnique((service?.ports ?? []).map((p) => p.targetPort));
    const ingress: CommentedRule<k8s.NetworkPolicyIngressRule>[] = [
      {
        rule: { from: [{ podSelector: { matchLabels: { ...GATEWAY_SELECTOR_LABELS } } }], ports: tcpPorts(ports) },
        why: `only the OpenClaw gateway calls LiteLLM (port ${ports.join(', ')}).`,
      },
    ];
    const egress: CommentedRule<k8s.NetworkPolicyEgressRule>[] = [
      dnsRule('LiteLLM'),
      {
        rule: { to: [ipv4InternetPeer()], ports: tcpPorts([443]) },
        why:
          'IPv4 HTTPS to the model providers (Anthropic, Z.ai, Gemini, OpenAI); ' +
          'RFC 1918 and link-local stay closed.',
      },
      {
        rule: { to: [ipv6InternetPeer()], ports: tcpPorts([443]) },
        why: 'IPv6 HTTPS to the model providers; unique local and link-local stay closed.',
      },
    ];
    return this.policy(
      LITELLM_NETWORK_POLICY_NAME,
      namespace,
      podLabels,
      ingress,
      egress,
      'litellm-network: the LiteLLM proxy. Ingress only from the gateway; egress to DNS and HTTPS on the internet.',
    );
  }

  private buildCloudflaredPolicy(
    namespace: string,
    podPorts: readonly { readonly name: string; readonly port: number }[],
  ): k8s.KubeNetworkPolicy {
    const tunnelPorts: k8s.NetworkPolicyPort[] = [
      { protocol: 'TCP', port: k8s.IntOrString.fromNumber(443) },
      { protocol: 'TCP', port: k8s.IntOrString.fromNumber(CLOUDFLARE_TUNNEL_PORT) },
      { protocol: 'UDP', port: k8s.IntOrString.fromNumber(CLOUDFLARE_TUNNEL_PORT) },
    ];
    const egress: CommentedRule<k8s.NetworkPolicyEgressRule>[] = [
      dnsRule('cloudflared'),
      {
        rule: {
          to: [{ podSelector: { matchLabels: { ...GATEWAY_SELECTOR_LABELS } } }],
          ports: tcpPorts(podPorts.map((p) => p.port)),
        },
        why: `the tunnel forwards to ${describePorts(podPorts)}.`,
      },
      {
        rule: { to: [ipv4InternetPeer()], ports: tunnelPorts },
        why:
          `IPv4 to the Cloudflare edge: API on TCP 443, tunnel on TCP/UDP ` +
          `${CLOUDFLARE_TUNNEL_PORT} (http2/QUIC); RFC 1918 and link-local stay ` +
          `closed.`,
      },
      {
        rule: { to: [ipv6InternetPeer()], ports: tunnelPorts },
        why: `IPv6 to the Cloudflare edge on the same ports; unique local and link-local stay closed.`,
      },
    ];
    return this.policy(
      CLOUDFLARED_NETWORK_POLICY_NAME,
      namespace,
      CLOUDFLARED_POD_LABELS,
      [],
      egress,
      'cloudflared-network: the Cloudflare tunnel connector. No ingress at all ' +
        '(ingress: [] denies everything); it only dials out.',
    );
  }

  private policy(
    name: string,
    namespace: string,
    podLabels: Readonly<Record<string, string>>,
    ingress: readonly CommentedRule<k8s.NetworkPolicyIngressRule>[],
    egress: readonly CommentedRule<k8s.NetworkPolicyEgressRule>[],
    summary: string,
  ): k8s.KubeNetworkPolicy {
    const policy = new k8s.KubeNetworkPolicy(this, name, {
      metadata: { name, namespace },
      spec: {
        podSelector: { matchLabels: { ...podLabels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: ingress.map((r) => r.rule),
        egress: egress.map((r) => r.rule),
      },
    });
    addManifestComment(policy, [], summary);
    ingress.forEach((r, index) => addManifestComment(policy, ['spec', 'ingress', index], r.why));
    egress.forEach((r, index) => addManifestComment(policy, ['spec', 'egress', index], r.why));
    return policy;
  }
}

function dnsRule(who: string): CommentedRule<k8s.NetworkPolicyEgressRule> {
  return {
    rule: {
      to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: CLUSTER_DNS_NAMESPACE } } }],
      ports: [
        { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
        { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
      ],
    },
    why:
      `cluster DNS (CoreDNS in ${CLUSTER_DNS_NAMESPACE}) for ${who}, UDP and ` +
      `TCP 53. With NodeLocal DNS add an ipBlock 169.254.20.10/32 peer here ` +
      `(169.254.0.0/16 is excepted from internet egress).`,
  };
}

function podPortsOf(props: OpenClawNetworkPoliciesProps): readonly { readonly name: string; readonly port: number }[] {
  return props.podPorts ?? [{ name: 'gateway', port: GATEWAY_PORT }];
}

/** `the gateway (18789) and the board-server (8080)`. */
function describePorts(podPorts: readonly { readonly name: string; readonly port: number }[]): string {
  return podPorts.map((p) => `the ${p.name} (${p.port})`).join(' and ');
}

function podPeer(
  policyNamespace: string,
  namespace: string,
  podLabels: Readonly<Record<string, string>>,
): k8s.NetworkPolicyPeer {
  const podSelector = { matchLabels: { ...podLabels } };
  if (namespace === policyNamespace) {
    return { podSelector };
  }
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } }, podSelector };
}

function ipv4InternetPeer(): k8s.NetworkPolicyPeer {
  return { ipBlock: { cidr: '0.0.0.0/0', except: [...INTERNET_IPV4_EXCEPT] } };
}

function ipv6InternetPeer(): k8s.NetworkPolicyPeer {
  return { ipBlock: { cidr: '::/0', except: [...INTERNET_IPV6_EXCEPT] } };
}

function tcpPorts(ports: readonly number[]): k8s.NetworkPolicyPort[] {
  return ports.map((port) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) }));
}

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `externalEgressPorts contains ${String(port)}: expected TCP port numbers ` +
        `from 1 to 65535; fix network.externalEgressPorts in the config`,
    );
  }
}
