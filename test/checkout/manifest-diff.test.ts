import { diffManifestFile, parseManifestFile } from '../../lib/checkout/manifest-diff';

const deployment = (containers: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: app
${extra}spec:
  template:
    spec:
      containers:
${containers}`;

describe('manifest diff', () => {
  test('ignores key order, quoting and comments', () => {
    const a = 'kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "1"\n  b: two\n';
    const b = '# comment\nmetadata: {name: x}\nkind: ConfigMap\ndata: {b: "two", a: \'1\'}\n';
    expect(diffManifestFile('f.yaml', a, b)).toEqual([]);
  });

  test('reads 0555 as octal, as Kubernetes does', () => {
    const [object] = parseManifestFile('kind: X\nmetadata: {name: x}\nmode: 0555\n', 'f.yaml');
    expect(object?.value.mode).toBe(0o555);
  });

  test('matches containers by name and reports added, removed and changed fields with paths', () => {
    const before = deployment('        - name: a\n          image: a:1\n        - name: b\n          image: b:1\n');
    const after = deployment('        - name: b\n          image: b:2\n        - name: c\n          image: c:1\n');
    const [diff] = diffManifestFile('f.yaml', before, after);
    expect(diff?.object).toBe('Deployment/app/web');
    expect(diff?.changes).toEqual([
      { path: 'spec.template.spec.containers[name=b].image', kind: 'changed', old: 'b:1', new: 'b:2' },
      { path: 'spec.template.spec.containers[name=c]', kind: 'added', new: { name: 'c', image: 'c:1' } },
      { path: 'spec.template.spec.containers[name=a]', kind: 'removed', old: { name: 'a', image: 'a:1' } },
    ]);
  });

  test('reports keyed items in another order', () => {
    const before = deployment('        - name: a\n        - name: b\n');
    const after = deployment('        - name: b\n        - name: a\n');
    expect(diffManifestFile('f.yaml', before, after)[0]?.changes).toEqual([
      { path: 'spec.template.spec.containers', kind: 'reordered', old: ['a', 'b'], new: ['b', 'a'] },
    ]);
  });

  test('descends into a map that is new on one side (an annotation is one leaf)', () => {
    const before = deployment('        - name: a\n');
    const after = deployment('        - name: a\n', '  annotations:\n    argocd.argoproj.io/sync-wave: "1"\n');
    expect(diffManifestFile('f.yaml', before, after)[0]?.changes).toEqual([
      { path: "metadata.annotations['argocd.argoproj.io/sync-wave']", kind: 'added', new: '1' },
    ]);
  });

  test('compares the JSON inside a ConfigMap as JSON', () => {
    const configMap = (json: string): string =>
      `kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  app.json: |\n    ${json}\n  other.txt: "{}"\n`;
    expect(diffManifestFile('f.yaml', configMap('{"a": 1, "b": [1, 2]}'), configMap('{"b": [1,2], "a": 1}'))).toEqual(
      [],
    );
    expect(diffManifestFile('f.yaml', configMap('{"a": {"x": 1}}'), configMap('{"a": {"x": 2}}'))[0]?.changes).toEqual([
      { path: "data['app.json'].a.x", kind: 'changed', old: 1, new: 2 },
    ]);
  });

  test('reports objects added and removed', () => {
    const a = 'kind: A\nmetadata: {name: one}\n';
    const b = 'kind: A\nmetadata: {name: two}\n';
    expect(diffManifestFile('f.yaml', a, b).map((d) => `${d.status} ${d.object}`)).toEqual([
      'added A/two',
      'removed A/one',
    ]);
  });

  test('fails naming the file on invalid yaml', () => {
    expect(() => parseManifestFile('a: [1\n', 'dir/f.yaml')).toThrow(/dir\/f\.yaml is not valid yaml/);
  });
});
