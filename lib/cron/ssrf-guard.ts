/**
 * Offline model of the SSRF guard OpenClaw v2026.2.19 puts in front of cron webhook POSTs
 * (`fetchWithSsrFGuard` with no policy: no private-network allowance, no allowlist), plus
 * recognition of in-cluster Kubernetes names. It is checked against the release's own
 * `isBlockedHostnameOrIp` / `isPrivateIpAddress` over generated hosts by the real-OpenClaw tests:
 * it must block everything they block, and where it blocks more the tests say why.
 *
 * What the guard blocks:
 * - by hostname: `localhost`, `localhost.localdomain`, `metadata.google.internal`, and names
 *   ending in `.localhost`, `.local` or `.internal`;
 * - IPv4 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, 100.64/10; IPv6 `::1`, `::`,
 *   fe80::/10, fec0::/10, fc00::/7; IPv6 forms that embed an IPv4 address, judged by that address:
 *   IPv4-mapped and IPv4-compatible, NAT64 `64:ff9b::/96` and `64:ff9b:1::/96`, 6to4 `2002::/16`,
 *   Teredo `2001:0::/32` (client address inverted) and ISATAP (interface id `0:5efe` / `200:5efe`
 *   under any prefix);
 * - fail-closed forms: a host containing `:` that is not a parsable IPv6 address, and numeric IPv4
 *   forms other than a canonical dotted quad (`167772161`, `0x7f.1`, `010.0.0.1`, `1.2.3`) or names
 *   with an empty label (`a..b`).
 * Every rule is applied after DNS resolution too, to each address a name resolves to.
 *
 * DNS is not resolved here (synthesis is offline and deterministic). A public-looking hostname is
 * classified `public-hostname`: it passes only if it really resolves to public addresses. An
 * in-cluster name is classified `cluster-service` and is treated as blocked because it resolves to
 * a ClusterIP, and Service CIDRs are private ranges (assumption: the cluster's Service CIDR lies in
 * 10/8, 172.16/12 or 192.168/16, as with every common distribution). In-cluster names are: single
 * labels and `<name>.<namespace>` for a known namespace (both resolve through the pod's DNS search
 * path), names under `.svc`, `.pod` or the cluster domain, and names whose last label cannot be a
 * public top-level domain (it has a digit or hyphen and is not an `xn--` label).
 */
import { IpAddress, IpCidr } from '../endpoints/ip-address';

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
   * Services known to exist; `name.namespace` matching one of them is an in-cluster name, and so is
   * `<anything>.<namespace>` for each of their namespaces.
   * @default []
   */
  readonly clusterServices?: readonly ClusterServiceRef[];
  /**
   * Further namespaces of the cluster: `<anything>.<namespace>` resolves to a Service there. The
   * Kubernetes ones (`default`, `kube-system`, `kube-public`, `kube-node-lease`) are always known.
   * @default []
   */
  readonly clusterNamespaces?: readonly string[];
}

/**
 * - `public-hostname`: a DNS name that is neither blocked by name nor an in-cluster name
 * - `public-address`: a literal IP outside every blocked range
 * - `blocked-hostname`: a name the guard refuses before DNS (`localhost`, `*.local`, `*.internal`, ...)
 * - `private-address`: a literal IP inside a blocked range
 * - `cluster-service`: an in-cluster Service (or pod) DNS name
 * - `invalid-address`: not a host the guard can read (an unparsable IPv6 literal, a non-canonical
 *   numeric IPv4 form, an empty label); the guard refuses it
 */
export type WebhookHostKind =
  'public-hostname' | 'public-address' | 'blocked-hostname' | 'private-address' | 'cluster-service' | 'invalid-address';

/** The result of {@link classifyWebhookHost}. */
export interface WebhookHostClassification {
  /** The host, normalized: lower-case, IPv6 brackets and a trailing dot removed. */
  readonly host: string;
  readonly kind: WebhookHostKind;
  /**
   * Whether the v2026.2.19 SSRF guard refuses the target (for public hostnames: assuming DNS gives public addresses).
   */
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
  readonly label: string;
  readonly matches: (value: bigint) => boolean;
  readonly extract: (value: bigint) => bigint;
}

const inCidr = (cidr: string): ((value: bigint) => boolean) => {
  const block = IpCidr.parse(cidr);
  return (value) => block.contains(IpAddress.fromValue(6, value));
};
const low32 = (v: bigint): bigint => v & MASK32;

/**
 * IPv6 forms that carry an IPv4 address. An address can match more than one (a 6to4 address with an
 * ISATAP interface id): it is blocked when any embedded address is.
 */
const EMBEDDED_IPV4_FORMS: readonly EmbeddedIpv4Form[] = [
  { label: 'IPv4-mapped', matches: inCidr('::ffff:0:0/96'), extract: low32 },
  { label: 'NAT64', matches: inCidr('64:ff9b::/96'), extract: low32 },
  { label: 'local-use NAT64', matches: inCidr('64:ff9b:1::/96'), extract: low32 },
  { label: '6to4', matches: inCidr('2002::/16'), extract: (v) => (v >> 80n) & MASK32 },
  { label: 'Teredo', matches: inCidr('2001::/32'), extract: (v) => ~v & MASK32 },
  // interface id 0000:5efe or 0200:5efe (the u/g bits of the first group are ignored), any prefix
  { label: 'ISATAP', matches: (v) => ((v >> 32n) & 0xfcffffffn) === 0x5efen, extract: low32 },
  // IPv4-compatible (deprecated); `::` and `::1` are matched by the plain IPv6 ranges first.
  { label: 'IPv4-compatible', matches: inCidr('::/96'), extract: low32 },
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
  for (const form of EMBEDDED_IPV4_FORMS.filter((f) => f.matches(address.value))) {
    const embedded = IpAddress.fromValue(4, form.extract(address.value));
    const inner = findBlockedAddressRange(embedded);
    if (inner) {
      return {
        range: `${inner.range} (embedded as ${form.label} ${embedded.toString()})`,
        label: `${form.label} ${inner.label}`,
      };
    }
  }
  return undefined;
}

/** Lower-cases, strips one trailing dot, then IPv6 brackets (the guard's order). */
export function normalizeWebhookHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) {
    h = h.slice(0, -1);
  }
  if (h.startsWith('[') && h.endsWith(']')) {
    h = h.slice(1, -1);
  }
  return h;
}

/**
 * Why the guard refuses `host` as an unreadable address, or `undefined`: a `:` in anything but a
 * valid IPv6 address; one to four dot-separated parts with an empty part; or parts that are all
 * numeric (decimal or `0x` hex) but not a canonical dotted quad (`167772161`, `0x7f.1`, `010.0.0.1`).
 */
export function unreadableAddressReason(host: string): string | undefined {
  if (host.includes(':')) {
    return IpAddress.isValid(host)
      ? undefined
      : `"${host}" contains ":" but is not a valid IPv6 address; the guard refuses any IPv6 literal it cannot parse`;
  }
  const parts = host.split('.');
  if (parts.length === 0 || parts.length > 4 || IpAddress.isValid(host)) {
    return undefined;
  }
  if (parts.some((part) => part === '')) {
    return `"${host}" has an empty label; the guard refuses it as a malformed IPv4 literal`;
  }
  if (parts.every((part) => /^[0-9]+$/.test(part) || /^0x/.test(part))) {
    return (
      `"${host}" is a numeric IPv4 form other than a canonical dotted quad (decimal, octal, hex or short); ` +
      'the guard refuses every such form'
    );
  }
  return undefined;
}

function blockedHostnameReason(host: string): string | undefined {
  if (BLOCKED_EXACT_HOSTNAMES.includes(host)) {
    return `hostname "${host}" is on the guard's blocklist`;
  }
  const suffix = BLOCKED_HOSTNAME_SUFFIXES.find((s) => host.endsWith(s));
  return suffix ? `hostname "${host}" ends in "${suffix}", which the guard blocks by name` : undefined;
}

/** Namespaces every Kubernetes cluster has. */
const KUBERNETES_NAMESPACES: readonly string[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function isClusterServiceName(
  host: string,
  clusterDomain: string,
  services: readonly ClusterServiceRef[],
  namespaces: readonly string[],
): boolean {
  const labels = host.split('.');
  if (labels.length === 1) {
    return true; // a single label resolves through the pod's DNS search path (<name>.<ns>.svc.<domain>)
  }
  if (['.svc', '.pod', `.${clusterDomain}`].some((suffix) => host.endsWith(suffix))) {
    return true;
  }
  const last = labels[labels.length - 1] ?? '';
  if (/[^a-z]/.test(last) && !last.startsWith('xn--')) {
    return true; // no public top-level domain has a digit or hyphen: only the search path can resolve it
  }
  if (labels.length === 2 && namespaces.includes(last)) {
    return true; // <name>.<namespace> resolves through the search path (<name>.<namespace>.svc.<domain>)
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
  const namespaces = [
    ...KUBERNETES_NAMESPACES,
    ...services.map((s) => s.namespace.toLowerCase()),
    ...(options.clusterNamespaces ?? []).map((n) => n.toLowerCase()),
  ];

  if (!host.includes(':') && host.split('.').some((label) => label === '')) {
    // seen in the real POST path (gateway URL normalization, then fetchWithSsrFGuard): a name with an
    // empty label, e.g. a second trailing dot ("10.0.0.1..", "example.com.."), is blocked
    return {
      host,
      kind: 'invalid-address',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        `"${hostname}" has an empty label (two dots in a row, or a dot at the start, or more than one at ` +
        "the end): OpenClaw's webhook path blocks such a name; write the host without them",
    };
  }
  const unreadable = unreadableAddressReason(host);
  if (unreadable) {
    return {
      host,
      kind: 'invalid-address',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason: unreadable,
    };
  }
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
  if (isClusterServiceName(host, clusterDomain, services, namespaces)) {
    return {
      host,
      kind: 'cluster-service',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason:
        byName ??
        `"${host}" is an in-cluster Service name; it resolves to a ClusterIP, ` +
          `which lies in a private range the guard ` +
          'blocks after DNS resolution',
    };
  }
  if (byName) {
    return {
      host,
      kind: 'blocked-hostname',
      blockedBySsrfGuard: true,
      internal: true,
      loopback: false,
      reason: byName,
    };
  }
  return { host, kind: 'public-hostname', blockedBySsrfGuard: false, internal: false, loopback: false };
}
