/**
 * The lolice files the change touches (docs/FACTS.md, lolice and arch): snapshots as a safety net, and
 * explicit assertions on every ExternalSecret entry, every Deployment detail and the config keys.
 */
import {
  CHANGED_LOLICE_FILES,
  parseYamlDocuments,
  removeTempDirs,
  renderLolice,
  type K8sObject,
} from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

const tree = renderLolice();

/** The single object of a changed lolice file. */
function objectOf(path: string): K8sObject {
  const text = tree.get(path);
  if (text === undefined) {
    throw new Error(`rendered tree has no ${path}: expected it among ${[...tree.keys()].join(', ')}`);
  }
  const objects = parseYamlDocuments(text, path);
  expect(objects, `${path} should hold exactly one object`).toHaveLength(1);
  return objects[0];
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: unknown };
}
interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly?: boolean;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: unknown[];
  ports?: { containerPort: number; name?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: VolumeMount[];
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  startupProbe?: unknown;
}
interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: Record<string, unknown>;
  nodeSelector?: Record<string, string>;
  initContainers: Container[];
  containers: Container[];
  volumes: ({ name: string } & Record<string, unknown>)[];
}
interface DeploymentSpec {
  replicas: number;
  strategy: { type: string };
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
}
interface EsEntry {
  secretKey: string;
  remoteRef: {
    key: string;
    conversionStrategy?: string;
    decodingStrategy?: string;
    metadataPolicy?: string;
    [k: string]: unknown;
  };
}
interface EsSpec {
  refreshInterval: string;
  secretStoreRef: { kind: string; name: string };
  target: { name: string; creationPolicy: string; deletionPolicy: string; template?: unknown };
  data: EsEntry[];
  dataFrom?: unknown;
}

const IMAGE = 'ghcr.io/boxp/arch/openclaw:202602170222';
const SELECTOR = { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'gateway' };

const deployment = objectOf('argoproj/openclaw/deployment-openclaw.yaml');
const deploymentSpec = deployment.spec as DeploymentSpec;
const pod = deploymentSpec.template.spec;

function container(name: string): Container {
  const found = [...pod.initContainers, ...pod.containers].find((c) => c.name === name);
  if (!found) {
    throw new Error(`deployment openclaw has no container ${name}`);
  }
  return found;
}

/** A shell container's `sh -c` command and script, as one string. */
function scriptOf(c: Container): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

describe('lolice files | snapshots', () => {
  test('the rendered tree contains every changed lolice file', () => {
    for (const path of CHANGED_LOLICE_FILES) {
      expect([...tree.keys()]).toContain(path);
    }
  });

  test.each([...CHANGED_LOLICE_FILES])('%s matches the snapshot', (path) => {
    expect(tree.get(path)).toMatchSnapshot();
  });

  test.each([...CHANGED_LOLICE_FILES])('%s ends with exactly one newline and has no cdk8s label', (path) => {
    const text = tree.get(path) ?? '';
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toMatch(/cdk8s\.io\//);
  });
});

describe('lolice files | ExternalSecret openclaw-es (external-secret.yaml)', () => {
  const es = objectOf('argoproj/openclaw/external-secret.yaml');
  const spec = es.spec as EsSpec;

  test('is an external-secrets.io/v1 ExternalSecret named openclaw-es in namespace openclaw', () => {
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.kind).toBe('ExternalSecret');
    expect(es.metadata.name).toBe('openclaw-es');
    expect(es.metadata.namespace).toBe('openclaw');
  });

  test('reads ClusterSecretStore parameterstore every 1h into openclaw-credentials (Owner, Retain)', () => {
    expect(spec.refreshInterval).toBe('1h');
    expect(spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'parameterstore' });
    expect(spec.target).toEqual({ name: 'openclaw-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect(spec.dataFrom).toBeUndefined();
    expect(spec.target.template).toBeUndefined();
  });

  test("has today's 10 entries in lolice's order plus OPENCLAW_CRON_WEBHOOK_TOKEN last", () => {
    expect(spec.data.map((e) => [e.secretKey, e.remoteRef.key])).toEqual([
      ['DISCORD_BOT_TOKEN', '/lolice/openclaw/DISCORD_BOT_TOKEN'],
      ['OPENCLAW_GATEWAY_TOKEN', '/lolice/openclaw/OPENCLAW_GATEWAY_TOKEN'],
      ['GITHUB_TOKEN', '/lolice/openclaw/GITHUB_TOKEN'],
      ['OPENAI_API_KEY', '/lolice/openclaw/OPENAI_API_KEY'],
      ['LITELLM_PROXY_KEY', '/lolice/openclaw/LITELLM_PROXY_KEY'],
      ['CLAUDE_CODE_OAUTH_TOKEN', '/lolice/openclaw/CLAUDE_CODE_OAUTH_TOKEN'],
      ['TUNNEL_TOKEN', '/lolice/openclaw/tunnel-token'],
      ['XAI_API_KEY', '/lolice/openclaw/XAI_API_KEY'],
      ['GRAFANA_API_KEY', '/lolice/openclaw/GRAFANA_API_KEY'],
      ['TELEGRAM_BOT_TOKEN', '/lolice/openclaw/TELEGRAM_BOT_TOKEN'],
      ['OPENCLAW_CRON_WEBHOOK_TOKEN', '/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN'],
    ]);
  });

  test('spells out conversionStrategy Default, decodingStrategy None, metadataPolicy None on every entry', () => {
    for (const entry of spec.data) {
      expect(entry.remoteRef, entry.secretKey).toEqual({
        key: entry.remoteRef.key,
        conversionStrategy: 'Default',
        decodingStrategy: 'None',
        metadataPolicy: 'None',
      });
    }
  });

  test('does not carry ANTHROPIC_API_KEY and says why in a comment', () => {
    expect(spec.data.map((e) => e.secretKey)).not.toContain('ANTHROPIC_API_KEY');
    expect(tree.get('argoproj/openclaw/external-secret.yaml')).toMatch(/#.*ANTHROPIC_API_KEY/);
  });
});

describe('lolice files | ExternalSecret litellm-es (external-secret-litellm.yaml)', () => {
  const es = objectOf('argoproj/openclaw/external-secret-litellm.yaml');
  const spec = es.spec as EsSpec;

  test('writes litellm-credentials from the same store with the same policies', () => {
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.metadata).toMatchObject({ name: 'litellm-es', namespace: 'openclaw' });
    expect(spec.refreshInterval).toBe('1h');
    expect(spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'parameterstore' });
    expect(spec.target).toEqual({ name: 'litellm-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
  });

  test('has the 5 LiteLLM keys, each under /lolice/openclaw/<KEY>', () => {
    expect(spec.data.map((e) => [e.secretKey, e.remoteRef.key])).toEqual(
      ['ANTHROPIC_API_KEY', 'LITELLM_MASTER_KEY', 'ZAI_API_KEY', 'GEMINI_API_KEY', 'OPENAI_API_KEY'].map((k) => [
        k,
        `/lolice/openclaw/${k}`,
      ]),
    );
    for (const entry of spec.data) {
      expect(entry.remoteRef).toMatchObject({
        conversionStrategy: 'Default',
        decodingStrategy: 'None',
        metadataPolicy: 'None',
      });
    }
  });
});

describe('lolice files | Deployment openclaw: object, selector, pod', () => {
  test('is apps/v1 Deployment openclaw in namespace openclaw with the three labels of today', () => {
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.metadata.name).toBe('openclaw');
    expect(deployment.metadata.namespace).toBe('openclaw');
    expect(deployment.metadata.labels).toEqual({ ...SELECTOR, 'app.kubernetes.io/managed-by': 'argocd' });
  });

  test('selector and pod labels are exactly name + component (no app label, nothing generated)', () => {
    expect(deploymentSpec.selector).toEqual({ matchLabels: SELECTOR });
    expect(deploymentSpec.template.metadata.labels).toEqual(SELECTOR);
  });

  test('is one replica with the Recreate strategy', () => {
    expect(deploymentSpec.replicas).toBe(1);
    expect(deploymentSpec.strategy).toEqual({ type: 'Recreate' });
  });

  test('pod: no service account token, fsGroup 1000 only, amd64 nodes', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({ fsGroup: 1000 });
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64' });
  });

  test('has init containers init-config, init-dotfiles and containers openclaw, config-manager, dind, board-server, docker-gc', () => {
    expect(pod.initContainers.map((c) => c.name)).toEqual(['init-config', 'init-dotfiles']);
    expect(pod.containers.map((c) => c.name).slice(0, 5)).toEqual([
      'openclaw',
      'config-manager',
      'dind',
      'board-server',
      'docker-gc',
    ]);
  });

  test('has the 7 volumes of today with their sources', () => {
    const byName = Object.fromEntries(pod.volumes.map(({ name, ...source }) => [name, source]));
    expect(byName).toMatchObject({
      'docker-certs': { emptyDir: {} },
      'docker-data': { emptyDir: {} },
      'openclaw-config': { configMap: { name: 'openclaw-config' } },
      'gh-wrapper': { configMap: { name: 'gh-wrapper', defaultMode: 0o555 } },
      'board-nginx-conf': { configMap: { name: 'board-server-config-nginx' } },
      'board-html': { configMap: { name: 'board-server-config-html' } },
      data: { persistentVolumeClaim: { claimName: 'openclaw-data' } },
    });
    expect(pod.volumes.slice(0, 7).map((v) => v.name)).toEqual([
      'docker-certs',
      'docker-data',
      'openclaw-config',
      'gh-wrapper',
      'board-nginx-conf',
      'board-html',
      'data',
    ]);
  });

  test('every volume mount names a declared volume', () => {
    const volumes = new Set(pod.volumes.map((v) => v.name));
    for (const c of [...pod.initContainers, ...pod.containers]) {
      for (const mount of c.volumeMounts ?? []) {
        expect(volumes.has(mount.name), `${c.name} mounts ${mount.name}`).toBe(true);
      }
    }
  });

  test('is in sync wave 1, after the ExternalSecrets in wave 0', () => {
    const wave = (path: string): number =>
      Number(objectOf(path).metadata.annotations?.['argocd.argoproj.io/sync-wave']);
    const deploymentWave = wave('argoproj/openclaw/deployment-openclaw.yaml');
    expect(deploymentWave).toBe(1);
    for (const path of ['argoproj/openclaw/external-secret.yaml', 'argoproj/openclaw/external-secret-litellm.yaml']) {
      expect(wave(path)).toBe(0);
      expect(wave(path)).toBeLessThan(deploymentWave);
    }
  });

  test('no label or annotation anywhere is cdk8s-generated', () => {
    const text = tree.get('argoproj/openclaw/deployment-openclaw.yaml') ?? '';
    expect(text).not.toContain('cdk8s.io');
    expect(Object.keys(deploymentSpec.template.metadata.labels)).not.toContain('app');
  });
});

describe('lolice files | Deployment openclaw: containers', () => {
  const ids = { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true, allowPrivilegeEscalation: false };

  test('init-config copies the ConfigMap openclaw.json onto the PVC and creates ~/.codex', () => {
    const c = container('init-config');
    expect(c.image).toBe(IMAGE);
    expect(c.securityContext).toMatchObject(ids);
    const script = scriptOf(c);
    expect(script).toContain('mkdir -p /home/node/.openclaw');
    expect(script).toContain('cp /config/openclaw.json /home/node/.openclaw/openclaw.json');
    expect(script).toContain('mkdir -p /home/node/.codex');
    expect(c.volumeMounts).toEqual([
      { name: 'openclaw-config', mountPath: '/config', readOnly: true },
      { name: 'data', mountPath: '/home/node/.openclaw' },
      { name: 'data', mountPath: '/home/node/ghq', subPath: 'ghq' },
      { name: 'data', mountPath: '/home/node/.codex', subPath: 'codex' },
    ]);
  });

  test('init-dotfiles clones or pulls github.com/boxp/dotfiles into ghq', () => {
    const c = container('init-dotfiles');
    expect(c.image).toBe(IMAGE);
    expect(c.securityContext).toMatchObject(ids);
    const script = scriptOf(c);
    expect(script).toContain('github.com/boxp/dotfiles');
    expect(script).toMatch(/git clone/);
    expect(script).toMatch(/pull/);
    expect(c.volumeMounts).toEqual(
      expect.arrayContaining([
        { name: 'data', mountPath: '/home/node/.openclaw' },
        { name: 'data', mountPath: '/home/node/ghq', subPath: 'ghq' },
      ]),
    );
  });

  test('openclaw runs the gateway on 18789 with the securityContext, resources and mounts of today', () => {
    const c = container('openclaw');
    expect(c.image).toBe(IMAGE);
    expect(scriptOf(c)).toContain('node dist/index.js gateway --bind lan --port 18789');
    expect(scriptOf(c)).toContain('/home/node/.claude');
    expect(c.ports).toEqual([{ containerPort: 18789 }]);
    expect(c.securityContext).toEqual({
      ...ids,
      readOnlyRootFilesystem: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2000m', memory: '4Gi' } });
    expect(c.volumeMounts).toEqual([
      { name: 'docker-certs', mountPath: '/certs/client', subPath: 'client', readOnly: true },
      { name: 'gh-wrapper', mountPath: '/opt/gh-wrapper', readOnly: true },
      { name: 'data', mountPath: '/home/node/.openclaw' },
      { name: 'data', mountPath: '/home/node/ghq', subPath: 'ghq' },
      { name: 'data', mountPath: '/home/node/.codex', subPath: 'codex' },
      // new: OpenClaw's file log, shared with the cron run-log shipper sidecar
      { name: 'openclaw-tmp', mountPath: '/tmp/openclaw' },
    ]);
    // The main container reads the PVC copy, never the ConfigMap.
    expect(c.volumeMounts?.map((m) => m.name)).not.toContain('openclaw-config');
  });

  test('config-manager md5-compares /config/openclaw.json every 60 s and copies atomically', () => {
    const c = container('config-manager');
    expect(c.image).toBe(IMAGE);
    expect(c.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000, capabilities: { drop: ['ALL'] } });
    const script = scriptOf(c);
    expect(script).toContain('md5sum');
    expect(script).toContain('sleep 60');
    expect(script).toMatch(/\.tmp.*mv /s);
    expect(c.resources).toEqual({ requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '50m', memory: '64Mi' } });
    expect(c.volumeMounts).toEqual(
      expect.arrayContaining([
        { name: 'openclaw-config', mountPath: '/config', readOnly: true },
        { name: 'data', mountPath: '/home/node/.openclaw' },
      ]),
    );
  });

  test('dind is privileged docker:29-dind with TLS certs under /certs and overlay2 + json-file logging', () => {
    const c = container('dind');
    expect(c.image).toBe('docker:29-dind');
    expect(c.securityContext).toEqual({ privileged: true });
    expect(c.env).toEqual([{ name: 'DOCKER_TLS_CERTDIR', value: '/certs' }]);
    const script = scriptOf(c);
    expect(script).toContain('overlay2');
    expect(script).toContain('json-file');
    expect(script).toContain('10m');
    expect(c.resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '1000m', memory: '2Gi' },
    });
    expect(c.volumeMounts).toEqual(expect.arrayContaining([{ name: 'docker-certs', mountPath: '/certs' }]));
  });

  test('board-server is nginx-unprivileged on 8080 with /healthz readiness and liveness probes', () => {
    const c = container('board-server');
    expect(c.image).toBe('nginxinc/nginx-unprivileged:1.29-alpine');
    expect(c.ports).toEqual([{ containerPort: 8080 }]);
    expect(c.securityContext).toMatchObject({ runAsUser: 101, runAsGroup: 101, capabilities: { drop: ['ALL'] } });
    expect(c.readinessProbe).toEqual({
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 2,
      periodSeconds: 10,
    });
    expect(c.livenessProbe).toEqual({
      httpGet: { path: '/healthz', port: 8080 },
      initialDelaySeconds: 5,
      periodSeconds: 30,
    });
    expect(c.resources).toEqual({ requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } });
    expect(c.volumeMounts).toContainEqual({
      name: 'board-nginx-conf',
      mountPath: '/etc/nginx/conf.d/default.conf',
      subPath: 'nginx.conf',
      readOnly: true,
    });
    expect(c.volumeMounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'board-nginx-conf', readOnly: true }),
        expect.objectContaining({ name: 'board-html', readOnly: true }),
        { name: 'data', mountPath: '/data', readOnly: true },
      ]),
    );
  });

  test('docker-gc prunes every 1800 s as root without privilege escalation, with the DOCKER_* literals', () => {
    const c = container('docker-gc');
    expect(c.image).toBe('docker:29-cli');
    expect(c.securityContext).toMatchObject({ runAsUser: 0, allowPrivilegeEscalation: false });
    expect(scriptOf(c)).toContain('sleep 1800');
    expect(c.resources).toEqual({ requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '50m', memory: '64Mi' } });
    expect(c.env).toEqual([
      { name: 'DOCKER_HOST', value: 'tcp://localhost:2376' },
      { name: 'DOCKER_TLS_VERIFY', value: '1' },
      { name: 'DOCKER_CERT_PATH', value: '/certs/client' },
    ]);
  });

  test('only openclaw and board-server expose ports, only board-server has probes', () => {
    for (const c of [...pod.initContainers, ...pod.containers].slice(0, 7)) {
      if (c.name !== 'openclaw' && c.name !== 'board-server') expect(c.ports, c.name).toBeUndefined();
      if (c.name !== 'board-server') {
        expect(c.readinessProbe, c.name).toBeUndefined();
        expect(c.livenessProbe, c.name).toBeUndefined();
      }
      expect(c.startupProbe, c.name).toBeUndefined();
    }
  });
});

describe('lolice files | Deployment openclaw: env of container openclaw', () => {
  const env = container('openclaw').env ?? [];

  /** name → "secret:<name>/<key>" or "literal:<value>". */
  const sources = Object.fromEntries(
    env.map((e) => [
      e.name,
      e.valueFrom?.secretKeyRef
        ? `secret:${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`
        : `literal:${e.value}`,
    ]),
  );

  test("has today's 18 env items with the same sources, plus OPENCLAW_CRON_WEBHOOK_TOKEN", () => {
    expect(sources).toEqual({
      DISCORD_BOT_TOKEN: 'secret:openclaw-credentials/DISCORD_BOT_TOKEN',
      OPENCLAW_GATEWAY_TOKEN: 'secret:openclaw-credentials/OPENCLAW_GATEWAY_TOKEN',
      GITHUB_TOKEN: 'secret:openclaw-credentials/GITHUB_TOKEN',
      GH_TOKEN: 'secret:openclaw-credentials/GITHUB_TOKEN',
      LITELLM_PROXY_KEY: 'secret:litellm-credentials/LITELLM_MASTER_KEY',
      OPENAI_API_KEY: 'secret:openclaw-credentials/OPENAI_API_KEY',
      CLAUDE_CODE_OAUTH_TOKEN: 'secret:openclaw-credentials/CLAUDE_CODE_OAUTH_TOKEN',
      XAI_API_KEY: 'secret:openclaw-credentials/XAI_API_KEY',
      GRAFANA_API_KEY: 'secret:openclaw-credentials/GRAFANA_API_KEY',
      GRAFANA_SERVICE_ACCOUNT_TOKEN: 'secret:openclaw-credentials/GRAFANA_API_KEY',
      TELEGRAM_BOT_TOKEN: 'secret:openclaw-credentials/TELEGRAM_BOT_TOKEN',
      GRAFANA_URL: 'literal:http://grafana.monitoring.svc.cluster.local:3000',
      OBSIDIAN_VAULT_PATH: 'literal:/home/node/ghq/github.com/boxp/obsidian-vault',
      PATH: 'literal:/shared-bin:/shared-npm/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      DOCKER_HOST: 'literal:tcp://localhost:2376',
      DOCKER_TLS_VERIFY: 'literal:1',
      DOCKER_CERT_PATH: 'literal:/certs/client',
      NODE_OPTIONS: 'literal:--max-old-space-size=2048',
      OPENCLAW_CRON_WEBHOOK_TOKEN: 'secret:openclaw-credentials/OPENCLAW_CRON_WEBHOOK_TOKEN',
    });
    expect(env).toHaveLength(19);
  });

  test('the literal env keeps the order of today after the secret env', () => {
    const firstLiteral = env.findIndex((e) => e.value !== undefined);
    expect(env.slice(firstLiteral).map((e) => e.name)).toEqual([
      'GRAFANA_URL',
      'OBSIDIAN_VAULT_PATH',
      'PATH',
      'DOCKER_HOST',
      'DOCKER_TLS_VERIFY',
      'DOCKER_CERT_PATH',
      'NODE_OPTIONS',
    ]);
    expect(env.slice(0, firstLiteral).every((e) => e.valueFrom?.secretKeyRef !== undefined)).toBe(true);
  });

  test('uses explicit env only: no envFrom, no optional secretKeyRef, no configMapKeyRef', () => {
    for (const c of [...pod.initContainers, ...pod.containers]) {
      expect(c.envFrom, c.name).toBeUndefined();
      for (const e of c.env ?? []) {
        expect(e.valueFrom?.secretKeyRef?.optional, `${c.name} ${e.name}`).toBeUndefined();
        expect(e.valueFrom?.configMapKeyRef, `${c.name} ${e.name}`).toBeUndefined();
      }
    }
  });

  test('every secretKeyRef names a key an ExternalSecret of the tree produces', () => {
    const produced = new Set<string>();
    for (const path of ['argoproj/openclaw/external-secret.yaml', 'argoproj/openclaw/external-secret-litellm.yaml']) {
      const spec = objectOf(path).spec as EsSpec;
      for (const entry of spec.data) produced.add(`${spec.target.name}/${entry.secretKey}`);
    }
    for (const e of env.filter((item) => item.valueFrom?.secretKeyRef)) {
      const ref = e.valueFrom?.secretKeyRef;
      expect(produced.has(`${ref?.name}/${ref?.key}`), `${e.name} → ${ref?.name}/${ref?.key}`).toBe(true);
    }
  });
});

describe('lolice files | ConfigMap openclaw-config (configmap-openclaw.yaml)', () => {
  const configMap = objectOf('argoproj/openclaw/configmap-openclaw.yaml');
  const data = configMap.data as Record<string, string>;
  const document = JSON.parse(data['openclaw.json']) as Record<string, Record<string, unknown>>;

  test('is ConfigMap openclaw-config in namespace openclaw with the single key openclaw.json', () => {
    expect(configMap.apiVersion).toBe('v1');
    expect(configMap.kind).toBe('ConfigMap');
    expect(configMap.metadata).toMatchObject({ name: 'openclaw-config', namespace: 'openclaw' });
    expect(Object.keys(data)).toEqual(['openclaw.json']);
  });

  test("openclaw.json is 2-space JSON in lolice's layout with a trailing newline, in a YAML block scalar", () => {
    expect(JSON.parse(data['openclaw.json'] ?? '')).toEqual(document);
    expect(data['openclaw.json']).toMatch(/^\{\n {2}"models": \{\n/);
    expect(data['openclaw.json']).toContain('"input": ["text", "image"],');
    expect(data['openclaw.json']?.endsWith('}\n')).toBe(true);
    expect(tree.get('argoproj/openclaw/configmap-openclaw.yaml')).toMatch(/openclaw\.json: \|/);
  });

  test("keeps today's top-level sections in file order and adds cron", () => {
    expect(Object.keys(document)).toEqual([
      'models',
      'tools',
      'agents',
      'plugins',
      'channels',
      'diagnostics',
      'gateway',
      'cron',
    ]);
  });

  test('has the cron section of the design', () => {
    expect(document.cron).toEqual({
      enabled: true,
      webhookToken: '${OPENCLAW_CRON_WEBHOOK_TOKEN}',
      sessionRetention: '7d',
    });
  });

  test('enables diagnostics and otel metrics towards the Prometheus OTLP base URL', () => {
    expect(document.diagnostics).toEqual({
      enabled: true,
      otel: {
        enabled: true,
        endpoint: 'http://prometheus-k8s.monitoring.svc:9090/api/v1/otlp',
        protocol: 'http/protobuf',
        serviceName: 'openclaw',
        traces: false,
        metrics: true,
        logs: false,
        flushIntervalMs: 30000,
      },
    });
    // A base URL: the SDK appends /v1/metrics itself.
    expect(String((document.diagnostics.otel as { endpoint: string }).endpoint)).not.toMatch(
      /\/v1\/(metrics|traces|logs)$/,
    );
  });

  test('enables the discord, telegram and diagnostics-otel plugins, diagnostics-otel without config', () => {
    expect(document.plugins).toEqual({
      entries: { discord: { enabled: true }, telegram: { enabled: true }, 'diagnostics-otel': { enabled: true } },
    });
  });

  test('keeps the gateway, channels and LiteLLM provider of today', () => {
    expect(document.gateway).toEqual({
      mode: 'local',
      bind: 'lan',
      port: 18789,
      auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' },
      controlUi: { allowInsecureAuth: true },
    });
    expect(document.channels).toMatchObject({
      discord: { enabled: true, token: '${DISCORD_BOT_TOKEN}' },
      telegram: { enabled: true, botToken: '${TELEGRAM_BOT_TOKEN}', dmPolicy: 'pairing' },
    });
    expect(document.models).toMatchObject({
      providers: {
        litellm: {
          baseUrl: 'http://litellm.openclaw.svc.cluster.local:4000',
          apiKey: '${LITELLM_PROXY_KEY}',
          api: 'openai-completions',
        },
      },
    });
    const litellm = (document.models.providers as { litellm: { models: unknown[] } }).litellm;
    expect(litellm.models).toHaveLength(8);
    expect(Object.keys((document.agents.defaults as { models: object }).models)).toHaveLength(11);
  });

  test('every ${VAR} in openclaw.json is an env var of container openclaw', () => {
    const names = [...data['openclaw.json'].matchAll(/\$\{([A-Z_][A-Z0-9_]*)\}/g)].map((m) => m[1]);
    expect([...new Set(names)].sort()).toEqual([
      'DISCORD_BOT_TOKEN',
      'LITELLM_PROXY_KEY',
      'OPENCLAW_CRON_WEBHOOK_TOKEN',
      'OPENCLAW_GATEWAY_TOKEN',
      'TELEGRAM_BOT_TOKEN',
    ]);
    const env = new Set((container('openclaw').env ?? []).map((e) => e.name));
    for (const name of names) expect(env.has(name), name).toBe(true);
  });
});
