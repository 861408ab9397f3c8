/**
 * Offline model of the SSRF guard OpenClaw v2026.2.19 puts in front of cron webhook POSTs
 * (`fetchWithSsrFGuard` with no policy: no private-network allowance, no allowlist), plus
 * recognition of in-cluster Kubernetes Service names.
 *
 * What the guard blocks (facts: openclaw.md §4):
 * - by hostname: `localhost`, `localhost.localdomain`, `metadata.google.internal`, and names
 *   ending in `.localhost`, `.local` or `.internal`;
 * - after DNS resolution: IPv4 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, 100.64/10;
 *   IPv6 `::1`, `::`, fe80::/10, fec0::/10, fc00::/7; and IPv6 forms that embed an IPv4 address.
 *
 * Which embedded-IPv4 forms are unpacked is assumed, not read: we unpack IPv4-mapped
 * (`::ffff:0:0/96`), IPv4-compatible (`::/96`), NAT64 (`64:ff9b::/96`), 6to4 (`2002::/16`) and
 * Teredo (`2001::/32`, client address inverted) and apply the IPv4 ranges to the result.
 *
 * DNS is not resolved here (synthesis is offline and deterministic). A public-looking hostname is
 * classified `public-hostname`: it passes only if it really resolves to public addresses. An
 * in-cluster Service name is classified `cluster-service` and is treated as blocked because it
 * resolves to a ClusterIP, and Service CIDRs are private ranges (assumption: the cluster's
 * Service CIDR lies in 10/8, 172.16/12 or 192.168/16, as with every common distribution).
 */
import { IpAddress, IpCidr } from '../network/ip-address';

/** A Kubernetes Service known to exist in the cluster. */
export interface ClusterServiceRef {
  readonly name: string;
  readonly namespace: string;
}

/** Options of {@link classifyWebhookHost}. */
export interface WebhookHostClassificationOptions {
  /**
   * The cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
  /**
   * Services known to exist; `name.namespace` matching one of them is an in-cluster name.
   * @default []
   */
  readonly clusterServices?: readonly ClusterServiceRef[];
}

/**
 * - `public-hostname`: a DNS name that is neither blocked by name nor an in-cluster name
 * - `public-address`: a literal IP outside every blocked range
 * - `blocked-hostname`: a name the guard refuses before DNS (`localhost`, `*.local`, `*.internal`, ...)
 * - `private-address`: a literal IP inside a blocked range
 * - `cluster-service`: an in-cluster Service (or pod) DNS name
 */
export type WebhookHostKind =
  | 'public-hostname'
  | 'public-address'
  | 'blocked-hostname'
  | 'private-address'
  | 'cluster-service';

/** The result of {@link classifyWebhookHost}. */
export interface WebhookHostClassification {
  /** The host, normalized: lower-case, IPv6 brackets and a trailing dot removed. */
  readonly host: string;
  readonly kind: WebhookHostKind;
  /** Whether the v2026.2.19 SSRF guard refuses the target (for public hostnames: assuming DNS gives public addresses). */
  readonly blockedBySsrfGuard: boolean;
  /** Whether the target is reachable only from inside the cluster / pod network (not through internet egress). */
  readonly internal: boolean;
  /** Whether the target is the pod itself (loopback); NetworkPolicies do not apply to it. */
  readonly loopback: boolean;
  /** Why the guard blocks the target; set exactly when `blockedBySsrfGuard`. */
  readonly reason?: string;
}

interface BlockedRange {
  readonly cidr: IpCidr;
  readonly label: string;
}

const BLOCKED_IPV4_RANGES: readonly BlockedRange[] = [
  { cidr: IpCidr.parse('0.0.0.0/8'), label: '"this network"' },
  { cidr: IpCidr.parse('10.0.0.0/8'), label: 'private (RFC 1918)' },
  { cidr: IpCidr.parse('127.0.0.0/8'), label: 'loopback' },
  { cidr: IpCidr.parse('169.254.0.0/16'), label: 'link-local / cloud metadata' },
  { cidr: IpCidr.parse('172.16.0.0/12'), label: 'private (RFC 1918)' },
  { cidr: IpCidr.parse('192.168.0.0/16'), label: 'private (RFC 1918)' },
  { cidr: IpCidr.parse('100.64.0.0/10'), label: 'carrier-grade NAT (RFC 6598)' },
];

const BLOCKED_IPV6_RANGES: readonly BlockedRange[] = [
  { cidr: IpCidr.parse('::1/128'), label: 'loopback' },
  { cidr: IpCidr.parse('::/128'), label: 'unspecified' },
  { cidr: IpCidr.parse('fe80::/10'), label: 'link-local' },
  { cidr: IpCidr.parse('fec0::/10'), label: 'site-local' },
  { cidr: IpCidr.parse('fc00::/7'), label: 'unique local' },
];

const MASK32 = 0xffffffffn;

interface EmbeddedIpv4Form {
  readonly cidr: IpCidr;
  readonly label: string;
  readonly extract: (value: bigint) => bigint;
}

const EMBEDDED_IPV4_FORMS: readonly EmbeddedIpv4Form[] = [
  { cidr: IpCidr.parse('::ffff:0:0/96'), label: 'IPv4-mapped', extract: (v) => v & MASK32 },
  { cidr: IpCidr.parse('64:ff9b::/96'), label: 'NAT64', extract: (v) => v & MASK32 },
  { cidr: IpCidr.parse('2002::/16'), label: '6to4', extract: (v) => (v >> 80n) & MASK32 },
  { cidr: IpCidr.parse('2001::/32'), label: 'Teredo', extract: (v) => ~v & MASK32 },
  // IPv4-compatible (deprecated); `::` and `::1` are matched by the plain IPv6 ranges first.
  { cidr: IpCidr.parse('::/96'), label: 'IPv4-compatible', extract: (v) => v & MASK32 },
];

const BLOCKED_EXACT_HOSTNAMES: readonly string[] = ['localhost', 'localhost.localdomain', 'metadata.google.internal'];
const BLOCKED_HOSTNAME_SUFFIXES: readonly string[] = ['.localhost', '.local', '.internal'];

/** The blocked range an address falls in, with the IPv4 address it embeds when that decided it. */
export interface BlockedAddressMatch {
  /** e.g. `10.0.0.0/8`. */
  readonly range: string;
  /** e.g. `private (RFC 1918)`, `IPv4-mapped private (RFC 1918)`. */
  readonly label: string;
}

/**
 * The SSRF-guard range `address` falls in, or `undefined` when the guard lets it through.
 * IPv6 addresses that embed an IPv4 address are judged by the embedded address.
 */
export function findBlockedAddressRange(address: IpAddress): BlockedAddressMatch | undefined {
  if (address.family === 4) {
    const hit = BLOCKED_IPV4_RANGES.find((r) => r.cidr.contains(address));
    return hit ? { range: hit.cidr.toString(), label: hit.label } : undefined;
  }
  const direct = BLOCKED_IPV6_RANGES.find((r) => r.cidr.contains(address));
  if (direct) {
    return { range: direct.cidr.toString(), label: direct.label };
  }
  const form = EMBEDDED_IPV4_FORMS.find((f) => f.cidr.contains(address));
  if (form) {
    const embedded = IpAddress.fromValue(4, form.extract(address.value));
    const inner = findBlockedAddressRange(embedded);
    if (inner) {
      return { range: `${inner.range} (embedded as ${form.label} ${embedded.toString()})`, label: `${form.label} ${inner.label}` };
    }
  }
  return undefined;
}

/** Lower-cases, strips IPv6 brackets and one trailing dot. */
export function normalizeWebhookHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) {
    h = h.slice(1, -1);
  }
  if (h.endsWith('.')) {
    h = h.slice(0, -1);
  }
  return h;
}

function blockedHostnameReason(host: string): string | undefined {
  if (BLOCKED_EXACT_HOSTNAMES.includes(host)) {
    return `hostname "${host}" is on the guard's blocklist`;
  }
  const suffix = BLOCKED_HOSTNAME_SUFFIXES.find((s) => host.endsWith(s));
  return suffix ? `hostname "${host}" ends in "${suffix}", which the guard blocks by name` : undefined;
}

function isClusterServiceName(host: string, clusterDomain: string, services: readonly ClusterServiceRef[]): boolean {
  if (!host.includes('.')) {
    return true; // a single label resolves through the pod's DNS search path (<name>.<ns>.svc.<domain>)
  }
  if (host.endsWith('.svc') || host.endsWith(`.svc.${clusterDomain}`) || host.endsWith(`.${clusterDomain}`)) {
    return true;
  }
  return services.some((s) => host === `${s.name}.${s.namespace}`.toLowerCase());
}

/**
 * Classifies the host of a webhook URL (as `URL.hostname` gives it) against the v2026.2.19 SSRF
 * guard and the cluster's DNS names.
 */
export function classifyWebhookHost(
  hostname: string,
  options: WebhookHostClassificationOptions = {},
): WebhookHostClassification {
  const host = normalizeWebhookHost(hostname);
  const clusterDomain = normalizeWebhookHost(options.clusterDomain ?? 'cluster.local');
  const services = options.clusterServices ?? [];

  if (IpAddress.isValid(host)) {
    const address = IpAddress.parse(host);
    const match = findBlockedAddressRange(address);
    if (!match) {
      return { host, kind: 'public-address', blockedBySsrfGuard: false, internal: false, loopback: false };
    }
    return {
      host,
      kind: 'private-address',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: match.label.endsWith('loopback'),
      reason: `address ${address.toString()} is in ${match.range} (${match.label})`,
    };
  }

  const byName = blockedHostnameReason(host);
  const loopbackName = host === 'localhost' || host === 'localhost.localdomain' || host.endsWith('.localhost');
  if (byName && loopbackName) {
    return { host, kind: 'blocked-hostname', blockedBySsrfGuard: true, internal: true, loopback: true, reason: byName };
  }
  if (isClusterServiceName(host, clusterDomain, services)) {
    return {
      host,
      kind: 'cluster-service',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        byName ??
        `"${host}" is an in-cluster Service name; it resolves to a ClusterIP, which lies in a private range the guard blocks after DNS resolution`,
    };
  }
  if (byName) {
    return { host, kind: 'blocked-hostname', blockedBySsrfGuard: true, internal: true, loopback: false, reason: byName };
  }
  return { host, kind: 'public-hostname', blockedBySsrfGuard: false, internal: false, loopback: false };
}
