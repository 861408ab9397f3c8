/**
 * Answers "may this pod open this port to that peer?" from a set of NetworkPolicy objects,
 * following the Kubernetes `networking.k8s.io/v1` semantics.
 */

import { describeValue } from '../../lib/core/describe-value';
import { IpAddress, IpCidr } from '../../lib/endpoints/ip-address';
import { formatLabelSelector, LabelSelector, matchesLabelSelector, validateLabelSelector } from './label-selector';
import type {
  NetworkPolicyManifest,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyType,
  Protocol,
} from './network-policy-manifest';

export type {
  IpBlock,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyManifest,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  PolicyType,
  Protocol,
} from './network-policy-manifest';

import { NAMESPACE_NAME_LABEL } from '../../lib/endpoints/network-peers';

export { NAMESPACE_NAME_LABEL };

/** A pod, as far as NetworkPolicies can see it. */
export interface PodIdentity {
  /** The namespace the pod runs in. */
  readonly namespace: string;
  /** The pod's labels. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Named container ports of the pod (`name` → port number), used to resolve named ports in
   * rules when this pod is the destination. The protocol of the rule's port entry is taken as is.
   * @default {} - named ports in rules never match this pod
   */
  readonly namedPorts?: Readonly<Record<string, number>>;
  /**
   * A name used in verdict reasons only.
   * @default - the pod is described by its labels
   */
  readonly name?: string;
}

/** A namespace and its labels. */
export interface NamespaceIdentity {
  /** The namespace name. */
  readonly name: string;
  /**
   * Its labels. `kubernetes.io/metadata.name=<name>` is always added.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The other end of a connection: an IP address or a pod.
 *
 * An `ip` peer is matched only by `ipBlock` peers of rules, and a `pod` peer only by
 * `podSelector`/`namespaceSelector` peers, never by an `ipBlock` (even `0.0.0.0/0`). That is how
 * CNI plugins treat cluster-external versus pod traffic in practice; the Kubernetes docs leave
 * ipBlock matching of pod IPs implementation-defined, so a policy must not rely on it.
 */
export type Peer = { readonly ip: string } | { readonly pod: PodIdentity };

/** The answer to one question. */
export interface Verdict {
  /** Whether the traffic is allowed. */
  readonly allowed: boolean;
  /** One sentence explaining why, naming pods, peer, port and policies. */
  readonly reason: string;
  /**
   * `namespace/name` of the policies involved, sorted: when allowed, those with a rule that
   * allowed it; when denied, those that isolated the pod (and none of whose rules matched).
   * Empty when the direction is not isolated.
   */
  readonly policies: readonly string[];
}

/** Options of {@link NetworkPolicyEvaluator}. */
export interface NetworkPolicyEvaluatorOptions {
  /**
   * The namespace of policies without `metadata.namespace` (kustomize's `namespace:` sets it at
   * apply time).
   * @default - a policy without `metadata.namespace` is an error
   */
  readonly defaultNamespace?: string;
}

type Direction = 'ingress' | 'egress';

/** A {@link Peer} with its IP address parsed once per question. */
type ResolvedPeer = { readonly ip: IpAddress } | { readonly pod: PodIdentity };

type CompiledPeer =
  | { readonly kind: 'selector'; readonly podSelector?: LabelSelector; readonly namespaceSelector?: LabelSelector }
  | { readonly kind: 'ipBlock'; readonly cidr: IpCidr; readonly except: readonly IpCidr[] };

type CompiledPort =
  | { readonly protocol: Protocol; readonly kind: 'any' }
  | { readonly protocol: Protocol; readonly kind: 'range'; readonly first: number; readonly last: number }
  | { readonly protocol: Protocol; readonly kind: 'named'; readonly name: string };

interface CompiledRule {
  /** `undefined` = every peer. */
  readonly peers?: readonly CompiledPeer[];
  /** `undefined` = every port. */
  readonly ports?: readonly CompiledPort[];
}

interface CompiledPolicy {
  readonly id: string;
  readonly namespace: string;
  readonly podSelector: LabelSelector;
  /** `undefined` when the policy does not isolate ingress. */
  readonly ingress?: readonly CompiledRule[];
  /** `undefined` when the policy does not isolate egress. */
  readonly egress?: readonly CompiledRule[];
}

const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];
const POLICY_TYPES: readonly PolicyType[] = ['Egress', 'Ingress'];
/** IANA_SVC_NAME as the API server validates container port names. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])(?!-)(?!.*--)[a-z0-9-]*[a-z0-9]$/;

/**
 * Evaluates NetworkPolicies with Kubernetes semantics:
 *
 * - a policy selects pods of its own namespace by `spec.podSelector` (`{}` = all);
 * - without `policyTypes`, a policy isolates Ingress, and Egress only if `egress` has a rule
 *   (`egress: []` alone does not isolate egress, as the API server defaults it);
 * - a pod is isolated in a direction once any selecting policy has that type; a non-isolated
 *   direction allows everything;
 * - an isolated direction allows traffic iff some rule of some selecting policy matches both the
 *   peer and the port (OR across policies, rules and peers); a rule without `from`/`to` matches
 *   every peer, a rule without `ports` every port;
 * - namespaces always carry `kubernetes.io/metadata.name=<name>`; unknown namespaces carry only it;
 * - ports default to TCP; named ports resolve against the destination pod's `namedPorts`
 *   (for egress the peer pod, for ingress the selected pod) and never match an IP destination.
 *
 * See {@link Peer} for how IP and pod peers are matched.
 */
export class NetworkPolicyEvaluator {
  /**
   * Builds an evaluator from every `networking.k8s.io/v1` NetworkPolicy among `manifests`
   * (other kinds, e.g. the rest of a synthesized chart, are skipped).
   */
  public static fromManifests(
    manifests: readonly unknown[],
    namespaces: readonly NamespaceIdentity[] = [],
    options: NetworkPolicyEvaluatorOptions = {},
  ): NetworkPolicyEvaluator {
    const policies = manifests.filter(
      (manifest): manifest is NetworkPolicyManifest =>
        typeof manifest === 'object' &&
        manifest !== null &&
        (manifest as Record<string, unknown>).kind === 'NetworkPolicy' &&
        (manifest as Record<string, unknown>).apiVersion === 'networking.k8s.io/v1',
    );
    return new NetworkPolicyEvaluator(policies, namespaces, options);
  }

  private readonly policies: readonly CompiledPolicy[];
  private readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;

  /**
   * @param policies NetworkPolicy objects; validated eagerly
   * @param namespaces labels of the namespaces selectors may refer to
   * @throws on malformed policies (bad CIDR, unknown operator, bad port, ...), duplicate policy
   *   names in a namespace, duplicate namespaces, or a contradicting `kubernetes.io/metadata.name` label
   */
  constructor(
    policies: readonly NetworkPolicyManifest[],
    namespaces: readonly NamespaceIdentity[] = [],
    options: NetworkPolicyEvaluatorOptions = {},
  ) {
    const seen = new Set<string>();
    this.policies = policies.map((policy, index) => {
      const compiled = compilePolicy(policy, index, options.defaultNamespace);
      if (seen.has(compiled.id)) {
        throw new Error(
          `NetworkPolicy ${compiled.id} is given twice: expected unique namespace/name pairs (the second would replace the first when applied); rename or merge them`,
        );
      }
      seen.add(compiled.id);
      return compiled;
    });

    const labels = new Map<string, Readonly<Record<string, string>>>();
    for (const namespace of namespaces) {
      if (typeof namespace.name !== 'string' || namespace.name === '') {
        throw new Error(`namespace name is ${describeValue(namespace.name)}: expected a non-empty string`);
      }
      if (labels.has(namespace.name)) {
        throw new Error(
          `namespace "${namespace.name}" is given twice: expected each namespace once; merge their labels`,
        );
      }
      const given = namespace.labels ?? {};
      const automatic = given[NAMESPACE_NAME_LABEL];
      if (automatic !== undefined && automatic !== namespace.name) {
        throw new Error(
          `namespace "${namespace.name}" has label ${NAMESPACE_NAME_LABEL}=${automatic}: expected ${namespace.name} (the API server always sets it to the namespace name); remove the label`,
        );
      }
      labels.set(namespace.name, { ...given, [NAMESPACE_NAME_LABEL]: namespace.name });
    }
    this.namespaceLabels = labels;
  }

  /** May `from` send to `to` on `port`/`protocol`, as far as `from`'s egress policies go? */
  public egress(from: PodIdentity, to: Peer, port: number, protocol: Protocol = 'TCP'): Verdict {
    checkPod(from, 'egress source pod');
    checkPeer(to, 'egress destination');
    checkPortQuery(port, protocol);
    const destination = 'pod' in to ? to.pod : undefined;
    return this.evaluate('egress', from, to, port, protocol, destination);
  }

  /** May `to` receive from `from` on `port`/`protocol`, as far as `to`'s ingress policies go? */
  public ingress(to: PodIdentity, from: Peer, port: number, protocol: Protocol = 'TCP'): Verdict {
    checkPod(to, 'ingress destination pod');
    checkPeer(from, 'ingress source');
    checkPortQuery(port, protocol);
    return this.evaluate('ingress', to, from, port, protocol, to);
  }

  /**
   * A whole connection: egress allowed at `from`, and (when `to` is a pod) ingress allowed at
   * `to` from `from`. An IP destination has no ingress side here.
   */
  public connect(from: PodIdentity, to: Peer, port: number, protocol: Protocol = 'TCP'): Verdict {
    const egress = this.egress(from, to, port, protocol);
    if (!('pod' in to)) {
      return egress;
    }
    const ingress = this.ingress(to.pod, { pod: from }, port, protocol);
    const allowed = egress.allowed && ingress.allowed;
    const involved = allowed
      ? [...egress.policies, ...ingress.policies]
      : [...(egress.allowed ? [] : egress.policies), ...(ingress.allowed ? [] : ingress.policies)];
    return {
      allowed,
      reason: `connection ${allowed ? 'allowed' : 'denied'}: ${egress.reason}; ${ingress.reason}`,
      policies: [...new Set(involved)].sort(),
    };
  }

  private evaluate(
    direction: Direction,
    subject: PodIdentity,
    peer: Peer,
    port: number,
    protocol: Protocol,
    destination: PodIdentity | undefined,
  ): Verdict {
    const what =
      direction === 'egress'
        ? `egress from ${describePod(subject)} to ${describePeer(peer)} on ${protocol}/${port}`
        : `ingress to ${describePod(subject)} from ${describePeer(peer)} on ${protocol}/${port}`;
    const isolating = this.policies.filter(
      (policy) =>
        policy[direction] !== undefined &&
        policy.namespace === subject.namespace &&
        matchesLabelSelector(policy.podSelector, subject.labels),
    );
    if (isolating.length === 0) {
      return {
        allowed: true,
        reason: `${what} is allowed: no NetworkPolicy of type ${direction === 'egress' ? 'Egress' : 'Ingress'} selects the pod, so ${direction} is not isolated`,
        policies: [],
      };
    }
    const resolved: ResolvedPeer = 'ip' in peer ? { ip: IpAddress.parse(peer.ip) } : peer;
    const matches: string[] = [];
    const allowing = new Set<string>();
    for (const policy of isolating) {
      (policy[direction] ?? []).forEach((rule, index) => {
        if (this.ruleMatchesPeer(rule, policy, resolved) && ruleMatchesPort(rule, port, protocol, destination)) {
          matches.push(`${policy.id} ${direction}[${index}]`);
          allowing.add(policy.id);
        }
      });
    }
    const isolatingIds = isolating.map((policy) => policy.id).sort();
    if (matches.length > 0) {
      return {
        allowed: true,
        reason: `${what} is allowed by ${matches.sort().join(', ')}`,
        policies: [...allowing].sort(),
      };
    }
    return {
      allowed: false,
      reason: `${what} is denied: ${direction} is isolated by ${isolatingIds.join(', ')} and none of their ${direction} rules matches`,
      policies: isolatingIds,
    };
  }

  private ruleMatchesPeer(rule: CompiledRule, policy: CompiledPolicy, peer: ResolvedPeer): boolean {
    if (rule.peers === undefined) {
      return true;
    }
    return rule.peers.some((candidate) => this.peerMatches(candidate, policy, peer));
  }

  private peerMatches(candidate: CompiledPeer, policy: CompiledPolicy, peer: ResolvedPeer): boolean {
    if ('ip' in peer) {
      const { ip } = peer;
      return (
        candidate.kind === 'ipBlock' &&
        candidate.cidr.contains(ip) &&
        !candidate.except.some((excluded) => excluded.contains(ip))
      );
    }
    if (candidate.kind !== 'selector') {
      return false;
    }
    const pod = peer.pod;
    if (candidate.namespaceSelector === undefined) {
      if (pod.namespace !== policy.namespace) {
        return false;
      }
    } else if (!matchesLabelSelector(candidate.namespaceSelector, this.labelsOfNamespace(pod.namespace))) {
      return false;
    }
    return candidate.podSelector === undefined || matchesLabelSelector(candidate.podSelector, pod.labels);
  }

  private labelsOfNamespace(name: string): Readonly<Record<string, string>> {
    return this.namespaceLabels.get(name) ?? { [NAMESPACE_NAME_LABEL]: name };
  }
}

function ruleMatchesPort(
  rule: CompiledRule,
  port: number,
  protocol: Protocol,
  destination: PodIdentity | undefined,
): boolean {
  if (rule.ports === undefined) {
    return true;
  }
  return rule.ports.some((entry) => {
    if (entry.protocol !== protocol) {
      return false;
    }
    switch (entry.kind) {
      case 'any':
        return true;
      case 'range':
        return entry.first <= port && port <= entry.last;
      case 'named': {
        const named = destination?.namedPorts ?? {};
        return Object.prototype.hasOwnProperty.call(named, entry.name) && named[entry.name] === port;
      }
    }
  });
}

function compilePolicy(
  manifest: NetworkPolicyManifest,
  index: number,
  defaultNamespace: string | undefined,
): CompiledPolicy {
  const raw: unknown = manifest;
  if (!isRecord(raw)) {
    throw new Error(`NetworkPolicy #${index} is ${describeValue(raw)}: expected a NetworkPolicy object`);
  }
  const metadata = raw.metadata;
  const name = isRecord(metadata) ? metadata.name : undefined;
  const label = typeof name === 'string' && name !== '' ? `NetworkPolicy "${name}"` : `NetworkPolicy #${index}`;
  if (raw.apiVersion !== 'networking.k8s.io/v1' || raw.kind !== 'NetworkPolicy') {
    throw new Error(
      `${label} has apiVersion ${describeValue(raw.apiVersion)} and kind ${describeValue(raw.kind)}: expected networking.k8s.io/v1 NetworkPolicy (use NetworkPolicyEvaluator.fromManifests to skip other objects)`,
    );
  }
  if (!isRecord(metadata) || typeof name !== 'string' || name === '') {
    throw new Error(`${label} has metadata.name ${describeValue(name)}: expected a non-empty string`);
  }
  const declaredNamespace = metadata.namespace;
  if (declaredNamespace !== undefined && (typeof declaredNamespace !== 'string' || declaredNamespace === '')) {
    throw new Error(`${label} has metadata.namespace ${describeValue(declaredNamespace)}: expected a non-empty string`);
  }
  const namespace = declaredNamespace ?? defaultNamespace;
  if (namespace === undefined) {
    throw new Error(
      `${label} has no metadata.namespace: expected the namespace whose pods it selects; set metadata.namespace or the evaluator's defaultNamespace option`,
    );
  }
  const id = `${namespace}/${name}`;
  const where = `NetworkPolicy ${id}`;
  const spec = raw.spec;
  if (!isRecord(spec)) {
    throw new Error(`${where} has spec ${describeValue(spec)}: expected an object with podSelector and rules`);
  }

  const podSelector = (spec.podSelector ?? {}) as LabelSelector;
  validateLabelSelector(podSelector, `${where} spec.podSelector`);

  const ingressRules = compileRules(spec.ingress, 'ingress', where);
  const egressRules = compileRules(spec.egress, 'egress', where);

  let types: readonly PolicyType[];
  const policyTypes = spec.policyTypes;
  if (policyTypes === undefined || (Array.isArray(policyTypes) && policyTypes.length === 0)) {
    types = egressRules.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  } else {
    if (!Array.isArray(policyTypes)) {
      throw new Error(
        `${where} spec.policyTypes is ${describeValue(policyTypes)}: expected a list of Ingress and/or Egress`,
      );
    }
    policyTypes.forEach((type: unknown, typeIndex) => {
      if (!(POLICY_TYPES as readonly unknown[]).includes(type)) {
        throw new Error(
          `${where} spec.policyTypes[${typeIndex}] is ${describeValue(type)}: expected Ingress or Egress (case-sensitive)`,
        );
      }
    });
    types = policyTypes as PolicyType[];
  }

  return {
    id,
    namespace,
    podSelector,
    ...(types.includes('Ingress') ? { ingress: ingressRules } : {}),
    ...(types.includes('Egress') ? { egress: egressRules } : {}),
  };
}

function compileRules(rules: unknown, direction: Direction, where: string): CompiledRule[] {
  if (rules === undefined || rules === null) {
    return [];
  }
  if (!Array.isArray(rules)) {
    throw new Error(`${where} spec.${direction} is ${describeValue(rules)}: expected a list of rules`);
  }
  const peersField = direction === 'ingress' ? 'from' : 'to';
  return rules.map((rule: unknown, ruleIndex): CompiledRule => {
    const at = `${where} spec.${direction}[${ruleIndex}]`;
    if (!isRecord(rule)) {
      throw new Error(
        `${at} is ${describeValue(rule)}: expected an object with ${peersField} and/or ports ({} allows everything)`,
      );
    }
    const otherField = direction === 'ingress' ? 'to' : 'from';
    if (rule[otherField] !== undefined) {
      throw new Error(`${at} has "${otherField}": expected "${peersField}" in ${direction} rules; rename the field`);
    }
    const peers = listOrUndefined(rule[peersField], `${at}.${peersField}`);
    const ports = listOrUndefined(rule.ports, `${at}.ports`);
    return {
      ...(peers === undefined ? {} : { peers: peers.map((peer, i) => compilePeer(peer, `${at}.${peersField}[${i}]`)) }),
      ...(ports === undefined ? {} : { ports: ports.map((port, i) => compilePort(port, `${at}.ports[${i}]`)) }),
    };
  });
}

/** `undefined` for a missing or empty list (both mean "everything" in a rule). */
function listOrUndefined(value: unknown, at: string): unknown[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new Error(`${at} is ${describeValue(value)}: expected a list`);
  }
  return value.length === 0 ? undefined : value;
}

function compilePeer(peer: unknown, at: string): CompiledPeer {
  if (!isRecord(peer)) {
    throw new Error(`${at} is ${describeValue(peer)}: expected a peer with podSelector, namespaceSelector or ipBlock`);
  }
  const { podSelector, namespaceSelector, ipBlock } = peer as NetworkPolicyPeer;
  if (ipBlock !== undefined) {
    if (podSelector !== undefined || namespaceSelector !== undefined) {
      throw new Error(
        `${at} combines ipBlock with a selector: expected either ipBlock alone or podSelector/namespaceSelector; split it into two peers`,
      );
    }
    return compileIpBlock(ipBlock, `${at}.ipBlock`);
  }
  if (podSelector === undefined && namespaceSelector === undefined) {
    throw new Error(
      `${at} is empty: expected podSelector, namespaceSelector or ipBlock (to allow every peer, leave the rule's peer list out)`,
    );
  }
  if (podSelector !== undefined) {
    validateLabelSelector(podSelector, `${at}.podSelector`);
  }
  if (namespaceSelector !== undefined) {
    validateLabelSelector(namespaceSelector, `${at}.namespaceSelector`);
  }
  return {
    kind: 'selector',
    ...(podSelector === undefined ? {} : { podSelector }),
    ...(namespaceSelector === undefined ? {} : { namespaceSelector }),
  };
}

function compileIpBlock(ipBlock: unknown, at: string): CompiledPeer {
  if (!isRecord(ipBlock) || typeof ipBlock.cidr !== 'string') {
    throw new Error(`${at} is ${describeValue(ipBlock)}: expected {cidr: "<address>/<prefix>", except?: [...]}`);
  }
  const cidr = parseCidrAt(ipBlock.cidr, `${at}.cidr`);
  const exceptRaw = ipBlock.except ?? [];
  if (!Array.isArray(exceptRaw)) {
    throw new Error(`${at}.except is ${describeValue(exceptRaw)}: expected a list of CIDRs`);
  }
  const except = exceptRaw.map((text: unknown, i) => {
    const excluded = parseCidrAt(text, `${at}.except[${i}]`);
    if (!cidr.containsCidr(excluded) || excluded.prefixLength <= cidr.prefixLength) {
      throw new Error(
        `${at}.except[${i}] is "${String(text)}": expected a CIDR strictly inside ${cidr.toString()} (the API server rejects others); remove it or widen cidr`,
      );
    }
    return excluded;
  });
  return { kind: 'ipBlock', cidr, except };
}

function parseCidrAt(text: unknown, at: string): IpCidr {
  if (typeof text !== 'string') {
    throw new Error(`${at} is ${describeValue(text)}: expected a CIDR string such as "10.0.0.0/8"`);
  }
  try {
    return IpCidr.parse(text);
  } catch (error) {
    throw new Error(`${at}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function compilePort(entry: unknown, at: string): CompiledPort {
  if (!isRecord(entry)) {
    throw new Error(`${at} is ${describeValue(entry)}: expected {protocol?, port?, endPort?}`);
  }
  const { protocol: rawProtocol, port, endPort } = entry as Record<keyof NetworkPolicyPort, unknown>;
  const protocol = rawProtocol ?? 'TCP';
  if (!isProtocol(protocol)) {
    throw new Error(
      `${at}.protocol is ${describeValue(protocol)}: expected one of ${PROTOCOLS.join(', ')} (upper case)`,
    );
  }
  if (port === undefined) {
    if (endPort !== undefined) {
      throw new Error(`${at} has endPort ${describeValue(endPort)} without port: expected port to start the range`);
    }
    return { protocol, kind: 'any' };
  }
  if (typeof port === 'string') {
    if (!PORT_NAME.test(port)) {
      throw new Error(
        `${at}.port is string ${JSON.stringify(port)}: expected a port number (unquoted) or a container port name (1-15 lowercase letters, digits, single hyphens, at least one letter)`,
      );
    }
    if (endPort !== undefined) {
      throw new Error(`${at} has endPort with the named port "${port}": expected a numeric port to start a range`);
    }
    return { protocol, kind: 'named', name: port };
  }
  if (!isPortNumber(port)) {
    throw new Error(`${at}.port is ${describeValue(port)}: expected an integer from 1 to 65535 or a port name`);
  }
  if (endPort === undefined) {
    return { protocol, kind: 'range', first: port, last: port };
  }
  if (!isPortNumber(endPort) || endPort < port) {
    throw new Error(`${at}.endPort is ${describeValue(endPort)}: expected an integer from ${port} (the port) to 65535`);
  }
  return { protocol, kind: 'range', first: port, last: endPort };
}

function checkPod(pod: PodIdentity, role: string): void {
  const value: unknown = pod;
  if (!isRecord(value) || typeof value.namespace !== 'string' || value.namespace === '' || !isRecord(value.labels)) {
    throw new Error(`${role} is ${describeValue(value)}: expected {namespace: "<name>", labels: {...}}`);
  }
  for (const [name, number] of Object.entries(pod.namedPorts ?? {})) {
    if (!isPortNumber(number)) {
      throw new Error(
        `${role} ${describePod(pod)} has named port ${name}=${describeValue(number)}: expected an integer from 1 to 65535`,
      );
    }
  }
}

function checkPeer(peer: Peer, role: string): void {
  const value: unknown = peer;
  if (isRecord(value) && 'ip' in value) {
    if (typeof value.ip !== 'string' || !IpAddress.isValid(value.ip)) {
      throw new Error(
        `${role} ip is ${describeValue(value.ip)}: expected an IPv4 or IPv6 address such as "203.0.113.7" or "2001:db8::1"`,
      );
    }
    return;
  }
  if (isRecord(value) && 'pod' in value) {
    checkPod((peer as { readonly pod: PodIdentity }).pod, `${role} pod`);
    return;
  }
  throw new Error(`${role} is ${describeValue(value)}: expected {ip: "<address>"} or {pod: {namespace, labels}}`);
}

function checkPortQuery(port: number, protocol: Protocol): void {
  if (!isPortNumber(port)) {
    throw new Error(`port is ${describeValue(port)}: expected an integer from 1 to 65535`);
  }
  if (!isProtocol(protocol)) {
    throw new Error(`protocol is ${describeValue(protocol)}: expected one of ${PROTOCOLS.join(', ')}`);
  }
}

function describePod(pod: PodIdentity): string {
  return pod.name !== undefined
    ? `pod ${pod.namespace}/${pod.name}`
    : `pod ${pod.namespace}/${formatLabelSelector({ matchLabels: pod.labels })}`;
}

function describePeer(peer: Peer): string {
  return 'ip' in peer ? peer.ip : describePod(peer.pod);
}

function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
