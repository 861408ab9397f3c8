/**
 * Every Kubernetes object of the whole rendered lolice tree validates against the upstream schema
 * (kubernetes-models: core API, External Secrets, prometheus-operator). A kind with no registered
 * model fails, so a new kind must be added to test/support/validate-model.ts on purpose.
 */
import { parseYamlDocuments, removeTempDirs, renderLolice, type K8sObject } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);
import { KUBERNETES_MODELS, validateKubernetesObject } from '../support/validate-model';

/** kustomize's own files are build inputs, not cluster objects; they have no OpenAPI schema. */
const KUSTOMIZE_API = /^kustomize\.config\.k8s\.io\//;

const tree = renderLolice();
const yamlFiles = [...tree.entries()].filter(([path]) => /\.ya?ml$/.test(path));
const objects: { file: string; object: K8sObject }[] = yamlFiles.flatMap(([file, text]) =>
  parseYamlDocuments(text, file).map((object) => ({ file, object })),
);
const kustomizeFiles = objects.filter(({ object }) => KUSTOMIZE_API.test(String(object.apiVersion)));

/** Files a Kustomization or Component applies as patches (partial objects, merged onto a base elsewhere). */
const patchFiles = new Set(
  kustomizeFiles.flatMap(({ file, object }) => {
    const dir = file.split('/').slice(0, -1).join('/');
    const spec = object as unknown as { patches?: { path?: string }[]; patchesStrategicMerge?: string[] };
    const paths = [...(spec.patches ?? []).map((p) => p.path), ...(spec.patchesStrategicMerge ?? [])];
    return paths.filter((p): p is string => typeof p === 'string').map((p) => `${dir}/${p}`);
  }),
);

const clusterObjects = objects.filter(
  ({ file, object }) => !KUSTOMIZE_API.test(String(object.apiVersion)) && !patchFiles.has(file),
);
const patches = objects.filter(
  ({ file, object }) => !KUSTOMIZE_API.test(String(object.apiVersion)) && patchFiles.has(file),
);

/**
 * The smallest valid object of a kind a patch targets: the patch is merged onto it (objects merged,
 * patch values win, lists replaced) so the schema checks every field the patch sets, while the
 * required fields the real base provides do not fail it. Add a stub when a new kind is patched.
 */
const PATCH_BASES: Readonly<Record<string, unknown>> = {
  'apps/v1/Deployment': { spec: { selector: { matchLabels: {} }, template: { spec: { containers: [] } } } },
  'monitoring.coreos.com/v1/Prometheus': { spec: {} },
};

function mergePatch(base: unknown, patch: unknown): unknown {
  if (
    base &&
    patch &&
    typeof base === 'object' &&
    typeof patch === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(patch)
  ) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>))
      merged[key] = mergePatch(merged[key], value);
    return merged;
  }
  return patch === undefined ? base : patch;
}

function label({ file, object }: { file: string; object: K8sObject }): string {
  return `${file}: ${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
}

describe('schema validation | the whole rendered tree', () => {
  test('the tree has the changed objects (so the checks below are not vacuous)', () => {
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
    for (const entry of [...clusterObjects, ...patches]) {
      expect(typeof entry.object.apiVersion, label(entry)).toBe('string');
      expect(typeof entry.object.kind, label(entry)).toBe('string');
      expect(typeof entry.object.metadata?.name, label(entry)).toBe('string');
    }
  });

  test('every kind in the tree has a registered upstream schema', () => {
    const missing = [...clusterObjects, ...patches]
      .map(({ object }) => `${object.apiVersion}/${object.kind}`)
      .filter((gvk) => !KUBERNETES_MODELS.has(gvk));
    expect(
      [...new Set(missing)],
      'add a kubernetes-models class for these kinds in test/support/validate-model.ts',
    ).toEqual([]);
  });

  test.each(clusterObjects.map((entry) => [label(entry), entry.object] as const))('%s validates', (_name, object) => {
    expect(() => validateKubernetesObject(object)).not.toThrow();
  });

  test.each(patches.map((entry) => [label(entry), entry.object] as const))(
    '%s (a kustomize patch) validates merged onto a minimal base',
    (name, object) => {
      const gvk = `${object.apiVersion}/${object.kind}`;
      expect(Object.keys(PATCH_BASES), `add a minimal ${gvk} to PATCH_BASES for ${name}`).toContain(gvk);
      expect(() => validateKubernetesObject(mergePatch(PATCH_BASES[gvk], object) as K8sObject)).not.toThrow();
    },
  );

  test('kustomize files (if any) are Kustomization or Component', () => {
    for (const entry of kustomizeFiles) {
      expect(['Kustomization', 'Component'], label(entry)).toContain(entry.object.kind);
    }
  });
});

describe('schema validation | the validator is live', () => {
  const deployment = clusterObjects.find(
    ({ object }) => object.kind === 'Deployment' && object.metadata.name === 'openclaw',
  );
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
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(
      /spec\/template\/spec must have required property '?containers'?/,
    );
  });

  test('fails when a container port is a string', () => {
    const broken = copyOf<{ spec: { template: { spec: { containers: { ports?: unknown[] }[] } } } }>(deployment);
    broken.spec.template.spec.containers[0].ports = [{ containerPort: 'eighteen' }];
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(/containerPort/);
  });

  test('fails when the ExternalSecret store kind is not an allowed value', () => {
    const broken = copyOf<{ spec: { secretStoreRef: { kind: string } } }>(externalSecret);
    broken.spec.secretStoreRef.kind = 'ParameterStore';
    expect(() => validateKubernetesObject(broken as unknown as K8sObject)).toThrow(
      /secretStoreRef\/kind must be equal to one of the allowed values/,
    );
  });

  test('fails when a ConfigMap data value is not a string', () => {
    expect(() =>
      validateKubernetesObject({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
        data: { 'openclaw.json': 42 },
      } as unknown as K8sObject),
    ).toThrow(/must be string/);
  });

  test('fails when a Deployment patch sets a field of the wrong type, even merged onto the base', () => {
    const patch = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'grafana' },
      spec: { template: { spec: { volumes: [{ name: 'x', configMap: { name: 7 } }] } } },
    };
    expect(() => validateKubernetesObject(mergePatch(PATCH_BASES['apps/v1/Deployment'], patch) as K8sObject)).toThrow(
      /volumes\/0\/configMap\/name must be string/,
    );
  });

  test('fails for a kind without a registered schema', () => {
    expect(() => validateKubernetesObject({ apiVersion: 'example.invalid/v1', kind: 'Widget' })).toThrow(
      /no kubernetes-models schema registered for example\.invalid\/v1\/Widget/,
    );
  });
});
