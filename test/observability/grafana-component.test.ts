/** The one Grafana kustomize Component construct: files, kustomization, mount styles, refusals. */
import { App } from 'cdk8s';
import { parse } from 'yaml';
import { renderLoliceFiles } from '../../lib/files/lolice-tree';
import {
  GrafanaComponent,
  grafanaComponentReference,
  type GrafanaComponentProps,
} from '../../lib/observability/grafana-component';

/** The kustomize app of Grafana in this test's repo layout. */
const GRAFANA_APP = 'apps/monitoring';
const DIR = `${GRAFANA_APP}/components/example`;

function render(overrides: Partial<GrafanaComponentProps> = {}): ReadonlyMap<string, string> {
  const app = new App();
  new GrafanaComponent(app, 'Example', {
    componentDir: DIR,
    grafanaApp: GRAFANA_APP,
    header: ['Example component.'],
    configMap: { fileName: 'configmap.yaml', name: 'grafana-example', data: { 'a.json': '{}' }, comment: 'cm' },
    mount: { fileName: 'patch.yaml', volumeName: 'example', mountPath: '/etc/example', comment: ['mounts it'] },
    ...overrides,
  });
  return renderLoliceFiles(app);
}

function yamlOf(tree: ReadonlyMap<string, string>, file: string): Record<string, unknown> {
  const text = tree.get(`${DIR}/${file}`);
  if (text === undefined) throw new Error(`${file} was not rendered`);
  return parse(text) as Record<string, unknown>;
}

describe('GrafanaComponent', () => {
  it('writes the ConfigMap, the Grafana patch and a Component kustomization listing them', () => {
    const tree = render();
    expect([...tree.keys()].sort()).toEqual(
      ['configmap.yaml', 'kustomization.yaml', 'patch.yaml'].map((file) => `${DIR}/${file}`),
    );
    expect(tree.get(`${DIR}/kustomization.yaml`)).toMatch(/^# Example component\.\napiVersion: /);
    expect(yamlOf(tree, 'kustomization.yaml')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources: ['configmap.yaml'],
      patches: [{ path: 'patch.yaml' }],
    });
    const patch = yamlOf(tree, 'patch.yaml');
    expect(patch).toMatchObject({ kind: 'Deployment', metadata: { name: 'grafana', namespace: 'monitoring' } });
    expect(patch.spec).toEqual({
      template: {
        spec: {
          containers: [
            { name: 'grafana', volumeMounts: [{ name: 'example', mountPath: '/etc/example', readOnly: true }] },
          ],
          volumes: [{ name: 'example', configMap: { name: 'grafana-example' } }],
        },
      },
    });
  });

  it('mounts a projected volume with pod annotations and an explicit patch target', () => {
    const tree = render({
      mount: {
        fileName: 'patch.yaml',
        volumeName: 'example',
        mountPath: '/etc/example',
        projected: true,
        podAnnotations: { digest: 'abc' },
        explicitTarget: true,
        comment: ['line one', 'line two'],
      },
    });
    expect(tree.get(`${DIR}/patch.yaml`)).toMatch(/^# line one line two\n/);
    expect(yamlOf(tree, 'patch.yaml').spec).toEqual({
      template: {
        metadata: { annotations: { digest: 'abc' } },
        spec: {
          containers: [
            { name: 'grafana', volumeMounts: [{ mountPath: '/etc/example', name: 'example', readOnly: true }] },
          ],
          volumes: [{ name: 'example', projected: { sources: [{ configMap: { name: 'grafana-example' } }] } }],
        },
      },
    });
    expect(yamlOf(tree, 'kustomization.yaml').patches).toEqual([
      { path: 'patch.yaml', target: { kind: 'Deployment', name: 'grafana', namespace: 'monitoring' } },
    ]);
  });

  it('lists further patches after the Grafana patch', () => {
    const tree = render({
      patches: [{ fileName: 'extra.yaml', manifest: { apiVersion: 'v1', kind: 'Thing' }, comment: 'x' }],
    });
    expect(yamlOf(tree, 'kustomization.yaml').patches).toEqual([{ path: 'patch.yaml' }, { path: 'extra.yaml' }]);
    expect(yamlOf(tree, 'extra.yaml')).toMatchObject({ apiVersion: 'v1', kind: 'Thing' });
  });

  it("refuses a directory lolice's prometheus-operator kustomization cannot list", () => {
    expect(() => render({ componentDir: 'apps/openclaw/example' })).toThrow(
      /received componentDir "apps\/openclaw\/example", expected a directory under apps\/monitoring\/ \(paths\.grafanaApp\)/,
    );
    expect(() => render({ patches: [{ fileName: 'extra.yaml', manifest: { kind: 'Thing' }, comment: 'x' }] })).toThrow(
      /patch extra\.yaml: received a patch without apiVersion\/kind/,
    );
  });

  it('names the kustomization line', () => {
    expect(grafanaComponentReference(DIR, GRAFANA_APP)).toEqual({
      componentReference: 'components/example',
      kustomizationLine: 'components: [components/example]',
    });
  });
});
