/**
 * networkProblems on its own: URL env vars must be literal, one table entry per Service, and a
 * Service-looking host with an impossible name is a typo. Whole messages.
 */
import type { GatewayNetworkConfig } from '../../lib/endpoints/network-peers';
import { networkProblems, networkSchema } from '../../lib/network/network-config-section';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { type SecretDeclaration, SecretValueOwner } from '../../lib/secrets/secret-declaration';

const TOKEN: SecretDeclaration = {
  key: 'GRAFANA_TOKEN',
  secretName: 'openclaw',
  parameterName: '/x/GRAFANA_TOKEN',
  owner: SecretValueOwner.EXISTING,
  description: 'a token',
  envVars: ['GRAFANA_TOKEN', 'GRAFANA_URL_SECRET'],
};

function problems(
  network: GatewayNetworkConfig | undefined,
  literalEnv: { name: string; value: string }[] = [],
  document: object = {},
) {
  return networkProblems({ network, secrets: [TOKEN], literalEnv, document: document as OpenClawConfigDocument });
}

describe('URL env vars', () => {
  test('a name that comes from a Secret, and a name that is not there at all', () => {
    expect(
      problems({ urlEnvVars: ['GRAFANA_URL_SECRET', 'NOPE', 'OK_URL'] }, [
        { name: 'OK_URL', value: 'https://ok.example.com' },
        { name: 'A', value: 'x' },
      ]),
    ).toEqual([
      {
        rule: 'url-env-var-defined',
        object: 'config.network.urlEnvVars[0] (GRAFANA_URL_SECRET)',
        message:
          'names an env var that comes from a Secret, expected a literal env var whose URL can be read at synth: ' +
          'no egress rule can be derived; make the URL a gatewayLiteralEnv entry or remove GRAFANA_URL_SECRET from urlEnvVars',
      },
      {
        rule: 'url-env-var-defined',
        object: 'config.network.urlEnvVars[1] (NOPE)',
        message:
          'names no env var of container openclaw (literal env: A, OK_URL), expected a literal env var holding a URL ' +
          '(its egress rule would be silently dropped): add NOPE to gatewayLiteralEnv or fix the name',
      },
    ]);
    expect(problems({ urlEnvVars: ['NOPE'] })[0]?.message).toContain('(literal env: none)');
  });

  test('no network section and no URL env vars: nothing to report', () => {
    expect(problems(undefined)).toEqual([]);
    expect(problems({})).toEqual([]);
  });
});

describe('the Service table', () => {
  const service = (name: string, namespace: string) => ({
    name,
    namespace,
    podLabels: { app: name },
    ports: [{ port: 80, targetPort: 80 }],
    description: name,
  });

  test('a Service listed twice is reported at its second entry, once per repeat', () => {
    expect(
      problems({
        clusterServices: [
          service('a', 'x'),
          service('a', 'y'),
          service('a', 'x'),
          service('b', 'x'),
          service('a', 'x'),
        ],
      }),
    ).toEqual([
      {
        rule: 'service-table-unique',
        object: 'config.network.clusterServices[2] (a.x)',
        message: 'is listed twice, expected one entry per Service (only the first would be used): merge the entries',
      },
      {
        rule: 'service-table-unique',
        object: 'config.network.clusterServices[4] (a.x)',
        message: 'is listed twice, expected one entry per Service (only the first would be used): merge the entries',
      },
    ]);
  });
});

describe('Service-looking hosts', () => {
  const label = (what: string, suggestion: string) =>
    `expected ${what} that is an RFC 1123 label (at most 63 lowercase letters, digits and "-", starting and ` +
    `ending alphanumeric): rename it, e.g. "${suggestion}"`;

  test('a namespace or Service name no Service can have, in provider URLs, the OTLP endpoint and URL env vars', () => {
    expect(
      problems(
        { urlEnvVars: ['GRAFANA_URL'] },
        [{ name: 'GRAFANA_URL', value: 'http://grafana.mon_itoring.svc:3000' }],
        {
          models: { providers: { p: { baseUrl: 'http://lite_llm.openclaw.svc.cluster.local:4000' }, q: {} } },
          diagnostics: { otel: { endpoint: 'http://prom.-bad.svc:9090' } },
        },
      ),
    ).toEqual([
      {
        rule: 'service-host-name',
        object: 'config.openclawConfig.models.providers.p.baseUrl',
        message:
          'host "lite_llm.openclaw.svc.cluster.local" has Service name "lite_llm", which no Service can have (' +
          `${label('a Service name', 'lite-llm')}); fix the host in the URL — adding it to the service table would not help`,
      },
      {
        rule: 'service-host-name',
        object: 'config.openclawConfig.diagnostics.otel.endpoint',
        message:
          'host "prom.-bad.svc" has namespace "-bad", which no Service can have (' +
          `${label('a namespace', 'bad')}); fix the host in the URL — adding it to the service table would not help`,
      },
      {
        rule: 'service-host-name',
        object: 'env GRAFANA_URL',
        message:
          'host "grafana.mon_itoring.svc" has namespace "mon_itoring", which no Service can have (' +
          `${label('a namespace', 'mon-itoring')}); fix the host in the URL — adding it to the service table would not help`,
      },
    ]);
  });

  test('only hosts of the form <service>.<namespace>.svc[.<cluster domain>] are checked', () => {
    const env = (value: string) => [{ name: 'GRAFANA_URL', value }];
    expect(problems(undefined, env('http://a_b.c_d'))).toEqual([]);
    expect(problems(undefined, env('http://a_b.c_d.svc.other.local'))).toEqual([]);
    expect(problems(undefined, env('http://a_b.c_d.svc.cluster.local.'))).toHaveLength(1);
    expect(problems({ clusterDomain: 'corp.lan' }, env('http://a_b.c.svc.corp.lan'))).toHaveLength(1);
    expect(problems({ clusterDomain: 'corp.lan' }, env('http://a_b.c.svc.cluster.local'))).toEqual([]);
    expect(problems(undefined, env('not a url'))).toEqual([]);
    expect(problems(undefined, env('http://grafana.monitoring.svc:3000'))).toEqual([]);
    expect(problems({ urlEnvVars: [] }, env('http://a_b.c.svc'))).toEqual([]);
  });

  test('a provider without settings and diagnostics without otel are skipped', () => {
    expect(problems(undefined, [], { models: { providers: { p: null } }, diagnostics: { enabled: true } })).toEqual([]);
  });

  test('a URL with surrounding whitespace is reported instead of checked', () => {
    expect(problems(undefined, [{ name: 'GRAFANA_URL', value: ' http://a_b.c.svc ' }])).toEqual([
      {
        rule: 'normalised-value',
        object: 'env GRAFANA_URL',
        message:
          'received a URL with whitespace at the start or end, expected none: the egress rule is derived from the ' +
          'trimmed URL but the value is written as is; remove the whitespace',
      },
    ]);
  });
});

describe('networkSchema', () => {
  test('empty port lists are refused with the reason', () => {
    const ports = networkSchema.safeParse({ externalEgressPorts: [] });
    expect(ports.success).toBe(false);
    expect(ports.error?.issues.map((i) => i.message).join('\n')).toContain(
      'received an empty port list, expected at least one TCP port: a NetworkPolicy rule without ports opens every ' +
        'port to 0.0.0.0/0 and ::/0; list the ports (e.g. [80, 443]), or omit the field for the default',
    );
    const services = networkSchema.safeParse({
      clusterServices: [{ name: 'a', namespace: 'b', podLabels: { app: 'a' }, ports: [], description: '' }],
    });
    expect(services.success).toBe(false);
    expect(services.error?.issues.map((i) => i.message).join('\n')).toContain(
      'received an empty port list, expected at least one {port, targetPort}: a NetworkPolicy rule without ports ' +
        'allows every port; list the ports the Service exposes',
    );
  });

  test('Service names and the cluster domain: the name rule, then the whitespace rule, each with its rule id', () => {
    const issues = (input: object) =>
      networkSchema
        .safeParse(input)
        .error?.issues.map((i) => [i.path.join('.'), i.message, (i as { params?: unknown }).params]);
    const service = (name: string) => ({
      clusterServices: [
        { name, namespace: 'b', podLabels: { app: 'a' }, ports: [{ port: 1, targetPort: 2 }], description: '' },
      ],
    });
    expect(issues(service('Bad_Name'))).toEqual([
      [
        'clusterServices.0.name',
        'received "Bad_Name", expected a Service name that is an RFC 1035 label (at most 63 lowercase letters, ' +
          'digits and "-", starting with a letter): rename it, e.g. "bad-name"',
        { rule: 'k8s-name' },
      ],
    ]);
    expect(issues(service(' a'))).toEqual([
      [
        'clusterServices.0.name',
        'received " a" with whitespace at the start or end, expected a Service name without it (it would be ' +
          'checked trimmed but written as is): remove the whitespace',
        { rule: 'k8s-name' },
      ],
    ]);
    expect(issues({ clusterDomain: 'Cluster..local' })).toEqual([
      [
        'clusterDomain',
        'received "Cluster..local", expected a cluster domain that is an RFC 1123 subdomain (at most 253 lowercase ' +
          'letters, digits, "-" and ".", each part starting and ending alphanumeric): rename it, e.g. "cluster-local"',
        { rule: 'k8s-name' },
      ],
    ]);
    expect(issues({ clusterDomain: ' cluster.local' })).toEqual([
      [
        'clusterDomain',
        'received " cluster.local" with whitespace at the start or end, expected a cluster domain without it (it ' +
          'would be checked trimmed but written as is): remove the whitespace',
        { rule: 'k8s-name' },
      ],
    ]);
    expect(issues({ externalEgressPorts: [] })?.[0]?.[2]).toEqual({ rule: 'egress-ports-nonempty' });
    expect(issues({ clusterServices: [{ ...service('a').clusterServices[0], ports: [] }] })?.[0]?.[2]).toEqual({
      rule: 'service-ports-nonempty',
    });
    expect(issues({ ingress: 'cloudflared', clusterDomain: 'corp.lan', ...service('a') })).toBeUndefined();
  });

  test('a whole section parses', () => {
    expect(
      networkSchema.safeParse({
        clusterServices: [
          { name: 'a', namespace: 'b', podLabels: { app: 'a' }, ports: [{ port: 1, targetPort: 2 }], description: '' },
        ],
        litellmPolicy: false,
        ingress: 'none',
        clusterDomain: 'cluster.local',
        externalEgressPorts: [443],
        urlEnvVars: ['GRAFANA_URL'],
      }).success,
    ).toBe(true);
    expect(networkSchema.safeParse({ ingress: 'all' }).success).toBe(false);
    expect(networkSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});
