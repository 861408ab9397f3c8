/**
 * Where the gateway's NetworkPolicy peers come from: URLs in the graph (openclaw.json endpoints,
 * literal env vars) are resolved against a small typed table of in-cluster Services, or
 * classified as internet destinations covered by the `0.0.0.0/0` / `::/0` egress rules.
 *
 * Facts: docs/FACTS.md (lolice and arch): Services in `openclaw`, today's peers, the
 * `monitoring` Services and the pod labels their NetworkPolicies expect).
 */
import { IpAddress, IpCidr } from './ip-address';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import type { LiteralEnvVar } from '../secrets/secret-declaration';

/** One port of a Service: what clients dial, and the container port a NetworkPolicy matches. */
export interface ClusterServicePort {
  /** The Service port (the port in the URL). */
  readonly port: number;
  /** The pods' container port it forwards to (NetworkPolicies match this one). */
  readonly targetPort: number;
}

/**
 * A Service known to exist in the cluster, with what a NetworkPolicy needs to reach its pods.
 * NetworkPolicies select pods, not Services, and match the target port, not the Service port.
 */
export interface ClusterServiceEntry {
  /** Service name. */
  readonly name: string;
  /** Service namespace. */
  readonly namespace: string;
  /**
   * Labels selecting the Service's pods in a NetworkPolicy peer. Use the labels the receiving
   * side's own policy expects, which may be a subset of the Service selector.
   */
  readonly podLabels: Readonly<Record<string, string>>;
  /** The Service's ports. */
  readonly ports: readonly ClusterServicePort[];
  /** What it is, for rule comments (e.g. `Prometheus (kube-prometheus, CR k8s)`). */
  readonly description: string;
}

/** The label the API server puts on every namespace, with the namespace's name as value. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The namespace holding cluster DNS (CoreDNS). */
export const CLUSTER_DNS_NAMESPACE = 'kube-system';

/** Labels of the cloudflared pods (the only ingress path to the gateway). */
export const CLOUDFLARED_POD_LABELS: Readonly<Record<string, string>> = { app: 'cloudflared' };

/** Cloudflare tunnel port cloudflared dials (TCP for http2, UDP for QUIC). */
export const CLOUDFLARE_TUNNEL_PORT = 7844;

/** TCP ports today's gateway policy opens to the internet. */
export const DEFAULT_EXTERNAL_EGRESS_PORTS: readonly number[] = [80, 443];

/** IPv4 ranges excepted from internet egress: RFC 1918 and link-local (incl. 169.254.169.254). */
export const INTERNET_IPV4_EXCEPT: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
];

/** IPv6 ranges excepted from internet egress: unique local and link-local. */
export const INTERNET_IPV6_EXCEPT: readonly string[] = ['fc00::/7', 'fe80::/10'];

/** Name of the LiteLLM Service in the gateway's namespace. */
export const LITELLM_SERVICE_NAME = 'litellm';

/** Where a URL leads, as far as the gateway's egress policy is concerned. */
export type EndpointEgress =
  | {
      /** An in-cluster Service: egress to its pods on the target port. */
      readonly kind: 'cluster-service';
      readonly url: string;
      readonly service: ClusterServiceEntry;
      /** The Service port of the URL. */
      readonly servicePort: number;
      /** The container port the NetworkPolicy must open. */
      readonly targetPort: number;
    }
  | {
      /** A host on the internet: covered by the ipBlock rules on `port`. */
      readonly kind: 'external';
      readonly url: string;
      readonly host: string;
      readonly port: number;
    }
  | {
      /** The pod itself (`localhost`, 127.0.0.0/8, `::1`): NetworkPolicies do not apply. */
      readonly kind: 'loopback';
      readonly url: string;
    };

/** Options of {@link resolveEndpointEgress}. */
export interface ResolveEndpointOptions {
  /** What the URL is for, e.g. `diagnostics.otel.endpoint`; starts every error message. */
  readonly purpose: string;
  /** The Services the URL may name. */
  readonly services: readonly ClusterServiceEntry[];
  /** Namespace of the calling pod (a single-label host resolves there). */
  readonly namespace: string;
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };
const HOW_TO_ADD =
  'add {name, namespace, podLabels, ports, description} for it to network.clusterServices in the config';

/**
 * Resolves `url` to the egress it needs.
 * @throws when the URL does not parse, is not http(s), names an in-cluster host that is not in
 *   `services` (or a port the Service does not have), or is a private address literal (which the
 *   internet rules except)
 */
export function resolveEndpointEgress(url: string, options: ResolveEndpointOptions): EndpointEgress {
  const { purpose } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `${purpose} "${url}" is not a URL: expected an absolute http(s) URL such as "http://grafana.monitoring.svc:3000"`,
    );
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  if (defaultPort === undefined) {
    throw new Error(
      `${purpose} "${url}" has scheme "${parsed.protocol}": expected http:// or https:// to derive its egress rule`,
    );
  }
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  let host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    host = host.slice(1, -1);
  }
  const clusterDomain = (options.clusterDomain ?? 'cluster.local').toLowerCase();

  if (IpAddress.isValid(host)) {
    return resolveAddressLiteral(url, host, port, purpose);
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return { kind: 'loopback', url };
  }

  const serviceRef = clusterServiceRef(host, clusterDomain, options.namespace, options.services);
  if (serviceRef === undefined) {
    if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.svc')) {
      throw new Error(
        `${purpose} "${url}" has host "${host}", which is not a Service name of ` +
          `the form <service>.<namespace>[.svc[.${clusterDomain}]]: expected a ` +
          `Service DNS name or a public hostname; use the Service name and ` +
          `${HOW_TO_ADD}`,
      );
    }
    return { kind: 'external', url, host, port };
  }

  const service = options.services.find((s) => s.name === serviceRef.name && s.namespace === serviceRef.namespace);
  if (service === undefined) {
    const known =
      options.services
        .map((s) => `${s.name}.${s.namespace}`)
        .sort()
        .join(', ') || 'none';
    throw new Error(
      `${purpose} "${url}" points at Service ${serviceRef.name} in namespace ` +
        `${serviceRef.namespace}, which is not in the service table (known: ` +
        `${known}), so its pods and target port are unknown: ${HOW_TO_ADD}`,
    );
  }
  const mapped = service.ports.find((p) => p.port === port);
  if (mapped === undefined) {
    throw new Error(
      `${purpose} "${url}" uses port ${port} of Service ${service.name}.` +
        `${service.namespace}, which the service table does not list (ports: ` +
        `${service.ports.map((p) => p.port).join(', ') || 'none'}): fix the ` +
        `URL's port or add {port: ${port}, targetPort} to that entry of ` +
        `network.clusterServices`,
    );
  }
  return { kind: 'cluster-service', url, service, servicePort: port, targetPort: mapped.targetPort };
}

const IPV4_MAPPED = IpCidr.parse('::ffff:0:0/96');
const IPV4_LOOPBACK = IpCidr.parse('127.0.0.0/8');

function resolveAddressLiteral(url: string, host: string, port: number, purpose: string): EndpointEgress {
  const literal = IpAddress.parse(host);
  // An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is dialled as IPv4, so the IPv4 rules decide.
  const address = IPV4_MAPPED.contains(literal) ? IpAddress.fromValue(4, literal.value & 0xffffffffn) : literal;
  if (address.family === 4 ? IPV4_LOOPBACK.contains(address) : address.value === 1n) {
    return { kind: 'loopback', url };
  }
  const excepts = address.family === 4 ? INTERNET_IPV4_EXCEPT : INTERNET_IPV6_EXCEPT;
  const excepted = excepts.find((cidr) => IpCidr.parse(cidr).contains(address));
  if (excepted !== undefined) {
    throw new Error(
      `${purpose} "${url}" is the private address ${address.toString()} ` +
        `(inside ${excepted}, which the internet egress rules except), so no ` +
        `rule can be derived for it: address the Service by name and ` +
        `${HOW_TO_ADD}`,
    );
  }
  return { kind: 'external', url, host, port };
}

/** `{name, namespace}` when `host` is an in-cluster Service name, else `undefined`. */
function clusterServiceRef(
  host: string,
  clusterDomain: string,
  namespace: string,
  services: readonly ClusterServiceEntry[],
): { readonly name: string; readonly namespace: string } | undefined {
  const labels = host.split('.');
  if (labels.length === 1) {
    return { name: host, namespace };
  }
  const rest = labels.slice(2).join('.');
  if (labels.length >= 3 && (rest === 'svc' || rest === `svc.${clusterDomain}`)) {
    return { name: labels[0], namespace: labels[1] };
  }
  if (labels.length === 2 && services.some((s) => s.name === labels[0] && s.namespace === labels[1])) {
    return { name: labels[0], namespace: labels[1] };
  }
  return undefined;
}

/** A URL the gateway calls, and where in the graph it comes from. */
export interface GatewayEndpointUrl {
  /** e.g. `diagnostics.otel.endpoint (OTLP metrics export)`. */
  readonly purpose: string;
  /** The absolute http(s) URL, trimmed. */
  readonly url: string;
}

/** What {@link collectGatewayEndpoints} reads. */
export interface GatewayEndpointSources {
  /** The openclaw.json document. */
  readonly openclawConfig: OpenClawConfigDocument;
  /** Literal env vars of container `openclaw`. */
  readonly literalEnv: readonly LiteralEnvVar[];
  /**
   * Names of literal env vars whose value is a URL the gateway (or its tools) calls.
   * @default ['GRAFANA_URL']
   */
  readonly urlEnvVars?: readonly string[];
}

/** The env vars holding URLs the gateway calls, by default. */
export const DEFAULT_URL_ENV_VARS: readonly string[] = ['GRAFANA_URL'];

/**
 * The URLs the gateway calls, in a stable order: every `models.providers.<id>.baseUrl` (by
 * provider id), `diagnostics.otel.endpoint` when OTel export is enabled, then the URL env vars in
 * the given order. A source that is absent yields no URL (and so no rule).
 */
export function collectGatewayEndpoints(sources: GatewayEndpointSources): GatewayEndpointUrl[] {
  const endpoints: GatewayEndpointUrl[] = [];
  const providers = sources.openclawConfig.models?.providers ?? {};
  for (const id of Object.keys(providers).sort()) {
    const baseUrl = providers[id]?.baseUrl;
    if (typeof baseUrl === 'string' && baseUrl.trim() !== '') {
      endpoints.push({ purpose: `models.providers.${id}.baseUrl`, url: baseUrl.trim() });
    }
  }
  const diagnostics = sources.openclawConfig.diagnostics;
  const otel = diagnostics?.otel;
  if (
    diagnostics?.enabled === true &&
    otel?.enabled === true &&
    typeof otel.endpoint === 'string' &&
    otel.endpoint.trim() !== ''
  ) {
    endpoints.push({ purpose: 'diagnostics.otel.endpoint (OTLP export)', url: otel.endpoint.trim() });
  }
  for (const name of sources.urlEnvVars ?? DEFAULT_URL_ENV_VARS) {
    const literal = sources.literalEnv.find((e) => e.name === name);
    if (literal !== undefined && literal.value.trim() !== '') {
      endpoints.push({ purpose: `env ${name}`, url: literal.value.trim() });
    }
  }
  return endpoints;
}

/** The gateway's network settings in the model (`OpenClawOpsConfig.network`). */
export interface GatewayNetworkConfig {
  /**
   * In-cluster Services URLs may name; a URL naming a Service missing here is a synth error.
   * @default [] - every URL is an internet destination (and an in-cluster host is an error)
   */
  readonly clusterServices?: readonly ClusterServiceEntry[];
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * TCP ports the gateway may open to the internet (cron webhooks on other ports add their own).
   * @default [80, 443]
   */
  readonly externalEgressPorts?: readonly number[];
  /**
   * Literal env vars of container `openclaw` holding URLs it calls (each gets its egress rule).
   * @default ['GRAFANA_URL']
   */
  readonly urlEnvVars?: readonly string[];
  /**
   * Write NetworkPolicy `litellm-network` for a LiteLLM proxy in the gateway's namespace (its pods
   * and port come from the `litellm` Service in `clusterServices`).
   * @default true
   */
  readonly litellmPolicy?: boolean;
  /**
   * Who reaches the gateway pod: `cloudflared` (the Cloudflare tunnel connector in the namespace,
   * and its own policy `cloudflared-network`) or `none` (no ingress at all).
   * @default 'cloudflared'
   */
  readonly ingress?: 'cloudflared' | 'none';
}
