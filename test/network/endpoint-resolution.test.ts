/**
 * resolveEndpointEgress and collectGatewayEndpoints on their own: where each URL leads, and the
 * whole refusal for each URL that no rule can be derived for.
 */
import {
  collectGatewayEndpoints,
  type ClusterServiceEntry,
  DEFAULT_EXTERNAL_EGRESS_PORTS,
  DEFAULT_URL_ENV_VARS,
  INTERNET_IPV4_EXCEPT,
  INTERNET_IPV6_EXCEPT,
  resolveEndpointEgress,
  type ResolveEndpointOptions,
} from '../../lib/endpoints/network-peers';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';

const GRAFANA: ClusterServiceEntry = {
  name: 'grafana',
  namespace: 'monitoring',
  podLabels: { app: 'grafana' },
  ports: [
    { port: 3000, targetPort: 3001 },
    { port: 80, targetPort: 3002 },
  ],
  description: 'Grafana',
};
const LOCAL: ClusterServiceEntry = {
  name: 'api',
  namespace: 'apps',
  podLabels: { app: 'api' },
  ports: [{ port: 443, targetPort: 8443 }],
  description: 'an API',
};
const options: ResolveEndpointOptions = { purpose: 'env X', services: [GRAFANA, LOCAL], namespace: 'apps' };
const HOW_TO_ADD =
  'add {name, namespace, podLabels, ports, description} for it to network.clusterServices in the config';

describe('the defaults', () => {
  test('ports, excepted ranges and URL env vars', () => {
    expect(DEFAULT_EXTERNAL_EGRESS_PORTS).toEqual([80, 443]);
    expect(INTERNET_IPV4_EXCEPT).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']);
    expect(INTERNET_IPV6_EXCEPT).toEqual(['fc00::/7', 'fe80::/10']);
    expect(DEFAULT_URL_ENV_VARS).toEqual(['GRAFANA_URL']);
  });
});

describe('in-cluster Services', () => {
  test.each([
    ['http://grafana.monitoring.svc:3000/x', 3000, 3001],
    ['http://grafana.monitoring.svc.cluster.local:3000', 3000, 3001],
    ['http://GRAFANA.Monitoring.SVC.cluster.local.:3000', 3000, 3001],
    ['http://grafana.monitoring', 80, 3002],
    ['http://grafana.monitoring:3000', 3000, 3001],
  ])('%s → target port %i', (url, servicePort, targetPort) => {
    expect(resolveEndpointEgress(url, options)).toEqual({
      kind: 'cluster-service',
      url,
      service: GRAFANA,
      servicePort,
      targetPort,
    });
  });

  test('a single-label host is a Service of the caller namespace; https defaults to 443', () => {
    expect(resolveEndpointEgress('https://api/v1', options)).toEqual({
      kind: 'cluster-service',
      url: 'https://api/v1',
      service: LOCAL,
      servicePort: 443,
      targetPort: 8443,
    });
  });

  test('the cluster domain can be given, in any case', () => {
    const custom = { ...options, clusterDomain: 'Corp.Internal' };
    expect(resolveEndpointEgress('http://grafana.monitoring.svc.corp.internal:3000', custom).kind).toBe(
      'cluster-service',
    );
    expect(() => resolveEndpointEgress('http://grafana.monitoring.svc.cluster.local:3000', custom)).toThrow(
      new Error(
        'env X "http://grafana.monitoring.svc.cluster.local:3000" has host "grafana.monitoring.svc.cluster.local", ' +
          'which is not a Service name of the form <service>.<namespace>[.svc[.corp.internal]]: expected a Service DNS ' +
          `name or a public hostname; use the Service name and ${HOW_TO_ADD}`,
      ),
    );
  });

  test('a two-label host is a Service only when the table has it; otherwise it is on the internet', () => {
    expect(resolveEndpointEgress('http://grafana.other:3000', options)).toEqual({
      kind: 'external',
      url: 'http://grafana.other:3000',
      host: 'grafana.other',
      port: 3000,
    });
    expect(resolveEndpointEgress('http://example.com', options)).toEqual({
      kind: 'external',
      url: 'http://example.com',
      host: 'example.com',
      port: 80,
    });
  });

  test('a Service is found by name and namespace together', () => {
    expect(() => resolveEndpointEgress('http://grafana.other.svc:3000', options)).toThrow(
      /points at Service grafana in namespace other, which is not in the service table/,
    );
    expect(resolveEndpointEgress('http://loki.monitoring:3100', options)).toEqual({
      kind: 'external',
      url: 'http://loki.monitoring:3100',
      host: 'loki.monitoring',
      port: 3100,
    });
  });

  test('a Service missing from the table lists the known ones, sorted', () => {
    expect(() => resolveEndpointEgress('http://loki.monitoring.svc:3100', options)).toThrow(
      new Error(
        'env X "http://loki.monitoring.svc:3100" points at Service loki in namespace monitoring, which is not in the ' +
          `service table (known: api.apps, grafana.monitoring), so its pods and target port are unknown: ${HOW_TO_ADD}`,
      ),
    );
    expect(() => resolveEndpointEgress('http://x', { ...options, services: [] })).toThrow(
      new Error(
        'env X "http://x" points at Service x in namespace apps, which is not in the service table (known: none), ' +
          `so its pods and target port are unknown: ${HOW_TO_ADD}`,
      ),
    );
  });

  test('a port the Service does not list names the ports it has and the fix', () => {
    expect(() => resolveEndpointEgress('http://grafana.monitoring.svc:8080', options)).toThrow(
      new Error(
        'env X "http://grafana.monitoring.svc:8080" uses port 8080 of Service grafana.monitoring, which the service ' +
          "table does not list (ports: 3000, 80): fix the URL's port or add {port: 8080, targetPort} to that entry of " +
          'network.clusterServices',
      ),
    );
    const noPorts = { ...LOCAL, ports: [] };
    expect(() => resolveEndpointEgress('https://api', { ...options, services: [noPorts] })).toThrow(
      /which the service table does not list \(ports: none\)/,
    );
  });

  test.each(['http://a.b.local', 'http://metadata.google.internal', 'http://a.b.c.svc', 'http://x.svc'])(
    '%s looks in-cluster but is no Service name',
    (url) => {
      const host = new URL(url).hostname;
      expect(() => resolveEndpointEgress(url, options)).toThrow(
        new Error(
          `env X "${url}" has host "${host}", which is not a Service name of the form ` +
            '<service>.<namespace>[.svc[.cluster.local]]: expected a Service DNS name or a public hostname; use the ' +
            `Service name and ${HOW_TO_ADD}`,
        ),
      );
    },
  );
});

describe('URLs that are not http(s)', () => {
  test('not a URL, and another scheme', () => {
    expect(() => resolveEndpointEgress('grafana:3000', options)).toThrow(
      new Error('env X "grafana:3000" has scheme "grafana:": expected http:// or https:// to derive its egress rule'),
    );
    expect(() => resolveEndpointEgress('/relative', options)).toThrow(
      new Error(
        'env X "/relative" is not a URL: expected an absolute http(s) URL such as "http://grafana.monitoring.svc:3000"',
      ),
    );
  });
});

describe('loopback and address literals', () => {
  test.each([
    'http://localhost:8080',
    'http://LOCALHOST',
    'http://app.localhost',
    'http://127.0.0.1',
    'http://127.255.255.254:9',
    'http://[::1]:8080',
    'http://[::ffff:127.0.0.2]',
  ])('%s is the pod itself', (url) => {
    expect(resolveEndpointEgress(url, options)).toEqual({ kind: 'loopback', url });
  });

  test.each([
    ['http://128.0.0.1', '128.0.0.1', 80],
    ['https://[2001:db8::1]:8443', '2001:db8::1', 8443],
    ['https://[::2]', '::2', 443],
    ['http://[::ffff:8.8.8.8]', '::ffff:808:808', 80],
    ['http://172.32.0.1', '172.32.0.1', 80],
    ['http://169.255.0.1', '169.255.0.1', 80],
    ['http://[fe00::1]', 'fe00::1', 80],
  ])('%s is on the internet', (url, host, port) => {
    expect(resolveEndpointEgress(url, options)).toEqual({ kind: 'external', url, host, port });
  });

  test.each([
    ['http://10.1.2.3', '10.1.2.3', '10.0.0.0/8'],
    ['http://172.31.255.255', '172.31.255.255', '172.16.0.0/12'],
    ['http://192.168.0.1', '192.168.0.1', '192.168.0.0/16'],
    ['http://169.254.169.254', '169.254.169.254', '169.254.0.0/16'],
    ['http://[fd00::1]', 'fd00::1', 'fc00::/7'],
    ['http://[fe80::1]', 'fe80::1', 'fe80::/10'],
    ['http://[::ffff:192.168.1.1]', '192.168.1.1', '192.168.0.0/16'],
  ])('%s is a private address', (url, address, range) => {
    expect(() => resolveEndpointEgress(url, options)).toThrow(
      new Error(
        `env X "${url}" is the private address ${address} (inside ${range}, which the internet egress rules except), ` +
          `so no rule can be derived for it: address the Service by name and ${HOW_TO_ADD}`,
      ),
    );
  });
});

describe('collectGatewayEndpoints', () => {
  const document = (doc: object): OpenClawConfigDocument => doc as OpenClawConfigDocument;

  test('provider base URLs by id, the OTLP endpoint when export is on, then the URL env vars in order, trimmed', () => {
    expect(
      collectGatewayEndpoints({
        openclawConfig: document({
          models: {
            providers: {
              zeta: { baseUrl: ' https://z.example.com ' },
              alpha: { baseUrl: 'http://a.example.com' },
              blank: { baseUrl: '  ' },
              none: {},
              nothing: null,
            },
          },
          diagnostics: { enabled: true, otel: { enabled: true, endpoint: ' http://otel:4318 ' } },
        }),
        literalEnv: [
          { name: 'B_URL', value: 'http://b' },
          { name: 'A_URL', value: ' http://a ' },
          { name: 'EMPTY', value: ' ' },
          { name: 'GRAFANA_URL', value: 'http://g' },
        ],
        urlEnvVars: ['B_URL', 'A_URL', 'EMPTY', 'MISSING'],
      }),
    ).toEqual([
      { purpose: 'models.providers.alpha.baseUrl', url: 'http://a.example.com' },
      { purpose: 'models.providers.zeta.baseUrl', url: 'https://z.example.com' },
      { purpose: 'diagnostics.otel.endpoint (OTLP export)', url: 'http://otel:4318' },
      { purpose: 'env B_URL', url: 'http://b' },
      { purpose: 'env A_URL', url: 'http://a' },
    ]);
  });

  test('GRAFANA_URL by default; no OTLP endpoint unless diagnostics and otel are both enabled with an endpoint', () => {
    const literalEnv = [
      { name: 'GRAFANA_URL', value: 'http://g' },
      { name: 'OTHER_URL', value: 'http://o' },
    ];
    const otel = (diagnostics: object) =>
      collectGatewayEndpoints({ openclawConfig: document({ diagnostics }), literalEnv }).map((e) => e.purpose);
    expect(otel({ enabled: true, otel: { enabled: true, endpoint: 'http://x' } })).toEqual([
      'diagnostics.otel.endpoint (OTLP export)',
      'env GRAFANA_URL',
    ]);
    expect(otel({ enabled: false, otel: { enabled: true, endpoint: 'http://x' } })).toEqual(['env GRAFANA_URL']);
    expect(otel({ enabled: true, otel: { enabled: false, endpoint: 'http://x' } })).toEqual(['env GRAFANA_URL']);
    expect(otel({ enabled: true, otel: { enabled: true, endpoint: ' ' } })).toEqual(['env GRAFANA_URL']);
    expect(otel({ enabled: true, otel: { enabled: true } })).toEqual(['env GRAFANA_URL']);
    expect(otel({ enabled: true })).toEqual(['env GRAFANA_URL']);
    expect(collectGatewayEndpoints({ openclawConfig: document({}), literalEnv: [] })).toEqual([]);
  });
});
