/**
 * The JSON shape of a `networking.k8s.io/v1` NetworkPolicy, exactly as synthesized YAML holds it.
 * Only the fields NetworkPolicy semantics depend on are typed; everything is `readonly`.
 */

import type { LabelSelector } from './label-selector';

/** Transport protocols a NetworkPolicy port can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The directions a NetworkPolicy can isolate. */
export type PolicyType = 'Ingress' | 'Egress';

/** A CIDR range, minus some sub-ranges. */
export interface IpBlock {
  /** An IPv4 or IPv6 CIDR, e.g. `0.0.0.0/0`, `::/0`, `203.0.113.7/32`. */
  readonly cidr: string;
  /**
   * CIDRs inside `cidr` (each strictly smaller, same family) that the block does not cover.
   * @default []
   */
  readonly except?: readonly string[];
}

/**
 * One peer of a rule. Either `ipBlock` alone, or `podSelector` and/or `namespaceSelector`:
 * both selectors in ONE peer are ANDed (pods matching `podSelector` in namespaces matching
 * `namespaceSelector`).
 */
export interface NetworkPolicyPeer {
  /**
   * Pods selected by labels; without `namespaceSelector`, only pods in the policy's namespace.
   * @default - not part of this peer
   */
  readonly podSelector?: LabelSelector;
  /**
   * Namespaces selected by labels; without `podSelector`, every pod in them.
   * @default - not part of this peer
   */
  readonly namespaceSelector?: LabelSelector;
  /**
   * Addresses selected by CIDR.
   * @default - not part of this peer
   */
  readonly ipBlock?: IpBlock;
}

/** One entry of a rule's `ports`. */
export interface NetworkPolicyPort {
  /**
   * The protocol.
   * @default 'TCP'
   */
  readonly protocol?: Protocol;
  /**
   * A port number (1-65535) or a container port name (IANA service name such as `http`).
   * @default - every port of `protocol`
   */
  readonly port?: number | string;
  /**
   * Last port of the range `port..endPort` (numeric `port` only).
   * @default - only `port`
   */
  readonly endPort?: number;
}

/** An ingress rule: traffic from any of `from` to any of `ports`. */
export interface NetworkPolicyIngressRule {
  /**
   * Allowed sources. Missing or empty = every source.
   * @default []
   */
  readonly from?: readonly NetworkPolicyPeer[];
  /**
   * Allowed destination ports on the selected pod. Missing or empty = every port.
   * @default []
   */
  readonly ports?: readonly NetworkPolicyPort[];
}

/** An egress rule: traffic to any of `to` on any of `ports`. */
export interface NetworkPolicyEgressRule {
  /**
   * Allowed destinations. Missing or empty = every destination.
   * @default []
   */
  readonly to?: readonly NetworkPolicyPeer[];
  /**
   * Allowed destination ports. Missing or empty = every port.
   * @default []
   */
  readonly ports?: readonly NetworkPolicyPort[];
}

/** `spec` of a NetworkPolicy. */
export interface NetworkPolicySpec {
  /**
   * Pods of the policy's namespace the policy applies to; `{}` selects all of them. The API
   * server stores an omitted selector as `{}` (a non-pointer field), so omitted means all too.
   * @default {}
   */
  readonly podSelector?: LabelSelector;
  /**
   * Directions this policy isolates.
   * @default - `['Ingress']`, plus `'Egress'` when `egress` has at least one rule
   */
  readonly policyTypes?: readonly PolicyType[];
  /**
   * Ingress rules (ignored unless policyTypes includes Ingress). Missing or `[]` with Ingress set = deny all ingress.
   * @default []
   */
  readonly ingress?: readonly NetworkPolicyIngressRule[];
  /**
   * Egress rules (ignored unless policyTypes includes Egress). Missing or `[]` with Egress set = deny all egress.
   * @default []
   */
  readonly egress?: readonly NetworkPolicyEgressRule[];
}

/** A whole NetworkPolicy object as synthesized. */
export interface NetworkPolicyManifest {
  readonly apiVersion: 'networking.k8s.io/v1';
  readonly kind: 'NetworkPolicy';
  readonly metadata: {
    /** The policy name, unique in its namespace. */
    readonly name: string;
    /**
     * The namespace the policy lives in (and whose pods it selects).
     * @default - the evaluator's `defaultNamespace` option; an error if that is not set either
     */
    readonly namespace?: string;
    /**
     * Labels of the policy object (not used by the evaluator).
     * @default {}
     */
    readonly labels?: Readonly<Record<string, string>>;
    /**
     * Annotations of the policy object (not used by the evaluator).
     * @default {}
     */
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec: NetworkPolicySpec;
}
