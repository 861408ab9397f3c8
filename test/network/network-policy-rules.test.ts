/**
 * OpenClawNetworkPolicies on its own (no app): every rule, its comment and every synth problem,
 * for inputs the default graph does not have (cron webhook ports and receivers, no LiteLLM policy,
 * no ingress, a missing LiteLLM Service, bad ports).
 */
import { Testing } from 'cdk8s';
import type { ClusterServiceEntry } from '../../lib/endpoints/network-peers';
import { manifestComments } from '../../lib/files/yaml-comments';
import {
  OpenClawNetworkPolicies,
  type OpenClawNetworkPoliciesProps,
} from '../../lib/network/openclaw-network-policies';

const SERVICES: readonly ClusterServiceEntry[] = [
  {
    name: 'litellm',
    namespace: 'apps',
    podLabels: { app: 'litellm' },
    ports: [
      { port: 80, targetPort: 4000 },
      { port: 81, targetPort: 4001 },
      { port: 82, targetPort: 4000 },
    ],
    description: 'the LiteLLM proxy',
  },
  {
    name: 'grafana',
    namespace: 'monitoring',
    podLabels: { 'app.kubernetes.io/name': 'grafana' },
    ports: [{ port: 3000, targetPort: 3001 }],
    description: 'Grafana',
  },
];

const DNS = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};
const IPV4 = {
  ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'] },
};
const IPV6 = { ipBlock: { cidr: '::/0', except: ['fc00::/7', 'fe80::/10'] } };
const tcp = (...ports: number[]) => ports.map((port) => ({ protocol: 'TCP', port }));
const dnsWhy = (who: string): string =>
  `cluster DNS (CoreDNS in kube-system) for ${who}, UDP and TCP 53. With NodeLocal DNS add an ipBlock ` +
  '169.254.20.10/32 peer here (169.254.0.0/16 is excepted from internet egress).';

function build(props: Partial<OpenClawNetworkPoliciesProps> = {}): OpenClawNetworkPolicies {
  return new OpenClawNetworkPolicies(Testing.chart(), 'NetworkPolicies', {
    namespace: 'apps',
    gatewayEndpoints: [],
    services: SERVICES,
    ...props,
  });
}

const problems = (policies: OpenClawNetworkPolicies): string[] => policies.node.validate();
const comments = (policy: { toJson(): unknown } | undefined): Record<string, string> =>
  Object.fromEntries(manifestComments(policy as never).map((c) => [c.path.join('.'), c.text]));

describe('the gateway policy', () => {
  test('with nothing to call: DNS, the internet on 80 and 443, ingress from cloudflared on the gateway port', () => {
    const policies = build();
    expect(problems(policies)).toEqual([]);
    expect(policies.gatewayExternalEgressPorts).toEqual([80, 443]);
    expect(policies.gateway.toJson()).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'openclaw-network', namespace: 'apps' },
      spec: {
        podSelector: {
          matchLabels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' },
        },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'cloudflared' } } }], ports: tcp(18789) }],
        egress: [DNS, { to: [IPV4], ports: tcp(80, 443) }, { to: [IPV6], ports: tcp(80, 443) }],
      },
    });
    expect(comments(policies.gateway)).toEqual({
      '':
        'openclaw-network: the gateway pod. Ingress only from cloudflared; egress to DNS, the in-cluster Services ' +
        'its config names, the internet on the open ports, and declared cron webhook receivers.',
      'spec.ingress.0':
        'only cloudflared (the Cloudflare tunnel) reaches the gateway (18789); nothing else may connect.',
      'spec.egress.0': dnsWhy('the gateway'),
      'spec.egress.1':
        'IPv4 web egress on TCP 80, 443 (model APIs, Discord, Telegram, GitHub, git clones). RFC 1918 and ' +
        'link-local (incl. the cloud metadata address 169.254.169.254) stay closed.',
      'spec.egress.2':
        'IPv6 web egress on TCP 80, 443 (model APIs, Discord, Telegram, GitHub, git clones). Unique local ' +
        '(fc00::/7) and link-local (fe80::/10) stay closed.',
    });
  });

  test('Services: one rule per Service in first-use order, target ports sorted and unique, a namespace selector across namespaces', () => {
    const policies = build({
      gatewayEndpoints: [
        { purpose: 'env GRAFANA_URL', url: 'http://grafana.monitoring.svc:3000' },
        { purpose: 'models.providers.a.baseUrl', url: 'http://litellm:81/v1' },
        { purpose: 'models.providers.b.baseUrl', url: 'http://litellm.apps.svc.cluster.local:80' },
        { purpose: 'models.providers.c.baseUrl', url: 'http://litellm:82' },
        { purpose: 'models.providers.c.baseUrl', url: 'http://litellm:82' },
      ],
    });
    expect(problems(policies)).toEqual([]);
    const egress = (policies.gateway.toJson() as { spec: { egress: unknown[] } }).spec.egress;
    expect(egress.slice(1, 3)).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana' } },
          },
        ],
        ports: tcp(3001),
      },
      { to: [{ podSelector: { matchLabels: { app: 'litellm' } } }], ports: tcp(4000, 4001) },
    ]);
    const why = comments(policies.gateway);
    expect(why['spec.egress.1']).toBe(
      'Grafana, Service grafana.monitoring; derived from env GRAFANA_URL http://grafana.monitoring.svc:3000. ' +
        'Namespace AND pod selector in one peer; the monitoring side must also allow ingress from the gateway.',
    );
    expect(why['spec.egress.2']).toBe(
      'the LiteLLM proxy, Service litellm.apps; derived from models.providers.a.baseUrl http://litellm:81/v1; ' +
        'models.providers.b.baseUrl http://litellm.apps.svc.cluster.local:80; models.providers.c.baseUrl http://litellm:82.',
    );
  });

  test('internet endpoints are named in the internet comments; loopback adds nothing', () => {
    const policies = build({
      gatewayEndpoints: [
        { purpose: 'models.providers.x.baseUrl', url: 'https://api.example.com/v1' },
        { purpose: 'env LOCAL', url: 'http://localhost:9000' },
      ],
    });
    expect(problems(policies)).toEqual([]);
    const why = comments(policies.gateway);
    expect(why['spec.egress.1']).toBe(
      'IPv4 web egress on TCP 80, 443 (model APIs, Discord, Telegram, GitHub, git clones; ' +
        'models.providers.x.baseUrl https://api.example.com/v1). RFC 1918 and link-local (incl. the cloud ' +
        'metadata address 169.254.169.254) stay closed.',
    );
    expect((policies.gateway.toJson() as { spec: { egress: unknown[] } }).spec.egress).toHaveLength(3);
  });

  test('an endpoint that cannot be mapped and an internet port that is not open are synth problems, the rest is still written', () => {
    const policies = build({
      externalEgressPorts: [443],
      gatewayEndpoints: [
        { purpose: 'env A', url: 'not a url' },
        { purpose: 'env B', url: 'https://api.example.com:8443/x' },
        { purpose: 'env C', url: 'https://api.example.com/ok' },
      ],
    });
    expect(problems(policies)).toEqual([
      'openclaw-network: env A "not a url" is not a URL: expected an absolute http(s) URL such as "http://grafana.monitoring.svc:3000"',
      'openclaw-network: env B "https://api.example.com:8443/x" is on the internet at port 8443, which the gateway ' +
        'may not open (open: 443): serve it on an open port or add 8443 to network.externalEgressPorts in the config',
    ]);
    expect(policies.gatewayExternalEgressPorts).toEqual([443]);
  });

  test('cron webhooks: a covered port is named in the internet comments, another port gets its own rule, receivers theirs', () => {
    const policies = build({
      externalEgressPorts: [443, 80, 443],
      webhookEgress: [
        { kind: 'external', host: 'hooks.example.com', port: 443, jobName: 'daily' },
        { kind: 'external', host: 'rx.example.com', port: 8443, jobName: 'weekly' },
        { kind: 'external', host: 'rx.example.com', port: 8443, jobName: 'weekly' },
        { kind: 'external', host: 'other.example.com', port: 8443, jobName: 'monthly' },
        { kind: 'external', host: 'rx.example.com', port: 2000, jobName: 'hourly' },
        { kind: 'in-cluster', namespace: 'obs', podLabels: { b: '2', a: '1' }, port: 9000, jobName: 'r1' },
        { kind: 'in-cluster', namespace: 'obs', podLabels: { a: '1', b: '2' }, port: 8000, jobName: 'r2' },
        { kind: 'in-cluster', namespace: 'obs', podLabels: { a: '1', b: '2' }, port: 8000, jobName: 'r2' },
        { kind: 'in-cluster', namespace: 'apps', podLabels: { app: 'rx' }, port: 7000, jobName: 'r3' },
      ],
    });
    expect(problems(policies)).toEqual([]);
    expect(policies.gatewayExternalEgressPorts).toEqual([80, 443, 2000, 8443]);
    const egress = (policies.gateway.toJson() as { spec: { egress: unknown[] } }).spec.egress;
    expect(egress.slice(1)).toEqual([
      { to: [IPV4], ports: tcp(80, 443) },
      { to: [IPV6], ports: tcp(80, 443) },
      { to: [IPV4, IPV6], ports: tcp(2000) },
      { to: [IPV4, IPV6], ports: tcp(8443) },
      { to: [{ podSelector: { matchLabels: { app: 'rx' } } }], ports: tcp(7000) },
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'obs' } },
            podSelector: { matchLabels: { b: '2', a: '1' } },
          },
        ],
        ports: tcp(8000, 9000),
      },
    ]);
    const why = comments(policies.gateway);
    expect(why['spec.egress.2']).toBe(
      'IPv6 web egress on TCP 80, 443 (model APIs, Discord, Telegram, GitHub, git clones; cron job "daily" webhook ' +
        'to hooks.example.com:443). Unique local (fc00::/7) and link-local (fe80::/10) stay closed.',
    );
    expect(why['spec.egress.3']).toBe(
      'cron webhook delivery on TCP 2000 for job "hourly" (rx.example.com); NetworkPolicies cannot match host ' +
        'names, so the port opens to the whole internet minus the private ranges.',
    );
    expect(why['spec.egress.4']).toBe(
      'cron webhook delivery on TCP 8443 for job "weekly" (rx.example.com), "monthly" (other.example.com); ' +
        'NetworkPolicies cannot match host names, so the port opens to the whole internet minus the private ranges.',
    );
    expect(why['spec.egress.5']).toBe(
      'in-cluster cron webhook receiver in namespace apps for job "r3" (allowed only before OpenClaw 2026.2.19, ' +
        'whose SSRF guard drops POSTs to private targets).',
    );
    expect(why['spec.egress.6']).toBe(
      'in-cluster cron webhook receiver in namespace obs for job "r1", "r2" (allowed only before OpenClaw ' +
        '2026.2.19, whose SSRF guard drops POSTs to private targets).',
    );
  });

  test('every open port and every use is listed; receivers with other labels get their own rule', () => {
    const policies = build({
      gatewayEndpoints: [
        { purpose: 'env A', url: 'https://a.example.com' },
        { purpose: 'env B', url: 'http://b.example.com:8080' },
      ],
      webhookEgress: [
        { kind: 'external', host: 'hooks.example.com', port: 80, jobName: 'daily' },
        { kind: 'in-cluster', namespace: 'obs', podLabels: { app: 'one' }, port: 9000, jobName: 'r1' },
        { kind: 'in-cluster', namespace: 'obs', podLabels: { app: 'two' }, port: 9000, jobName: 'r2' },
      ],
    });
    expect(problems(policies)).toEqual([
      'openclaw-network: env B "http://b.example.com:8080" is on the internet at port 8080, which the gateway may ' +
        'not open (open: 80, 443): serve it on an open port or add 8080 to network.externalEgressPorts in the config',
    ]);
    const why = comments(policies.gateway);
    expect(why['spec.egress.1']).toBe(
      'IPv4 web egress on TCP 80, 443 (model APIs, Discord, Telegram, GitHub, git clones; env A https://a.example.com; ' +
        'env B http://b.example.com:8080; cron job "daily" webhook to hooks.example.com:80). RFC 1918 and link-local ' +
        '(incl. the cloud metadata address 169.254.169.254) stay closed.',
    );
    const egress = (policies.gateway.toJson() as { spec: { egress: unknown[] } }).spec.egress;
    expect(egress.slice(3)).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'obs' } },
            podSelector: { matchLabels: { app: 'one' } },
          },
        ],
        ports: tcp(9000),
      },
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'obs' } },
            podSelector: { matchLabels: { app: 'two' } },
          },
        ],
        ports: tcp(9000),
      },
    ]);
  });

  test('no ingress: no ingress rule and no cloudflared policy', () => {
    const policies = build({ ingress: 'none' });
    expect(policies.cloudflared).toBeUndefined();
    expect((policies.gateway.toJson() as { spec: { ingress: unknown[] } }).spec.ingress).toEqual([]);
    expect(comments(policies.gateway)['']).toBe(
      'openclaw-network: the gateway pod. No ingress; egress to DNS, the in-cluster Services its config names, ' +
        'the internet on the open ports, and declared cron webhook receivers.',
    );
  });

  test('pod ports: each one opened to cloudflared and named', () => {
    const podPorts = [
      { name: 'gateway', port: 18789 },
      { name: 'board', port: 8080 },
    ];
    const policies = build({ podPorts });
    expect((policies.gateway.toJson() as { spec: { ingress: unknown[] } }).spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'cloudflared' } } }], ports: tcp(18789, 8080) },
    ]);
    expect(comments(policies.gateway)['spec.ingress.0']).toBe(
      'only cloudflared (the Cloudflare tunnel) reaches the gateway (18789) and the board (8080); nothing else may connect.',
    );
    expect(comments(policies.cloudflared)['spec.egress.1']).toBe(
      'the tunnel forwards to the gateway (18789) and the board (8080).',
    );
  });

  test.each([0, 65536, 1.5, -443, Number.NaN])('refuses the external egress port %s', (port) => {
    expect(() => build({ externalEgressPorts: [443, port] })).toThrow(
      new Error(
        `externalEgressPorts contains ${String(port)}: expected TCP port numbers from 1 to 65535; ` +
          'fix network.externalEgressPorts in the config',
      ),
    );
  });

  test('ports 1 and 65535 are accepted', () => {
    expect(build({ externalEgressPorts: [65535, 1] }).gatewayExternalEgressPorts).toEqual([1, 65535]);
  });
});

describe('the LiteLLM policy', () => {
  test('ingress from the gateway on the Service target ports, egress DNS and HTTPS', () => {
    const policies = build();
    expect(policies.litellm?.toJson()).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'litellm-network', namespace: 'apps' },
      spec: {
        podSelector: { matchLabels: { app: 'litellm' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              {
                podSelector: {
                  matchLabels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' },
                },
              },
            ],
            ports: tcp(4000, 4001),
          },
        ],
        egress: [DNS, { to: [IPV4], ports: tcp(443) }, { to: [IPV6], ports: tcp(443) }],
      },
    });
    expect(comments(policies.litellm)).toEqual({
      '': 'litellm-network: the LiteLLM proxy. Ingress only from the gateway; egress to DNS and HTTPS on the internet.',
      'spec.ingress.0': 'only the OpenClaw gateway calls LiteLLM (port 4000, 4001).',
      'spec.egress.0': dnsWhy('LiteLLM'),
      'spec.egress.1':
        'IPv4 HTTPS to the model providers (Anthropic, Z.ai, Gemini, OpenAI); RFC 1918 and link-local stay closed.',
      'spec.egress.2': 'IPv6 HTTPS to the model providers; unique local and link-local stay closed.',
    });
  });

  test('without the litellm Service of the namespace: a synth problem, app=litellm and no ports', () => {
    const policies = build({ namespace: 'other' });
    expect(problems(policies)).toEqual([
      'litellm-network: Service litellm.other is not in the service table, so the LiteLLM pods and port are ' +
        'unknown: add it to network.clusterServices in the config',
    ]);
    const spec = (policies.litellm?.toJson() as { spec: { podSelector: unknown; ingress: { ports: unknown[] }[] } })
      .spec;
    expect(spec.podSelector).toEqual({ matchLabels: { app: 'litellm' } });
    expect(spec.ingress[0]?.ports).toEqual([]);
  });

  test('the LiteLLM Service is found by its name, not as the first Service of the namespace', () => {
    const other: ClusterServiceEntry = {
      name: 'api',
      namespace: 'apps',
      podLabels: { app: 'api' },
      ports: [{ port: 1, targetPort: 2 }],
      description: 'an API',
    };
    const policies = build({ services: [other, ...SERVICES] });
    expect((policies.litellm?.toJson() as { spec: { podSelector: unknown } }).spec.podSelector).toEqual({
      matchLabels: { app: 'litellm' },
    });
    expect(comments(policies.litellm)['spec.ingress.0']).toBe(
      'only the OpenClaw gateway calls LiteLLM (port 4000, 4001).',
    );
  });

  test('litellmPolicy false: no policy and no problem', () => {
    const policies = build({ namespace: 'other', litellmPolicy: false });
    expect(policies.litellm).toBeUndefined();
    expect(problems(policies)).toEqual([]);
  });
});

describe('the cloudflared policy', () => {
  test('no ingress; egress DNS, the gateway, and the Cloudflare edge on 443 and the tunnel port', () => {
    const policies = build();
    const edge = [
      { protocol: 'TCP', port: 443 },
      { protocol: 'TCP', port: 7844 },
      { protocol: 'UDP', port: 7844 },
    ];
    expect(policies.cloudflared?.toJson()).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'cloudflared-network', namespace: 'apps' },
      spec: {
        podSelector: { matchLabels: { app: 'cloudflared' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [
          DNS,
          {
            to: [
              {
                podSelector: {
                  matchLabels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' },
                },
              },
            ],
            ports: tcp(18789),
          },
          { to: [IPV4], ports: edge },
          { to: [IPV6], ports: edge },
        ],
      },
    });
    expect(comments(policies.cloudflared)).toEqual({
      '':
        'cloudflared-network: the Cloudflare tunnel connector. No ingress at all (ingress: [] denies everything); ' +
        'it only dials out.',
      'spec.egress.0': dnsWhy('cloudflared'),
      'spec.egress.1': 'the tunnel forwards to the gateway (18789).',
      'spec.egress.2':
        'IPv4 to the Cloudflare edge: API on TCP 443, tunnel on TCP/UDP 7844 (http2/QUIC); RFC 1918 and ' +
        'link-local stay closed.',
      'spec.egress.3': 'IPv6 to the Cloudflare edge on the same ports; unique local and link-local stay closed.',
    });
  });
});
