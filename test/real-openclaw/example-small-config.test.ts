/**
 * The second, small example config (config/example-small.ts: namespace `agents`, SSM prefix
 * `/example/openclaw/`, no LiteLLM, no cloudflared, no dind or board-server): it synthesizes both
 * sides, `kubectl kustomize` builds its app, and its openclaw.json passes the real OpenClaw loader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleSmallConfig } from '../../config/example-small';
import { validateConfigWithRelease } from '../../lib/openclaw/release/release-probe';
import { kustomizeBuild } from '../support/live-tree';
import { buildApp, makeTempDir, parseYamlDocuments, removeTempDirs } from '../support/openclaw-ops-harness';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';

afterAll(removeTempDirs);

const app = buildApp(exampleSmallConfig, makeTempDir('example-small-arch'));
const tree = app.renderLolice();
const objects = [...tree]
  .filter(([file]) => file.endsWith('.yaml'))
  .flatMap(([file, text]) => parseYamlDocuments(text, file));

describe('example-small config', () => {
  test('the pod has no dind or board-server, and nothing names LiteLLM or cloudflared', () => {
    const deployment = objects.find((o) => o.kind === 'Deployment') as unknown as {
      spec: { template: { spec: { initContainers: { name: string }[]; containers: { name: string }[] } } };
    };
    expect(deployment.spec.template.spec.containers.map((c) => c.name)).toEqual(['openclaw', 'cron-run-log']);
    expect(deployment.spec.template.spec.initContainers.map((c) => c.name)).toEqual(['init-config']);
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata?.name);
    expect(policies).toEqual(['openclaw-network']);
    for (const [file, text] of tree) {
      expect(text, file).not.toMatch(
        /litellm|cloudflared|boxp|lolice|b0xp|boxlab|P1809F7CD0C75ACF3|P8E80F9AEF21F6940|346180680851652618/i,
      );
    }
  });

  test('every file lands where its paths section says: under apps/agents and apps/monitoring, none under argoproj/', () => {
    const files = [...tree.keys()];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file, file).toMatch(/^apps\/(agents|monitoring)\//);
    expect(files).toEqual(
      expect.arrayContaining([
        'apps/agents/deployment.yaml',
        'apps/agents/configmap-openclaw.yaml',
        'apps/agents/networkpolicy.yaml',
        'apps/monitoring/components/openclaw-dashboard/kustomization.yaml',
      ]),
    );
  });

  test('every object of the app is in namespace agents, and every SSM parameter under /example/openclaw/', () => {
    const namespaced = objects.filter(
      (o) => o.metadata?.namespace !== undefined && o.metadata.namespace !== 'monitoring',
    );
    expect(namespaced.length).toBeGreaterThan(0);
    expect(new Set(namespaced.map((o) => o.metadata?.namespace))).toEqual(new Set(['agents']));
    const arch = app.renderArch();
    const stack = [...arch].find(([file]) => file.endsWith('cdk.tf.json'))?.[1] ?? '';
    const names = [...stack.matchAll(/"name": "(\/[^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['/example/openclaw/OPENCLAW_GATEWAY_TOKEN']);
  });

  test('kubectl kustomize builds its app', () => {
    const root = makeTempDir('example-small');
    for (const [file, text] of tree) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const app = path.join(root, 'apps/agents');
    const resources = fs.readdirSync(app).filter((f) => f.endsWith('.yaml'));
    fs.writeFileSync(
      path.join(app, 'kustomization.yaml'),
      `kind: Kustomization\nresources:\n${resources.map((f) => `  - ${f}\n`).join('')}`,
    );
    const built = parseYamlDocuments(kustomizeBuild(app));
    expect(built.map((o) => `${o.kind}/${o.metadata?.name}`).sort()).toEqual([
      'ConfigMap/cron-run-log-shipper',
      'ConfigMap/openclaw-config',
      'Deployment/openclaw',
      'ExternalSecret/openclaw-es',
      'NetworkPolicy/openclaw-network',
    ]);
  });

  test(
    'its openclaw.json passes the real OpenClaw loader',
    async () => {
      const release = await realOpenClawRelease();
      const configMap = objects.find(
        (o) => o.kind === 'ConfigMap' && o.metadata?.name === 'openclaw-config',
      ) as unknown as {
        data: Record<string, string>;
      };
      const document: unknown = JSON.parse(configMap.data['openclaw.json'] as string);
      const verdict = await validateConfigWithRelease(release, document, {
        env: { OPENCLAW_GATEWAY_TOKEN: 'fake-gateway-token', OPENAI_API_KEY: 'fake-openai-key' },
      });
      expect(verdict.issues).toEqual([]);
      expect(verdict.valid).toBe(true);
    },
    RELEASE_INSTALL_TIMEOUT_MS,
  );
});
