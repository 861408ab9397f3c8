import {
  NetworkPolicyEvaluator,
  type NamespaceIdentity,
  type NetworkPolicyManifest,
  type NetworkPolicySpec,
  type PodIdentity,
} from '../support/network-policy-evaluator';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { matchesLabelSelector, validateLabelSelector, type LabelSelector } from '../support/label-selector';

function policy(name: string, spec: NetworkPolicySpec, namespace = 'apps'): NetworkPolicyManifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

function pod(namespace: string, labels: Record<string, string>, extra: Partial<PodIdentity> = {}): PodIdentity {
  return { namespace, labels, ...extra };
}

/** Builds a policy from JSON that does not fit the manifest type, to exercise runtime validation. */
function untyped(spec: unknown, metadata: unknown = { name: 'bad', namespace: 'apps' }): NetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata,
    spec,
  } as unknown as NetworkPolicyManifest;
}

const web = pod('apps', { app: 'web' });
const db = pod('apps', { app: 'db' });

describe('policy selection', () => {
  test('a policy selects only pods of its own namespace that match its podSelector', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('deny-web', { podSelector: { matchLabels: { app: 'web' } } }),
    ]);
    expect(evaluator.ingress(web, { pod: db }, 80).allowed).toBe(false);
    expect(evaluator.ingress(db, { pod: web }, 80).allowed).toBe(true);
    expect(evaluator.ingress(pod('other', { app: 'web' }), { pod: db }, 80).allowed).toBe(true);
  });

  test('an empty or omitted podSelector selects every pod of the namespace', () => {
    for (const spec of [{ podSelector: {} }, {}] as NetworkPolicySpec[]) {
      const evaluator = new NetworkPolicyEvaluator([policy('deny-all', spec)]);
      expect(evaluator.ingress(web, { ip: '8.8.8.8' }, 80).allowed).toBe(false);
      expect(evaluator.ingress(db, { ip: '8.8.8.8' }, 80).allowed).toBe(false);
      expect(evaluator.ingress(pod('other', {}), { ip: '8.8.8.8' }, 80).allowed).toBe(true);
    }
  });

  test('a pod selected by no policy is not isolated and the verdict names no policy', () => {
    const verdict = new NetworkPolicyEvaluator([]).egress(web, { ip: '10.0.0.1' }, 22);
    expect(verdict).toEqual({ allowed: true, reason: expect.stringContaining('not isolated') as string, policies: [] });
  });
});

describe('policyTypes and isolation per direction', () => {
  test('without policyTypes, Ingress is implied and Egress is not when there are no egress rules', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('web-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] }),
    ]);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(true);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 81).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 5432).allowed).toBe(true);
  });

  test('without policyTypes, Egress is implied by at least one egress rule', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('web-out', { podSelector: { matchLabels: { app: 'web' } }, egress: [{ ports: [{ port: 443 }] }] }),
    ]);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 443).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(false);
    // Ingress is implied too, with no ingress rules: deny all ingress.
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(false);
  });

  test('without policyTypes, `egress: []` does not isolate egress (the API server defaults on len(egress))', () => {
    const evaluator = new NetworkPolicyEvaluator([policy('empty-egress', { podSelector: {}, egress: [] })]);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 443).allowed).toBe(true);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 443).allowed).toBe(false);
  });

  test('an empty policyTypes list is defaulted like a missing one', () => {
    const evaluator = new NetworkPolicyEvaluator([policy('p', { podSelector: {}, policyTypes: [] })]);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(true);
  });

  test('policyTypes [Egress] isolates egress only and ignores ingress rules', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('egress-only', { podSelector: {}, policyTypes: ['Egress'], ingress: [{ ports: [{ port: 80 }] }] }),
    ]);
    expect(evaluator.egress(web, { ip: '1.2.3.4' }, 80).allowed).toBe(false);
    const ingress = evaluator.ingress(web, { ip: '1.2.3.4' }, 9999);
    expect(ingress.allowed).toBe(true);
    expect(ingress.policies).toEqual([]);
  });

  test('a direction is isolated by one policy even when another selecting policy does not isolate it', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('ingress-allow-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] }),
      policy('egress-deny', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] }),
    ]);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 1).allowed).toBe(true);
    const egress = evaluator.egress(web, { ip: '1.2.3.4' }, 443);
    expect(egress.allowed).toBe(false);
    expect(egress.policies).toEqual(['apps/egress-deny']);
    expect(evaluator.egress(db, { ip: '1.2.3.4' }, 443).allowed).toBe(true);
  });

  test('once selected with the type set, missing rules and `ingress: []` both deny everything', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('deny-missing', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'] }),
      policy('deny-empty', {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      }),
    ]);
    for (const target of [web, db]) {
      expect(evaluator.ingress(target, { pod: pod('apps', { app: 'x' }) }, 80).allowed).toBe(false);
      expect(evaluator.egress(target, { ip: '8.8.8.8' }, 53, 'UDP').allowed).toBe(false);
    }
    const verdict = evaluator.egress(db, { ip: '8.8.8.8' }, 53, 'UDP');
    expect(verdict.policies).toEqual(['apps/deny-empty']);
    expect(verdict.reason).toMatch(/denied: egress is isolated by apps\/deny-empty/);
  });
});

describe('OR across policies, rules and peers', () => {
  const evaluator = new NetworkPolicyEvaluator([
    policy('allow-80', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] }),
    policy('allow-443-and-8443', {
      podSelector: {},
      ingress: [
        { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 443 }] },
        {
          from: [{ podSelector: { matchLabels: { app: 'db' } } }, { ipBlock: { cidr: '192.0.2.0/24' } }],
          ports: [{ port: 8443 }],
        },
      ],
    }),
  ]);

  test('traffic allowed by any one selecting policy is allowed, and the verdict names that policy', () => {
    const by80 = evaluator.ingress(web, { ip: '203.0.113.1' }, 80);
    expect(by80.allowed).toBe(true);
    expect(by80.policies).toEqual(['apps/allow-80']);
    const by443 = evaluator.ingress(web, { ip: '10.9.9.9' }, 443);
    expect(by443.allowed).toBe(true);
    expect(by443.policies).toEqual(['apps/allow-443-and-8443']);
    expect(by443.reason).toContain('apps/allow-443-and-8443 ingress[0]');
  });

  test('traffic matched by no rule of any selecting policy is denied and names all isolating policies', () => {
    const verdict = evaluator.ingress(web, { ip: '10.9.9.9' }, 22);
    expect(verdict.allowed).toBe(false);
    expect(verdict.policies).toEqual(['apps/allow-443-and-8443', 'apps/allow-80']);
    // db is selected only by the second policy: port 80 is not open for it.
    expect(evaluator.ingress(db, { ip: '203.0.113.1' }, 80).allowed).toBe(false);
  });

  test('any peer of a rule suffices, and rules are independent (peer of one rule, port of another does not combine)', () => {
    expect(evaluator.ingress(web, { pod: db }, 8443).allowed).toBe(true);
    expect(evaluator.ingress(web, { ip: '192.0.2.7' }, 8443).allowed).toBe(true);
    expect(evaluator.ingress(web, { ip: '10.0.0.1' }, 8443).allowed).toBe(false);
    expect(evaluator.ingress(web, { ip: '192.0.2.7' }, 443).allowed).toBe(false);
  });
});

describe('rules without peers or ports', () => {
  test('a rule without `to` (or with `to: []`) matches every destination, pods and IPs, in any namespace', () => {
    for (const rule of [{ ports: [{ port: 443 }] }, { to: [], ports: [{ port: 443 }] }]) {
      const evaluator = new NetworkPolicyEvaluator([
        policy('any-443', { podSelector: {}, policyTypes: ['Egress'], egress: [rule] }),
      ]);
      expect(evaluator.egress(web, { ip: '10.0.0.1' }, 443).allowed).toBe(true);
      expect(evaluator.egress(web, { ip: '2001:db8::1' }, 443).allowed).toBe(true);
      expect(evaluator.egress(web, { pod: pod('elsewhere', {}) }, 443).allowed).toBe(true);
      expect(evaluator.egress(web, { ip: '10.0.0.1' }, 444).allowed).toBe(false);
    }
  });

  test('a rule without `ports` matches every port and protocol', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('from-db', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'db' } } }] }] }),
    ]);
    expect(evaluator.ingress(web, { pod: db }, 1).allowed).toBe(true);
    expect(evaluator.ingress(web, { pod: db }, 65535, 'UDP').allowed).toBe(true);
    expect(evaluator.ingress(web, { pod: db }, 9, 'SCTP').allowed).toBe(true);
    expect(evaluator.ingress(web, { pod: pod('apps', { app: 'cache' }) }, 1).allowed).toBe(false);
  });
});

describe('peers', () => {
  const namespaces: NamespaceIdentity[] = [
    { name: 'monitoring', labels: { team: 'obs' } },
    { name: 'logging', labels: { team: 'obs' } },
  ];
  const prometheus = pod('monitoring', { app: 'prometheus' });
  const grafana = pod('monitoring', { app: 'grafana' });
  const localPrometheus = pod('apps', { app: 'prometheus' });
  const strayPrometheus = pod('sandbox', { app: 'prometheus' });
  const egressTo = (peers: NetworkPolicyManifest['spec']['egress']): NetworkPolicyEvaluator =>
    new NetworkPolicyEvaluator(
      [policy('out', { podSelector: {}, policyTypes: ['Egress'], egress: peers })],
      namespaces,
    );

  test('podSelector alone selects pods of the policy namespace only', () => {
    const evaluator = egressTo([{ to: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] }]);
    expect(evaluator.egress(web, { pod: localPrometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: prometheus }, 9090).allowed).toBe(false);
  });

  test('namespaceSelector alone selects every pod of matching namespaces; {} selects every namespace', () => {
    const evaluator = egressTo([{ to: [{ namespaceSelector: { matchLabels: { team: 'obs' } } }] }]);
    expect(evaluator.egress(web, { pod: prometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: pod('logging', { app: 'loki' }) }, 3100).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: localPrometheus }, 9090).allowed).toBe(false);
    const anyNamespace = egressTo([{ to: [{ namespaceSelector: {} }] }]);
    expect(anyNamespace.egress(web, { pod: strayPrometheus }, 1).allowed).toBe(true);
    expect(anyNamespace.egress(web, { pod: localPrometheus }, 1).allowed).toBe(true);
  });

  test('namespaceSelector and podSelector in ONE peer are ANDed', () => {
    const evaluator = egressTo([
      {
        to: [
          { namespaceSelector: { matchLabels: { team: 'obs' } }, podSelector: { matchLabels: { app: 'prometheus' } } },
        ],
      },
    ]);
    expect(evaluator.egress(web, { pod: prometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: grafana }, 9090).allowed).toBe(false);
    expect(evaluator.egress(web, { pod: localPrometheus }, 9090).allowed).toBe(false);
    expect(evaluator.egress(web, { pod: strayPrometheus }, 9090).allowed).toBe(false);
  });

  test('the same selectors as TWO peers are ORed', () => {
    const evaluator = egressTo([
      {
        to: [
          { namespaceSelector: { matchLabels: { team: 'obs' } } },
          { podSelector: { matchLabels: { app: 'prometheus' } } },
        ],
      },
    ]);
    expect(evaluator.egress(web, { pod: prometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: grafana }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: localPrometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: strayPrometheus }, 9090).allowed).toBe(false);
  });

  test('namespaces carry kubernetes.io/metadata.name automatically, given or not', () => {
    const evaluator = egressTo([
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring', team: 'obs' } } }] },
    ]);
    expect(evaluator.egress(web, { pod: pod('kube-system', { 'k8s-app': 'kube-dns' }) }, 53, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(web, { pod: prometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: pod('logging', {}) }, 9090).allowed).toBe(false);
  });

  test('ipBlock with except, IPv4', () => {
    const evaluator = egressTo([{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] } }] }]);
    expect(evaluator.egress(web, { ip: '10.0.0.1' }, 80).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '10.2.3.5' }, 80).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '10.1.200.1' }, 80).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '10.2.3.4' }, 80).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '11.0.0.1' }, 80).allowed).toBe(false);
  });

  test('ipBlock with except, IPv6, and families never cross', () => {
    const evaluator = egressTo([{ to: [{ ipBlock: { cidr: '::/0', except: ['fc00::/7', 'fe80::/10'] } }] }]);
    expect(evaluator.egress(web, { ip: '2606:4700::1111' }, 443).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: 'fd00::1' }, 443).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: 'fe80::1' }, 443).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '8.8.8.8' }, 443).allowed).toBe(false);
  });

  test('ipBlock /32 matches one address and /0 matches every address of its family', () => {
    const evaluator = egressTo([
      { to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ port: 53, protocol: 'UDP' }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] },
    ]);
    expect(evaluator.egress(web, { ip: '169.254.20.10' }, 53, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '169.254.20.11' }, 53, 'UDP').allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '255.255.255.255' }, 443).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '0.0.0.0' }, 443).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '::1' }, 443).allowed).toBe(false);
  });

  test('pod peers are matched only by selectors and IP peers only by ipBlocks', () => {
    const ipOnly = egressTo([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }]);
    expect(ipOnly.egress(web, { pod: prometheus }, 9090).allowed).toBe(false);
    const selectorsOnly = egressTo([{ to: [{ namespaceSelector: {} }] }]);
    expect(selectorsOnly.egress(web, { ip: '10.0.0.1' }, 9090).allowed).toBe(false);
  });
});

describe('ports', () => {
  const egressPorts = (ports: NonNullable<NetworkPolicySpec['egress']>[number]['ports']): NetworkPolicyEvaluator =>
    new NetworkPolicyEvaluator([policy('ports', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports }] })]);

  test('protocol defaults to TCP', () => {
    const evaluator = egressPorts([{ port: 53 }]);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 53).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 53, 'TCP').allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 53, 'UDP').allowed).toBe(false);
  });

  test('endPort opens an inclusive range', () => {
    const evaluator = egressPorts([{ port: 32000, endPort: 32768 }]);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 31999).allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 32000).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 32500).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 32768).allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 32769).allowed).toBe(false);
  });

  test('a port entry without port matches every port of its protocol only', () => {
    const evaluator = egressPorts([{ protocol: 'UDP' }, { protocol: 'SCTP', port: 9 }]);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 1, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 65535, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 1, 'TCP').allowed).toBe(false);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 9, 'SCTP').allowed).toBe(true);
    expect(evaluator.egress(web, { ip: '1.1.1.1' }, 10, 'SCTP').allowed).toBe(false);
  });

  test('named ports in egress rules resolve against the destination pod, and never match an IP', () => {
    const evaluator = egressPorts([{ port: 'metrics' }]);
    const exporter = pod('apps', { app: 'exporter' }, { namedPorts: { metrics: 9100 } });
    expect(evaluator.egress(web, { pod: exporter }, 9100).allowed).toBe(true);
    expect(evaluator.egress(web, { pod: exporter }, 9101).allowed).toBe(false);
    expect(evaluator.egress(web, { pod: exporter }, 9100, 'UDP').allowed).toBe(false);
    expect(evaluator.egress(web, { pod: pod('apps', { app: 'exporter' }) }, 9100).allowed).toBe(false);
    expect(evaluator.egress(pod('apps', {}, { namedPorts: { metrics: 9100 } }), { ip: '10.0.0.1' }, 9100).allowed).toBe(
      false,
    );
  });

  test('named ports in ingress rules resolve against the selected (receiving) pod, not the source', () => {
    const evaluator = new NetworkPolicyEvaluator([
      policy('named-in', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] }),
    ]);
    const server = pod('apps', { app: 'server' }, { namedPorts: { http: 8080 } });
    const client = pod('apps', { app: 'client' }, { namedPorts: { http: 9999 } });
    expect(evaluator.ingress(server, { pod: client }, 8080).allowed).toBe(true);
    expect(evaluator.ingress(server, { pod: client }, 9999).allowed).toBe(false);
    expect(evaluator.ingress(client, { ip: '10.0.0.1' }, 9999).allowed).toBe(true);
  });
});

describe('label selectors (matchExpressions)', () => {
  const cases: Array<[string, LabelSelector, Record<string, string>, boolean]> = [
    [
      'In matches a listed value',
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      { tier: 'b' },
      true,
    ],
    [
      'In rejects an unlisted value',
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      { tier: 'c' },
      false,
    ],
    ['In rejects a missing key', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, {}, false],
    [
      'NotIn rejects a listed value',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      { tier: 'a' },
      false,
    ],
    [
      'NotIn matches an unlisted value',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      { tier: 'b' },
      true,
    ],
    [
      'NotIn matches a missing key',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      {},
      true,
    ],
    [
      'Exists matches any value, even empty',
      { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      { tier: '' },
      true,
    ],
    [
      'Exists rejects a missing key',
      { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      { other: 'x' },
      false,
    ],
    ['DoesNotExist matches a missing key', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {}, true],
    [
      'DoesNotExist rejects a present key',
      { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
      { tier: 'a' },
      false,
    ],
    [
      'matchLabels and matchExpressions are ANDed',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      { app: 'web' },
      false,
    ],
    ['the empty selector matches a pod without labels', {}, {}, true],
  ];

  test.each(cases)('%s', (_name, selector, labels, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
    // The same selector as a policy podSelector isolates exactly the matching pods.
    const evaluator = new NetworkPolicyEvaluator([policy('sel', { podSelector: selector })]);
    expect(evaluator.ingress(pod('apps', labels), { ip: '1.2.3.4' }, 80).allowed).toBe(!expected);
  });

  test('fails on an unknown operator, In without values and Exists with values', () => {
    expect(() =>
      validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'in' as 'In', values: ['x'] }] }, 'selector s'),
    ).toThrow(/selector s\.matchExpressions\[0\]\.operator is "in": expected one of DoesNotExist, Exists, In, NotIn/);
    expect(() => validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }, 's')).toThrow(/no values/);
    expect(() =>
      validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 's'),
    ).toThrow(/expected no values/);
    expect(() => validateLabelSelector({ matchLabels: { a: 1 as unknown as string } }, 's')).toThrow(
      /expected a string/,
    );
  });
});

describe('connect', () => {
  const evaluator = new NetworkPolicyEvaluator([
    policy('web-out', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
    policy('db-in', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
    }),
  ]);

  test('is denied when egress is allowed but the destination pod does not admit ingress', () => {
    expect(evaluator.egress(web, { pod: db }, 5432).allowed).toBe(true);
    const verdict = evaluator.connect(web, { pod: db }, 5432);
    expect(verdict.allowed).toBe(false);
    expect(verdict.policies).toEqual(['apps/db-in']);
    expect(verdict.reason).toMatch(
      /^connection denied: egress .* is allowed by apps\/web-out egress\[0\]; ingress .* is denied/,
    );
  });

  test('is allowed when both sides allow it and names the policies of both', () => {
    const api = pod('apps', { app: 'api' });
    const verdict = evaluator.connect(api, { pod: db }, 5432);
    expect(verdict.allowed).toBe(true);
    expect(verdict.policies).toEqual(['apps/db-in']);
    const cache = pod('apps', { app: 'cache' });
    const fromWeb = evaluator.connect(web, { pod: cache }, 6379);
    expect(fromWeb).toMatchObject({ allowed: true, policies: ['apps/web-out'] });
  });

  test('to an IP checks egress only', () => {
    expect(evaluator.connect(web, { ip: '10.0.0.1' }, 5432).allowed).toBe(false);
    expect(evaluator.connect(db, { ip: '10.0.0.1' }, 5432).allowed).toBe(true);
  });
});

describe('inputs', () => {
  test('fromManifests keeps only networking.k8s.io/v1 NetworkPolicies', () => {
    const evaluator = NetworkPolicyEvaluator.fromManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'apps' }, data: {} },
      policy('deny', { podSelector: {} }),
      null,
    ]);
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 80).policies).toEqual(['apps/deny']);
  });

  test('defaultNamespace applies to policies without metadata.namespace', () => {
    const manifest = untyped({ podSelector: {} }, { name: 'deny' });
    const evaluator = new NetworkPolicyEvaluator([manifest], [], { defaultNamespace: 'apps' });
    expect(evaluator.ingress(web, { ip: '1.2.3.4' }, 80).policies).toEqual(['apps/deny']);
    expect(() => new NetworkPolicyEvaluator([manifest])).toThrow(/NetworkPolicy "deny" has no metadata\.namespace/);
  });

  test.each<[string, NetworkPolicyManifest, RegExp]>([
    [
      'a bad CIDR',
      untyped({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/40' } }] }] }),
      /spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr: cidr "10\.0\.0\.0\/40" has prefix length "40"/,
    ],
    [
      'a CIDR without prefix',
      untyped({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.1' } }] }] }),
      /has no prefix length/,
    ],
    [
      'an except outside the cidr',
      untyped({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }] }] }),
      /except\[0\] is "192\.168\.0\.0\/16": expected a CIDR strictly inside 10\.0\.0\.0\/8/,
    ],
    [
      'an except equal to the cidr',
      untyped({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }] }] }),
      /strictly inside/,
    ],
    [
      'an except of the other family',
      untyped({ egress: [{ to: [{ ipBlock: { cidr: '::/0', except: ['10.0.0.0/8'] } }] }] }),
      /strictly inside ::\/0/,
    ],
    [
      'ipBlock with a selector in one peer',
      untyped({ egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' }, podSelector: {} }] }] }),
      /combines ipBlock with a selector/,
    ],
    ['an empty peer', untyped({ ingress: [{ from: [{}] }] }), /spec\.ingress\[0\]\.from\[0\] is empty/],
    [
      '"to" in an ingress rule',
      untyped({ ingress: [{ to: [{ podSelector: {} }] }] }),
      /has "to": expected "from" in ingress rules/,
    ],
    [
      'an unknown operator',
      untyped({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } }),
      /NetworkPolicy apps\/bad spec\.podSelector\.matchExpressions\[0\]\.operator is "Equals"/,
    ],
    [
      'an unknown protocol',
      untyped({ ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] }),
      /ports\[0\]\.protocol is "tcp": expected one of SCTP, TCP, UDP/,
    ],
    ['endPort without port', untyped({ ingress: [{ ports: [{ endPort: 90 }] }] }), /endPort 90 without port/],
    [
      'endPort below port',
      untyped({ ingress: [{ ports: [{ port: 90, endPort: 80 }] }] }),
      /endPort is 80: expected an integer from 90/,
    ],
    [
      'endPort with a named port',
      untyped({ ingress: [{ ports: [{ port: 'http', endPort: 80 }] }] }),
      /endPort with the named port "http"/,
    ],
    [
      'a quoted number as port',
      untyped({ ingress: [{ ports: [{ port: '443' }] }] }),
      /port is string "443": expected a port number \(unquoted\)/,
    ],
    ['port 0', untyped({ ingress: [{ ports: [{ port: 0 }] }] }), /port is 0: expected an integer from 1 to 65535/],
    [
      'an unknown policyType',
      untyped({ policyTypes: ['ingress'] }),
      /spec\.policyTypes\[0\] is "ingress": expected Ingress or Egress/,
    ],
    ['a missing spec', untyped(undefined), /NetworkPolicy apps\/bad has spec nothing/],
    [
      'a wrong kind',
      { ...policy('x', {}), kind: 'Service' } as unknown as NetworkPolicyManifest,
      /has apiVersion "networking\.k8s\.io\/v1" and kind "Service"/,
    ],
  ])('fails on %s', (_name, manifest, message) => {
    expect(() => new NetworkPolicyEvaluator([manifest])).toThrow(message);
  });

  test('fails on duplicate policies, duplicate namespaces and a contradicting namespace name label', () => {
    expect(() => new NetworkPolicyEvaluator([policy('p', {}), policy('p', {})])).toThrow(
      /NetworkPolicy apps\/p is given twice/,
    );
    expect(() => new NetworkPolicyEvaluator([policy('p', {}), policy('p', {}, 'other')])).not.toThrow();
    expect(() => new NetworkPolicyEvaluator([], [{ name: 'a' }, { name: 'a' }])).toThrow(
      /namespace "a" is given twice/,
    );
    expect(
      () => new NetworkPolicyEvaluator([], [{ name: 'a', labels: { 'kubernetes.io/metadata.name': 'b' } }]),
    ).toThrow(/namespace "a" has label kubernetes\.io\/metadata\.name=b: expected a/);
  });

  test('fails on a bad IP, port or protocol in a query', () => {
    const evaluator = new NetworkPolicyEvaluator([]);
    expect(() => evaluator.egress(web, { ip: '10.0.0.256' }, 80)).toThrow(
      /egress destination ip is "10\.0\.0\.256": expected an IPv4 or IPv6 address/,
    );
    expect(() => evaluator.egress(web, { ip: '10.0.0.0/8' }, 80)).toThrow(/egress destination ip/);
    expect(() => evaluator.ingress(web, { ip: '10.0.0.1' }, 0)).toThrow(
      /port is 0: expected an integer from 1 to 65535/,
    );
    expect(() => evaluator.ingress(web, { ip: '10.0.0.1' }, 80.5)).toThrow(/port is 80\.5/);
    expect(() => evaluator.ingress(web, { ip: '10.0.0.1' }, 80, 'tcp' as 'TCP')).toThrow(/protocol is "tcp"/);
    expect(() => evaluator.connect(web, { pod: { labels: {} } as unknown as PodIdentity }, 80)).toThrow(
      /egress destination pod is/,
    );
  });
});

/**
 * lolice `argoproj/openclaw/networkpolicy.yaml` as of 2026-02-20 (facts: docs/FACTS.md (lolice and arch)),
 * namespace set by the kustomization.
 */
const privateV4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'];
const privateV6 = ['fc00::/7', 'fe80::/10'];
const gatewayLabels = { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' };
const dnsRule = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
} as const;
const internet = (
  ports: NonNullable<NetworkPolicySpec['egress']>[number]['ports'],
): NonNullable<NetworkPolicySpec['egress']> => [
  { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: privateV4 } }], ports },
  { to: [{ ipBlock: { cidr: '::/0', except: privateV6 } }], ports },
];
const loliceOpenclawPolicies: NetworkPolicyManifest[] = [
  policy(
    'openclaw-network',
    {
      podSelector: { matchLabels: gatewayLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: 'cloudflared' } } }],
          ports: [
            { protocol: 'TCP', port: 18789 },
            { protocol: 'TCP', port: 8080 },
          ],
        },
      ],
      egress: [
        dnsRule,
        { to: [{ podSelector: { matchLabels: { app: 'litellm' } } }], ports: [{ protocol: 'TCP', port: 4000 }] },
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 9090 }],
        },
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 3000 }],
        },
        ...internet([
          { protocol: 'TCP', port: 80 },
          { protocol: 'TCP', port: 443 },
        ]),
      ],
    },
    'openclaw',
  ),
  policy(
    'litellm-network',
    {
      podSelector: { matchLabels: { app: 'litellm' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: gatewayLabels } }], ports: [{ protocol: 'TCP', port: 4000 }] }],
      egress: [dnsRule, ...internet([{ protocol: 'TCP', port: 443 }])],
    },
    'openclaw',
  ),
  policy(
    'cloudflared-network',
    {
      podSelector: { matchLabels: { app: 'cloudflared' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [
        dnsRule,
        {
          to: [{ podSelector: { matchLabels: gatewayLabels } }],
          ports: [
            { protocol: 'TCP', port: 18789 },
            { protocol: 'TCP', port: 8080 },
          ],
        },
        ...internet([
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 7844 },
          { protocol: 'UDP', port: 7844 },
        ]),
      ],
    },
    'openclaw',
  ),
];

describe('lolice openclaw NetworkPolicies (2026-02-20)', () => {
  const evaluator = new NetworkPolicyEvaluator(loliceOpenclawPolicies, [
    { name: 'openclaw', labels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/managed-by': 'argocd' } },
    { name: 'kube-system' },
    { name: 'monitoring' },
  ]);
  const gateway = pod('openclaw', gatewayLabels, { name: 'openclaw' });
  const litellm = pod(
    'openclaw',
    { app: 'litellm', 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'litellm' },
    { name: 'litellm' },
  );
  const cloudflared = pod(
    'openclaw',
    { app: 'cloudflared', 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'cloudflared' },
    { name: 'cloudflared' },
  );
  const coredns = pod('kube-system', { 'k8s-app': 'kube-dns' }, { name: 'coredns' });

  test('the fixture is schema-valid Kubernetes NetworkPolicy JSON', () => {
    // kubernetes-models' base types do not resolve under moduleResolution "node"; validate() exists at runtime.
    const validate = (manifest: unknown): void =>
      (new NetworkPolicy(manifest as never) as unknown as { validate(): void }).validate();
    for (const manifest of loliceOpenclawPolicies) {
      expect(() => validate(JSON.parse(JSON.stringify(manifest)))).not.toThrow();
    }
    expect(() => validate({ metadata: { name: 'x' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } })).toThrow(
      /policyTypes/,
    );
  });

  test('the gateway may resolve DNS in kube-system over UDP and TCP 53, and nothing else there', () => {
    expect(evaluator.connect(gateway, { pod: coredns }, 53, 'UDP').allowed).toBe(true);
    expect(evaluator.connect(gateway, { pod: coredns }, 53, 'TCP').allowed).toBe(true);
    expect(evaluator.connect(gateway, { pod: coredns }, 443).allowed).toBe(false);
  });

  test('the gateway may reach the internet on TCP 80/443 over IPv4 and IPv6', () => {
    const verdict = evaluator.connect(gateway, { ip: '8.8.8.8' }, 443);
    expect(verdict).toMatchObject({ allowed: true, policies: ['openclaw/openclaw-network'] });
    expect(verdict.reason).toContain('openclaw/openclaw-network egress[4]');
    expect(evaluator.connect(gateway, { ip: '2001:4860:4860::8888' }, 443).allowed).toBe(true);
    expect(evaluator.connect(gateway, { ip: '1.1.1.1' }, 80).allowed).toBe(true);
  });

  test('the gateway may not reach private, link-local or metadata addresses', () => {
    for (const [ip, port] of [
      ['10.1.2.3', 443],
      ['172.16.0.1', 443],
      ['192.168.10.88', 443],
      ['169.254.169.254', 80],
      ['fd00::1', 443],
      ['fe80::1', 80],
    ] as const) {
      const verdict = evaluator.connect(gateway, { ip }, port);
      expect({ ip, allowed: verdict.allowed }).toEqual({ ip, allowed: false });
      expect(verdict.policies).toEqual(['openclaw/openclaw-network']);
    }
  });

  test('the gateway may not use other ports or protocols to the internet', () => {
    expect(evaluator.connect(gateway, { ip: '8.8.8.8' }, 22).allowed).toBe(false);
    expect(evaluator.connect(gateway, { ip: '8.8.8.8' }, 443, 'UDP').allowed).toBe(false);
  });

  test('the gateway reaches litellm, Prometheus and Grafana, but not look-alike pods in other namespaces', () => {
    expect(evaluator.connect(gateway, { pod: litellm }, 4000).allowed).toBe(true);
    expect(
      evaluator.connect(gateway, { pod: pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' }) }, 9090).allowed,
    ).toBe(true);
    expect(
      evaluator.connect(gateway, { pod: pod('monitoring', { 'app.kubernetes.io/name': 'grafana' }) }, 3000).allowed,
    ).toBe(true);
    expect(evaluator.connect(gateway, { pod: pod('default', { app: 'litellm' }) }, 4000).allowed).toBe(false);
    expect(
      evaluator.connect(gateway, { pod: pod('sandbox', { 'app.kubernetes.io/name': 'prometheus' }) }, 9090).allowed,
    ).toBe(false);
    expect(
      evaluator.connect(gateway, { pod: pod('monitoring', { 'app.kubernetes.io/name': 'loki' }) }, 3100).allowed,
    ).toBe(false);
  });

  test('a call back to the gateway itself is blocked (the policy of that day has no egress rule for it)', () => {
    expect(evaluator.connect(gateway, { pod: gateway }, 18789).allowed).toBe(false);
  });

  test('ingress to the gateway is allowed from cloudflared on 18789/8080 and denied from litellm and elsewhere', () => {
    const fromCloudflared = evaluator.ingress(gateway, { pod: cloudflared }, 18789);
    expect(fromCloudflared).toMatchObject({ allowed: true, policies: ['openclaw/openclaw-network'] });
    expect(evaluator.connect(cloudflared, { pod: gateway }, 18789).allowed).toBe(true);
    expect(evaluator.connect(cloudflared, { pod: gateway }, 8080).allowed).toBe(true);
    expect(evaluator.ingress(gateway, { pod: cloudflared }, 9090).allowed).toBe(false);
    const fromLitellm = evaluator.ingress(gateway, { pod: litellm }, 18789);
    expect(fromLitellm.allowed).toBe(false);
    expect(fromLitellm.policies).toEqual(['openclaw/openclaw-network']);
    expect(evaluator.ingress(gateway, { pod: pod('other', { app: 'cloudflared' }) }, 18789).allowed).toBe(false);
    expect(evaluator.ingress(gateway, { ip: '8.8.8.8' }, 18789).allowed).toBe(false);
  });

  test('cloudflared admits no ingress at all, and litellm admits only the gateway', () => {
    expect(evaluator.connect(gateway, { pod: cloudflared }, 18789).allowed).toBe(false);
    expect(evaluator.connect(cloudflared, { pod: litellm }, 4000).allowed).toBe(false);
    expect(evaluator.ingress(litellm, { pod: gateway }, 4000).allowed).toBe(true);
  });
});
