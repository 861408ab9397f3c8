/**
 * `kubectl kustomize` builds the live lolice `argoproj/openclaw` tree (test/fixtures/live) with the
 * generated files copied over it, which is what Argo CD renders: the files copy 1:1 and kustomize's
 * namespace and configMapGenerator transformations apply to them as they do in lolice.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { liveLoliceCopy, readLiveLolice } from '../support/live-tree';
import { makeTempDir, removeTempDirs, renderLolice, type K8sObject } from '../support/openclaw-ops-harness';
import { toolPath } from '../support/provision/tool-path';

const KUSTOMIZATION_DIR = 'argoproj/openclaw';

afterAll(removeTempDirs);

interface Built {
  readonly status: number | null;
  readonly stderr: string;
  readonly objects: K8sObject[];
  readonly generatedFiles: readonly string[];
}

function buildFixture(): Built {
  const tree = renderLolice();
  const root = liveLoliceCopy(makeTempDir('kustomize'), tree);
  const result = spawnSync(toolPath('kubectl'), ['kustomize', path.join(root, KUSTOMIZATION_DIR)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const objects =
    result.status === 0
      ? YAML.parseAllDocuments(result.stdout)
          .map((d) => d.toJS() as K8sObject)
          .filter((o) => o !== null)
      : [];
  return {
    status: result.status,
    stderr: result.stderr,
    objects,
    generatedFiles: [...tree.keys()],
  };
}

interface PodSpecJson {
  containers: {
    name: string;
    env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  }[];
  volumes: { name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } }[];
}

describe('kustomize | lolice argoproj/openclaw with the generated files', () => {
  let built: Built;
  const find = (kind: string, name: string): K8sObject => {
    const found = built.objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found)
      throw new Error(
        `kustomize output has no ${kind} ${name}: got ${built.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
      );
    return found;
  };
  const generated = (prefix: string): K8sObject => {
    const matches = built.objects.filter(
      (o) => o.kind === 'ConfigMap' && new RegExp(`^${prefix}-[a-z0-9]{10}$`).test(o.metadata.name),
    );
    expect(matches, `generated ConfigMap ${prefix}-<hash>`).toHaveLength(1);
    return matches[0];
  };

  beforeAll(() => {
    built = buildFixture();
  });

  test('kubectl kustomize succeeds', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.objects.length).toBeGreaterThanOrEqual(15);
  });

  test('the live kustomization lists the 13 resources in order, the generated ones among them', () => {
    const kustomization = YAML.parse(readLiveLolice(`${KUSTOMIZATION_DIR}/kustomization.yaml`)) as {
      namespace: string;
      resources: string[];
    };
    expect(kustomization.namespace).toBe('openclaw');
    expect(kustomization.resources).toEqual([
      'namespace.yaml',
      'external-secret.yaml',
      'external-secret-litellm.yaml',
      'configmap-openclaw.yaml',
      'configmap-gh-wrapper.yaml',
      'configmap-litellm.yaml',
      'deployment-openclaw.yaml',
      'service-openclaw.yaml',
      'pvc.yaml',
      'deployment-litellm.yaml',
      'service-litellm.yaml',
      'deployment-cloudflared.yaml',
      'networkpolicy.yaml',
    ]);
    // The build above replaced these live files with the generated ones.
    for (const file of [
      'external-secret.yaml',
      'external-secret-litellm.yaml',
      'configmap-openclaw.yaml',
      'deployment-openclaw.yaml',
      'networkpolicy.yaml',
    ]) {
      expect(built.generatedFiles, file).toContain(`${KUSTOMIZATION_DIR}/${file}`);
    }
  });

  test('the generated objects come out with their names and namespace openclaw', () => {
    for (const [kind, name] of [
      ['ExternalSecret', 'openclaw-es'],
      ['ExternalSecret', 'litellm-es'],
      ['ConfigMap', 'openclaw-config'],
      ['Deployment', 'openclaw'],
    ]) {
      expect(find(kind, name).metadata.namespace, `${kind} ${name}`).toBe('openclaw');
    }
    for (const object of built.objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe('openclaw');
    }
  });

  test("rewrites the Deployment's board volumes to the hash-suffixed generated ConfigMaps", () => {
    const pod = (find('Deployment', 'openclaw').spec as { template: { spec: PodSpecJson } }).template.spec;
    const volume = (name: string) => pod.volumes.find((v) => v.name === name);
    const nginx = generated('board-server-config-nginx');
    const html = generated('board-server-config-html');
    expect(volume('board-nginx-conf')?.configMap?.name).toBe(nginx.metadata.name);
    expect(volume('board-html')?.configMap?.name).toBe(html.metadata.name);
    expect(Object.keys(nginx.data as object)).toEqual(['nginx.conf']);
    expect(Object.keys(html.data as object).sort()).toEqual([
      'app.js',
      'index.html',
      'marked.min.js',
      'purify.min.js',
      'style.css',
    ]);
  });

  test('leaves the ConfigMaps and PVC it does not generate under their own names', () => {
    const pod = (find('Deployment', 'openclaw').spec as { template: { spec: PodSpecJson } }).template.spec;
    const volume = (name: string) => pod.volumes.find((v) => v.name === name);
    expect(volume('openclaw-config')?.configMap?.name).toBe('openclaw-config');
    expect(volume('gh-wrapper')?.configMap?.name).toBe('gh-wrapper');
    expect(volume('data')?.persistentVolumeClaim?.claimName).toBe('openclaw-data');
    find('ConfigMap', 'gh-wrapper');
    find('PersistentVolumeClaim', 'openclaw-data');
  });

  test('every Secret the workloads read is the target of an ExternalSecret, key included', () => {
    const produced = new Set<string>();
    for (const es of built.objects.filter((o) => o.kind === 'ExternalSecret')) {
      const spec = es.spec as { target: { name: string }; data: { secretKey: string }[] };
      for (const entry of spec.data) produced.add(`${spec.target.name}/${entry.secretKey}`);
    }
    const refs: string[] = [];
    for (const deployment of built.objects.filter((o) => o.kind === 'Deployment')) {
      for (const container of (deployment.spec as { template: { spec: PodSpecJson } }).template.spec.containers) {
        for (const env of container.env ?? []) {
          const ref = env.valueFrom?.secretKeyRef;
          if (ref) refs.push(`${deployment.metadata.name}/${container.name}/${env.name} → ${ref.name}/${ref.key}`);
          if (ref)
            expect(
              produced.has(`${ref.name}/${ref.key}`),
              `${deployment.metadata.name} ${env.name} → ${ref.name}/${ref.key}`,
            ).toBe(true);
        }
      }
    }
    expect(refs).toEqual(
      expect.arrayContaining([
        'openclaw/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN → openclaw-credentials/OPENCLAW_CRON_WEBHOOK_TOKEN',
        'openclaw/openclaw/LITELLM_PROXY_KEY → litellm-credentials/LITELLM_MASTER_KEY',
        'cloudflared/cloudflared/TUNNEL_TOKEN → openclaw-credentials/TUNNEL_TOKEN',
      ]),
    );
  });

  test('keeps the sync waves (ExternalSecrets 0 before Deployment 1)', () => {
    const wave = (kind: string, name: string) =>
      find(kind, name).metadata.annotations?.['argocd.argoproj.io/sync-wave'];
    expect(wave('ExternalSecret', 'openclaw-es')).toBe('0');
    expect(wave('ExternalSecret', 'litellm-es')).toBe('0');
    expect(wave('Deployment', 'openclaw')).toBe('1');
  });

  test('builds the three NetworkPolicies of the generated networkpolicy.yaml', () => {
    const policies = built.objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name);
    expect(policies.sort()).toEqual(['cloudflared-network', 'litellm-network', 'openclaw-network']);
  });
});
