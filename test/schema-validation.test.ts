/**
 * Every Kubernetes object of the whole rendered lolice tree validates against the upstream schema
 * (kubernetes-models: core API, External Secrets, prometheus-operator). A kind with no registered
 * model fails, so a new kind must be added to test/support/validate-model.ts on purpose.
 */
import { parseYamlDocuments, removeTempDirs, renderLolice, type K8sObject } from './support/openclaw-ops-harness';

afterAll(removeTempDirs);
import { KUBERNETES_MODELS, validateKubernetesObject } from './support/validate-model';

/** kustomize's own files are build inputs, not cluster objects; they have no OpenAPI schema. */
const KUSTOMIZE_API = /^kustomize\.config\.k8s\.io\//;

const tree = renderLolice();
const yamlFiles = [...tree.entries()].filter(([path]) => /\.ya?ml$/.test(path));
const objects: { file: string; object: K8sObject }[] = yamlFiles.flatMap(([file, text]) =>
  parseYamlDocuments(text, file).map((object) => ({ file, object })),
);
const clusterObjects = objects.filter(({ object }) => !KUSTOMIZE_API.test(String(object.apiVersion)));

function label({ file, object }: { file: string; object: K8sObject }): string {
  return `${file}: ${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
}

describe('schema validation | the whole rendered tree', () => {
  test('the tree has the issue-2 objects (so the checks below are not vacuous)', () => {
    const kinds = clusterObjects.map(({ object }) => `${object.apiVersion}/${object.kind}/${object.metadata.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'external-secrets.io/v1/ExternalSecret/openclaw-es',
        'external-secrets.io/v1/ExternalSecret/litellm-es',
        'apps/v1/Deployment/openclaw',
        'v1/ConfigMap/openclaw-config',
      ]),
    );
  });

  test('every YAML document is a Kubernetes object with apiVersion, kind and metadata.name', () => {
    for (const entry of objects) {
      expect(typeof entry.object.apiVersion, label(entry)).toBe('string');
      expect(typeof entry.object.kind, label(entry)).toBe('string');
      expect(typeof entry.object.metadata?.name, label(entry)).toBe('string');
    }
  });

  test('every kind in the tree has a registered upstream schema', () => {
    const missing = clusterObjects
      .map(({ object }) => `${object.apiVersion}/${object.kind}`)
      .filter((gvk) => !KUBERNETES_MODELS.has(gvk));
    expect([...new Set(missing)], 'add a kubernetes-models class for these kinds in test/support/validate-model.ts').toEqual([]);
  });

  test.each(clusterObjects.map((entry) => [label(entry), entry.object] as const))('%s validates', (_name, object) => {
    expect(() => validateKubernetesObject(object)).not.toThrow();
  });

  test('kustomize files (if any) are Kustomization or Component', () => {
    for (const entry of objects.filter(({ object }) => KUSTOMIZE_API.test(String(object.apiVersion)))) {
      expect(['Kustomization', 'Component'], label(entry)).toContain(entry.object.kind);
    }
  });
});

describe('schema validation | the validator is live', () => {
  const deployment = clusterObjects.find(({ object }) => object.kind === 'Deployment' && object.metadata.name === 'openclaw');
  const externalSecret = clusterObjects.find(({ object }) => object.metadata.name === 'openclaw-es');

  /** A deep copy of a rendered object, typed for the field a test breaks. */
  function copyOf<T>(entry: { object: K8sObject } | undefined): T {
    if (!entry) throw new Error('the rendered tree lacks the object this negative test breaks');
    expect(() => validateKubernetesObject(entry.object)).not.toThrow();
    return structuredClone(entry.object) as unknown as T;
  }

  test('fails when the Deployment pod spec has no containers', () => {
    const broken = copyOf<{ spec: { template: { spec: Record<string, unknown> } } }>(deployment);
    delete broken.spec.template.spec.containers;
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(/spec\/template\/spec must have required property '?containers'?/);
  });

  test('fails when a container port is a string', () => {
    const broken = copyOf<{ spec: { template: { spec: { containers: { ports?: unknown[] }[] } } } }>(deployment);
    broken.spec.template.spec.containers[0].ports = [{ containerPort: 'eighteen' }];
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(/containerPort/);
  });

  test('fails when the ExternalSecret store kind is not an allowed value', () => {
    const broken = copyOf<{ spec: { secretStoreRef: { kind: string } } }>(externalSecret);
    broken.spec.secretStoreRef.kind = 'ParameterStore';
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(/secretStoreRef\/kind must be equal to one of the allowed values/);
  });

  test('fails when a ConfigMap data value is not a string', () => {
    expect(() =>
      validateKubernetesObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { 'openclaw.json': 42 } } as unknown as K8sObject),
    ).toThrow(/must be string/);
  });

  test('fails for a kind without a registered schema', () => {
    expect(() => validateKubernetesObject({ apiVersion: 'example.invalid/v1', kind: 'Widget' })).toThrow(
      /no kubernetes-models schema registered for example\.invalid\/v1\/Widget/,
    );
  });
});
