import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { isMap, isSeq, parseAllDocuments, type YAMLSeq } from 'yaml';
import { loliceConfig } from '../../config/lolice';
import { LOLICE_CLUSTER_SERVICES } from '../../config/lolice-cluster-services';
import {
  NetworkPolicyEvaluator,
  type Peer,
  type PodIdentity,
  type Protocol,
} from '../support/network-policy-evaluator';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { writeTree } from '../../lib/files/lolice-tree';
import {
  evaluatorFor,
  networkPolicyYaml,
  parseManifests,
  PODS,
  renderWithNetworkAndCron,
  rfc1918Sample,
  todaysEvaluator,
} from '../support/network-test-kit';
import { toolPath } from '../support/provision/tool-path';
import { LOLICE_PATHS } from '../../config/lolice-paths';

const rendered = renderWithNetworkAndCron(loliceConfig);
const yamlText = networkPolicyYaml(rendered);
const manifests = parseManifests(yamlText);
const evaluator = evaluatorFor(rendered);

/** Public stand-ins for hosts resolved at run time (NetworkPolicies only ever see IPs). */
const PUBLIC = {
  /** cron-receiver.b0xp.io (the default webhook receiver; a Cloudflare-proxied name). */
  webhookReceiverV4: '104.21.48.10',
  webhookReceiverV6: '2606:4700:3031::6815:300a',
  /** discord.com */
  discordApi: '162.159.135.232',
  /** api.telegram.org */
  telegramApi: '149.154.167.220',
  /** api.openai.com / GitHub */
  openAi: '104.18.33.45',
  github: '140.82.112.3',
} as const;

const gateway = PODS.gateway;

/** `config` with a field of openclaw.json / env replaced. */
function withConfig(patch: Partial<OpenClawOpsConfig>): OpenClawOpsConfig {
  return { ...loliceConfig, ...patch };
}

describe('networkpolicy.yaml | shape', () => {
  test('holds exactly openclaw-network, litellm-network and cloudflared-network in namespace openclaw', () => {
    expect(manifests.map((m) => (m.metadata as { name: string }).name)).toEqual([
      'openclaw-network',
      'litellm-network',
      'cloudflared-network',
    ]);
    for (const manifest of manifests) {
      expect(manifest.apiVersion).toBe('networking.k8s.io/v1');
      expect(manifest.kind).toBe('NetworkPolicy');
      // explicit name and namespace, no cdk8s labels or hash suffixes
      expect(manifest.metadata).toEqual({ name: expect.stringMatching(/^[a-z]+-network$/), namespace: 'openclaw' });
      expect((manifest.spec as { policyTypes: string[] }).policyTypes).toEqual(['Ingress', 'Egress']);
    }
  });

  test('every NetworkPolicy passes the Kubernetes schema (kubernetes-models)', () => {
    for (const manifest of manifests) {
      const model = new NetworkPolicy(manifest as never) as unknown as { validate(): void };
      expect(() => model.validate()).not.toThrow();
    }
  });

  test('fails schema validation for a broken policy (the validator is live)', () => {
    const broken = JSON.parse(JSON.stringify(manifests[0])) as { spec: { policyTypes: string[] } };
    broken.spec.policyTypes = ['Sideways'];
    const model = new NetworkPolicy(broken as never) as unknown as { validate(): void };
    expect(() => model.validate()).toThrow();
  });

  test('every ingress and egress rule carries a comment saying why it exists', () => {
    const documents = parseAllDocuments(yamlText);
    let rules = 0;
    expect(yamlText.split('---\n').map((part) => part.split('\n')[0])).toEqual([
      expect.stringMatching(/^# openclaw-network: /),
      expect.stringMatching(/^# litellm-network: /),
      expect.stringMatching(/^# cloudflared-network: /),
    ]);
    for (const document of documents) {
      for (const direction of ['ingress', 'egress']) {
        const list = document.getIn(['spec', direction], true);
        expect(isSeq(list)).toBe(true);
        const seq = list as YAMLSeq;
        seq.items.forEach((item, index) => {
          expect(isMap(item)).toBe(true);
          // the parser hangs the comment above the first item on the sequence itself
          const comment =
            (item as { commentBefore?: string }).commentBefore ?? (index === 0 ? seq.commentBefore : undefined);
          expect(comment ?? '').toMatch(/\w{3,}/);
          rules += 1;
        });
      }
    }
    expect(rules).toBe(15); // gateway 1+6, litellm 1+3, cloudflared 0+4
  });

  test('the DNS rule carries the NodeLocal DNS note', () => {
    expect(yamlText).toContain('With NodeLocal DNS add an ipBlock 169.254.20.10/32 peer here');
  });

  test('snapshot', () => {
    expect(yamlText).toMatchSnapshot();
  });

  test('kubectl kustomize builds the directory with the generated file and the cron files next to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openclaw-np-'));
    try {
      writeTree(rendered.tree, dir);
      const base = join(dir, 'argoproj', 'openclaw');
      execFileSync(
        'sh',
        ['-c', 'printf "namespace: openclaw\\nresources:\\n  - networkpolicy.yaml\\n" > kustomization.yaml'],
        { cwd: base },
      );
      const out = execFileSync(toolPath('kubectl'), ['kustomize', base], { encoding: 'utf8' });
      expect(
        parseManifests(out)
          .map((m) => `${String(m.kind)}/${String((m.metadata as { name: string }).name)}`)
          .sort(),
      ).toEqual([
        'NetworkPolicy/cloudflared-network',
        'NetworkPolicy/litellm-network',
        'NetworkPolicy/openclaw-network',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openclaw-network | everything the gateway needs is reachable', () => {
  test('cluster DNS on UDP and TCP 53', () => {
    expect(evaluator.connect(gateway, { pod: PODS.coredns }, 53, 'UDP').allowed).toBe(true);
    expect(evaluator.connect(gateway, { pod: PODS.coredns }, 53, 'TCP').allowed).toBe(true);
  });

  test('LiteLLM on 4000, both sides (gateway egress and litellm ingress)', () => {
    const verdict = evaluator.connect(gateway, { pod: PODS.litellm }, 4000);
    expect(verdict.reason).toMatch(/allowed/);
    expect(verdict.allowed).toBe(true);
    expect(verdict.policies).toEqual(['openclaw/litellm-network', 'openclaw/openclaw-network']);
  });

  test('Prometheus OTLP receiver on 9090 and Grafana on 3000 in monitoring', () => {
    expect(evaluator.egress(gateway, { pod: PODS.prometheus }, 9090).allowed).toBe(true);
    expect(evaluator.egress(gateway, { pod: PODS.grafana }, 3000).allowed).toBe(true);
  });

  test('the declared webhook receiver, Discord and Telegram on 443 (IPv4 and IPv6)', () => {
    for (const ip of [
      PUBLIC.webhookReceiverV4,
      PUBLIC.webhookReceiverV6,
      PUBLIC.discordApi,
      PUBLIC.telegramApi,
      PUBLIC.openAi,
      PUBLIC.github,
    ]) {
      expect(evaluator.egress(gateway, { ip }, 443).allowed).toBe(true);
    }
  });

  test('the gateway is reachable from cloudflared on 18789 and 8080', () => {
    expect(evaluator.connect(PODS.cloudflared, { pod: gateway }, 18789).allowed).toBe(true);
    expect(evaluator.connect(PODS.cloudflared, { pod: gateway }, 8080).allowed).toBe(true);
  });
});

describe('openclaw-network | what must stay closed is closed', () => {
  const sample = rfc1918Sample(200);

  test('the RFC 1918 sample really spans the three ranges', () => {
    expect(new Set(sample).size).toBe(200);
    expect(sample.filter((ip) => ip.startsWith('10.')).length).toBeGreaterThan(60);
    expect(sample.filter((ip) => /^172\.(1[6-9]|2\d|3[01])\./.test(ip)).length).toBeGreaterThan(60);
    expect(sample.filter((ip) => ip.startsWith('192.168.')).length).toBeGreaterThan(60);
  });

  test('200 RFC 1918 addresses on 443 and 80 are denied for the gateway, LiteLLM and cloudflared', () => {
    for (const pod of [gateway, PODS.litellm, PODS.cloudflared]) {
      const open = sample.flatMap((ip) =>
        [443, 80].filter((port) => evaluator.egress(pod, { ip }, port).allowed).map((port) => `${ip}:${port}`),
      );
      expect(open).toEqual([]);
    }
  });

  test('the cloud metadata address 169.254.169.254 on 80 and 443, and IPv6 ULA / link-local, are denied', () => {
    for (const pod of [gateway, PODS.litellm, PODS.cloudflared]) {
      for (const port of [80, 443]) {
        expect(evaluator.egress(pod, { ip: '169.254.169.254' }, port).allowed).toBe(false);
        expect(evaluator.egress(pod, { ip: 'fd00:ec2::254' }, port).allowed).toBe(false);
        expect(evaluator.egress(pod, { ip: 'fe80::1' }, port).allowed).toBe(false);
      }
    }
  });

  test('pods of other namespaces are denied, even with the labels of an allowed peer', () => {
    const closed: [PodIdentity, number][] = [
      [PODS.webInDefault, 443],
      [PODS.webInDefault, 80],
      [PODS.litellmLookalike, 4000],
      [PODS.prometheusLookalike, 9090],
      [PODS.grafanaLookalike, 3000],
      [PODS.gatewayLookalike, 18789],
      [PODS.argocdServer, 443],
      [PODS.alertmanager, 9093],
      [PODS.loki, 3100],
      [PODS.coredns, 9153],
    ];
    for (const [pod, port] of closed) {
      expect({ pod: pod.name, port, allowed: evaluator.egress(gateway, { pod }, port).allowed }).toEqual({
        pod: pod.name,
        port,
        allowed: false,
      });
    }
  });

  test('allowed peers on other ports are denied (Prometheus 8080, Grafana 9090, LiteLLM 443)', () => {
    expect(evaluator.egress(gateway, { pod: PODS.prometheus }, 8080).allowed).toBe(false);
    expect(evaluator.egress(gateway, { pod: PODS.grafana }, 9090).allowed).toBe(false);
    expect(evaluator.egress(gateway, { pod: PODS.litellm }, 443).allowed).toBe(false);
  });

  test('unexpected ports to the internet are denied (22, 25, 5432, 6443, 8080, 8443, UDP 443)', () => {
    for (const ip of [PUBLIC.webhookReceiverV4, PUBLIC.webhookReceiverV6]) {
      for (const port of [22, 25, 5432, 6443, 8080, 8443]) {
        expect(evaluator.egress(gateway, { ip }, port).allowed).toBe(false);
      }
      expect(evaluator.egress(gateway, { ip }, 443, 'UDP').allowed).toBe(false);
    }
  });

  test('ingress to the gateway from anything but cloudflared is denied', () => {
    const sources: Peer[] = [
      { pod: PODS.litellm },
      { pod: PODS.prometheus },
      { pod: PODS.cloudflaredLookalike },
      { pod: PODS.webInDefault },
      { ip: PUBLIC.discordApi },
      { ip: '10.42.0.7' },
    ];
    for (const from of sources) {
      for (const port of [18789, 8080]) {
        expect(evaluator.ingress(gateway, from, port).allowed).toBe(false);
      }
    }
    expect(evaluator.ingress(gateway, { pod: PODS.cloudflared }, 22).allowed).toBe(false);
  });
});

describe("litellm-network and cloudflared-network | today's behaviour", () => {
  test('LiteLLM: ingress only from the gateway on 4000, egress DNS and 443 only', () => {
    expect(evaluator.ingress(PODS.litellm, { pod: gateway }, 4000).allowed).toBe(true);
    expect(evaluator.ingress(PODS.litellm, { pod: PODS.cloudflared }, 4000).allowed).toBe(false);
    expect(evaluator.ingress(PODS.litellm, { pod: PODS.gatewayLookalike }, 4000).allowed).toBe(false);
    expect(evaluator.egress(PODS.litellm, { pod: PODS.coredns }, 53, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(PODS.litellm, { ip: PUBLIC.openAi }, 443).allowed).toBe(true);
    expect(evaluator.egress(PODS.litellm, { ip: PUBLIC.openAi }, 80).allowed).toBe(false);
    expect(evaluator.egress(PODS.litellm, { pod: PODS.prometheus }, 9090).allowed).toBe(false);
  });

  test('cloudflared: no ingress at all; egress to the gateway, 443 and the tunnel port 7844 TCP/UDP', () => {
    expect(evaluator.ingress(PODS.cloudflared, { pod: gateway }, 18789).allowed).toBe(false);
    expect(evaluator.ingress(PODS.cloudflared, { ip: PUBLIC.discordApi }, 443).allowed).toBe(false);
    expect(evaluator.egress(PODS.cloudflared, { ip: '198.41.192.7' }, 7844, 'UDP').allowed).toBe(true);
    expect(evaluator.egress(PODS.cloudflared, { ip: '198.41.192.7' }, 7844, 'TCP').allowed).toBe(true);
    expect(evaluator.egress(PODS.cloudflared, { ip: '2606:4700:a0::7' }, 443).allowed).toBe(true);
    expect(evaluator.egress(PODS.cloudflared, { ip: '198.41.192.7' }, 80).allowed).toBe(false);
    expect(evaluator.egress(PODS.cloudflared, { pod: PODS.litellm }, 4000).allowed).toBe(false);
  });
});

/** Every (source pod, direction, peer, port, protocol) of the grid with its verdict. */
function grid(ev: NetworkPolicyEvaluator): Map<string, boolean> {
  const subjects = [gateway, PODS.litellm, PODS.cloudflared];
  const peers: [string, Peer][] = [
    ...Object.entries(PODS).map(([name, pod]): [string, Peer] => [name, { pod }]),
    ...[
      ...Object.values(PUBLIC),
      '10.0.0.1',
      '10.96.0.10',
      '172.16.5.4',
      '172.31.255.254',
      '192.168.10.20',
      '169.254.169.254',
      '169.254.20.10',
      '100.64.0.1',
      '127.0.0.1',
      '0.0.0.1',
      '198.41.192.7',
      'fd00::1',
      'fe80::1',
      '::1',
      '2001:4860:4860::8888',
    ].map((ip): [string, Peer] => [ip, { ip }]),
  ];
  const ports = [22, 53, 80, 443, 3000, 3100, 4000, 5432, 6443, 7844, 8080, 8443, 9090, 9093, 18789];
  const protocols: Protocol[] = ['TCP', 'UDP'];
  const out = new Map<string, boolean>();
  for (const subject of subjects) {
    for (const [peerName, peer] of peers) {
      for (const port of ports) {
        for (const protocol of protocols) {
          out.set(
            `${subject.name} egress to ${peerName} ${protocol}/${port}`,
            ev.egress(subject, peer, port, protocol).allowed,
          );
          out.set(
            `${subject.name} ingress from ${peerName} ${protocol}/${port}`,
            ev.ingress(subject, peer, port, protocol).allowed,
          );
        }
      }
    }
  }
  return out;
}

/** Grid cells the generated policies allow and today's deny. */
function opened(generated: Map<string, boolean>, today: Map<string, boolean>): string[] {
  return [...generated].filter(([key, ok]) => ok && today.get(key) === false).map(([key]) => key);
}

describe("superset check against today's hand-written policies", () => {
  const today = grid(todaysEvaluator());
  const generated = grid(evaluator);

  test('the grid is large and mixes allowed and denied cells', () => {
    // the README's figure: subjects × peers × 15 ports × 2 protocols × 2 directions
    console.log(`network policy grid: ${generated.size} cells`);
    expect(generated.size).toBe(6480);
    expect(today.size).toBe(generated.size);
    expect([...today.values()].filter(Boolean).length).toBeGreaterThan(50);
    expect([...today.values()].filter((ok) => !ok).length).toBeGreaterThan(1000);
  });

  test("the default graph opens nothing today's policies keep closed, and closes nothing they open", () => {
    expect(opened(generated, today)).toEqual([]);
    expect(opened(today, generated)).toEqual([]);
  });

  test('fails the check when a rule is widened (the check is live)', () => {
    const widened = parseManifests(yamlText);
    const spec = widened[0].spec as { egress: { ports: { port: number; protocol: string }[] }[] };
    spec.egress[spec.egress.length - 1].ports.push({ port: 22, protocol: 'TCP' });
    const wide = grid(NetworkPolicyEvaluator.fromManifests(widened));
    expect(opened(wide, today)).toContain(`openclaw egress to ${PUBLIC.webhookReceiverV6} TCP/22`);
  });
});

describe('peers are derived from the graph', () => {
  test('the Prometheus rule follows diagnostics.otel.endpoint to another known Service', () => {
    const config = withConfig({
      network: {
        clusterServices: [
          ...LOLICE_CLUSTER_SERVICES,
          {
            name: 'otel-collector',
            namespace: 'observability',
            podLabels: { 'app.kubernetes.io/name': 'otel-collector' },
            ports: [{ port: 4318, targetPort: 4318 }],
            description: 'OpenTelemetry Collector',
          },
        ],
      },
      openclawConfig: {
        ...loliceConfig.openclawConfig,
        diagnostics: {
          ...loliceConfig.openclawConfig.diagnostics,
          otel: {
            ...loliceConfig.openclawConfig.diagnostics?.otel,
            endpoint: 'http://otel-collector.observability:4318',
          },
        },
      },
    });
    const ev = evaluatorFor(renderWithNetworkAndCron(config));
    const collector = { namespace: 'observability', labels: { 'app.kubernetes.io/name': 'otel-collector' } };
    expect(ev.egress(gateway, { pod: collector }, 4318).allowed).toBe(true);
    expect(ev.egress(gateway, { pod: PODS.prometheus }, 9090).allowed).toBe(false);
  });

  test('without GRAFANA_URL there is no Grafana rule', () => {
    const config = withConfig({
      gatewayLiteralEnv: loliceConfig.gatewayLiteralEnv.filter((e) => e.name !== 'GRAFANA_URL'),
      network: { ...loliceConfig.network, urlEnvVars: [] },
    });
    const ev = evaluatorFor(renderWithNetworkAndCron(config));
    expect(ev.egress(gateway, { pod: PODS.grafana }, 3000).allowed).toBe(false);
    expect(ev.egress(gateway, { pod: PODS.prometheus }, 9090).allowed).toBe(true);
  });

  test('the LiteLLM rule uses the Service target port, not the URL port', () => {
    const config = withConfig({
      network: {
        clusterServices: LOLICE_CLUSTER_SERVICES.map((s) =>
          s.name === 'litellm' ? { ...s, ports: [{ port: 80, targetPort: 4000 }] } : s,
        ),
      },
      openclawConfig: {
        ...loliceConfig.openclawConfig,
        models: {
          providers: {
            litellm: { ...loliceConfig.openclawConfig.models?.providers?.litellm, baseUrl: 'http://litellm' },
          },
        },
      },
    });
    const ev = evaluatorFor(renderWithNetworkAndCron(config));
    expect(ev.connect(gateway, { pod: PODS.litellm }, 4000).allowed).toBe(true);
    expect(ev.egress(gateway, { pod: PODS.litellm }, 80).allowed).toBe(false);
  });

  test('fails synth for an in-cluster URL whose Service is not in the table, naming the URL and the fix', () => {
    const config = withConfig({
      gatewayLiteralEnv: loliceConfig.gatewayLiteralEnv.map((e) =>
        e.name === 'GRAFANA_URL' ? { ...e, value: 'http://grafana-v2.monitoring.svc.cluster.local:3000' } : e,
      ),
    });
    expect(() => renderWithNetworkAndCron(config)).toThrow(
      /env GRAFANA_URL "http:\/\/grafana-v2\.monitoring\.svc\.cluster\.local:3000" points at Service grafana-v2 in namespace monitoring, which is not in the service table \(known: [a-z0-9-]+\.[a-z0-9-]+(, [a-z0-9-]+\.[a-z0-9-]+)*\), so its pods and target port are unknown: .*add \{name, namespace, podLabels, ports, description\} for it to network\.clusterServices in the config/,
    );
  });

  test('fails synth for a port the Service does not list', () => {
    const config = withConfig({
      gatewayLiteralEnv: loliceConfig.gatewayLiteralEnv.map((e) =>
        e.name === 'GRAFANA_URL' ? { ...e, value: 'http://grafana.monitoring.svc:8080' } : e,
      ),
    });
    expect(() => renderWithNetworkAndCron(config)).toThrow(
      /uses port 8080 of Service grafana\.monitoring, which the service table does not list \(ports: 3000\)/,
    );
  });

  test('fails synth for a private address literal, which the internet rules except', () => {
    const config = withConfig({
      openclawConfig: {
        ...loliceConfig.openclawConfig,
        diagnostics: {
          ...loliceConfig.openclawConfig.diagnostics,
          otel: { ...loliceConfig.openclawConfig.diagnostics?.otel, endpoint: 'http://10.96.12.7:9090/api/v1/otlp' },
        },
      },
    });
    expect(() => renderWithNetworkAndCron(config)).toThrow(
      /diagnostics\.otel\.endpoint \(OTLP export\) "http:\/\/10\.96\.12\.7:9090\/api\/v1\/otlp" is the private address 10\.96\.12\.7 \(inside 10\.0\.0\.0\/8/,
    );
  });

  test('fails synth for an internet endpoint on a port the gateway may not open', () => {
    const config = withConfig({
      openclawConfig: {
        ...loliceConfig.openclawConfig,
        models: {
          providers: {
            ...loliceConfig.openclawConfig.models?.providers,
            vllm: { baseUrl: 'https://llm.b0xp.io:8443/v1', api: 'openai-completions' },
          },
        },
      },
    });
    expect(() => renderWithNetworkAndCron(config)).toThrow(
      /models\.providers\.vllm\.baseUrl "https:\/\/llm\.b0xp\.io:8443\/v1" is on the internet at port 8443, which the gateway may not open \(open: 80, 443\): .*add 8443 to network\.externalEgressPorts/,
    );
  });

  test('rendering twice writes the same file', () => {
    expect(rendered.app.renderLolice().get(LOLICE_PATHS.networkPolicy)).toBe(yamlText);
  });

  test('the file path is argoproj/openclaw/networkpolicy.yaml', () => {
    expect(rendered.tree.has(LOLICE_PATHS.networkPolicy)).toBe(true);
    expect(LOLICE_PATHS.networkPolicy).toBe('argoproj/openclaw/networkpolicy.yaml');
  });
});
