import {
  describeManifestValue,
  diffManifestFile,
  diffObjects,
  parseManifestFile,
} from '../../lib/checkout/manifest-diff';

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

describe('manifest diff: object ids and documents', () => {
  test('names an object Kind/name, Kind/namespace/name, or by its kind alone without a name', () => {
    const text = [
      'kind: A\nmetadata: {name: one}',
      'kind: B\nmetadata: {name: two, namespace: ns}',
      'kind: C\nmetadata: {namespace: ns}',
      'kind: D\nmetadata: {name: 3, namespace: ns}',
      'kind: E\nmetadata: {name: five, namespace: 6}',
      'kind: F\nmetadata: [name]',
      'metadata: {name: seven}',
      'kind: 8\nmetadata: {name: eight}',
    ].join('\n---\n');
    expect(parseManifestFile(text, 'f.yaml').map((o) => o.id)).toEqual([
      'A/one',
      'B/ns/two',
      'C',
      'D',
      'E/five',
      'F',
      '(document)/seven',
      '(document)/eight',
    ]);
  });

  test('skips empty documents', () => {
    expect(parseManifestFile('---\n# only a comment\n---\n~\n---\nkind: A\n', 'f.yaml').map((o) => o.id)).toEqual([
      'A',
    ]);
  });

  test('refuses a document that is not an object, naming the file and what it received', () => {
    expect(() => parseManifestFile('kind: A\n---\njust text\n', 'dir/f.yaml')).toThrow(
      new Error('dir/f.yaml: a yaml document is not an object (received string): expected Kubernetes objects'),
    );
    expect(() => parseManifestFile('- a\n', 'f.yaml')).toThrow(
      new Error('f.yaml: a yaml document is not an object (received object): expected Kubernetes objects'),
    );
  });

  test('an invalid yaml document is named with the parser message', () => {
    expect(() => parseManifestFile('kind: A\n---\na: [1\n', 'f.yaml')).toThrow(
      /^f\.yaml is not valid yaml: Flow sequence in block collection must be sufficiently indented and end with a \]/,
    );
  });

  test('a new file lists every object as added, a removed file every object as removed; unchanged objects are left out', () => {
    const text = 'kind: A\nmetadata: {name: one}\n---\nkind: A\nmetadata: {name: two}\n';
    expect(diffManifestFile('f.yaml', undefined, text)).toEqual([
      { file: 'f.yaml', object: 'A/one', status: 'added', changes: [] },
      { file: 'f.yaml', object: 'A/two', status: 'added', changes: [] },
    ]);
    expect(diffManifestFile('f.yaml', text, undefined)).toEqual([
      { file: 'f.yaml', object: 'A/one', status: 'removed', changes: [] },
      { file: 'f.yaml', object: 'A/two', status: 'removed', changes: [] },
    ]);
    const changed = 'kind: A\nmetadata: {name: one}\n---\nkind: A\nmetadata: {name: two}\nx: 1\n';
    expect(diffManifestFile('f.yaml', text, changed)).toEqual([
      { file: 'f.yaml', object: 'A/two', status: 'changed', changes: [{ path: 'x', kind: 'added', new: 1 }] },
    ]);
    expect(diffManifestFile('f.yaml', undefined, undefined)).toEqual([]);
  });
});

describe('manifest diff: fields', () => {
  test('a map added or removed whole is reported per leaf; an empty one as one value', () => {
    expect(diffObjects({ kind: 'A' }, { kind: 'A', spec: { a: 1, b: { c: 2 } }, extra: {} })).toEqual([
      { path: 'spec.a', kind: 'added', new: 1 },
      { path: 'spec.b.c', kind: 'added', new: 2 },
      { path: 'extra', kind: 'added', new: {} },
    ]);
    expect(diffObjects({ kind: 'A', spec: { a: 1 }, extra: {}, list: [1] }, { kind: 'A' })).toEqual([
      { path: 'spec.a', kind: 'removed', old: 1 },
      { path: 'extra', kind: 'removed', old: {} },
      { path: 'list', kind: 'removed', old: [1] },
    ]);
  });

  test('a value that changes type is one change', () => {
    expect(diffObjects({ a: [1], b: { x: 1 }, c: 'x', d: null }, { a: { x: 1 }, b: 'x', c: [1], d: 0 })).toEqual([
      { path: 'a', kind: 'changed', old: [1], new: { x: 1 } },
      { path: 'b', kind: 'changed', old: { x: 1 }, new: 'x' },
      { path: 'c', kind: 'changed', old: 'x', new: [1] },
      { path: 'd', kind: 'changed', old: null, new: 0 },
    ]);
  });

  test('writes plain keys with dots and any other key in brackets', () => {
    const after = { a_b: { 'c-d': 1, '0x': 2, _e: 3, 'f.g': { h: 4 } }, 'x/y': 5, '-z': 6 };
    expect(diffObjects({}, after).map((c) => c.path)).toEqual([
      'a_b.c-d',
      "a_b['0x']",
      'a_b._e',
      "a_b['f.g'].h",
      "['x/y']",
      "['-z']",
    ]);
  });

  test('a list of scalars is one value: changed whole, or not at all', () => {
    expect(diffObjects({ args: ['a', 'b'] }, { args: ['a', 'b'] })).toEqual([]);
    expect(diffObjects({ args: ['a', 'b'] }, { args: ['a', 'c'] })).toEqual([
      { path: 'args', kind: 'changed', old: ['a', 'b'], new: ['a', 'c'] },
    ]);
    expect(diffObjects({ args: ['a', 'b'] }, { args: ['a'] })).toEqual([
      { path: 'args', kind: 'changed', old: ['a', 'b'], new: ['a'] },
    ]);
    expect(diffObjects({ args: ['a'] }, { args: ['a', 'b'] })).toEqual([
      { path: 'args', kind: 'changed', old: ['a'], new: ['a', 'b'] },
    ]);
    expect(diffObjects({ args: [] }, { args: [] })).toEqual([]);
  });

  test('items without a unique key are compared by position', () => {
    expect(diffObjects({ l: [{ v: 1 }, { v: 2 }] }, { l: [{ v: 1 }, { v: 3 }, { v: 4 }] })).toEqual([
      { path: 'l[1].v', kind: 'changed', old: 2, new: 3 },
      { path: 'l[2].v', kind: 'added', new: 4 },
    ]);
    expect(
      diffObjects(
        {
          l: [
            { name: 'a', v: 1 },
            { name: 'a', v: 2 },
          ],
        },
        {
          l: [
            { name: 'a', v: 1 },
            { name: 'a', v: 3 },
          ],
        },
      ),
    ).toEqual([{ path: 'l[1].v', kind: 'changed', old: 2, new: 3 }]);
    expect(diffObjects({ l: [{ name: true }] }, { l: [{ name: true, v: 1 }] })).toEqual([
      { path: 'l[0].v', kind: 'added', new: 1 },
    ]);
    expect(diffObjects({ l: [{ name: 'a' }, 'x'] }, { l: [{ name: 'a', v: 1 }, 'x'] })).toEqual([
      { path: 'l[0].v', kind: 'added', new: 1 },
    ]);
    expect(diffObjects({ l: [{ v: 1 }] }, { l: [] })).toEqual([{ path: 'l[0].v', kind: 'removed', old: 1 }]);
  });

  test('matches items by name, else secretKey, id or mountPath; a key must be unique on both sides', () => {
    expect(diffObjects({ l: [{ secretKey: 's', v: 1 }] }, { l: [{ secretKey: 's', v: 2 }] })).toEqual([
      { path: 'l[secretKey=s].v', kind: 'changed', old: 1, new: 2 },
    ]);
    expect(diffObjects({ l: [{ id: 7, v: 1 }] }, { l: [{ id: 7, v: 2 }] })).toEqual([
      { path: 'l[id=7].v', kind: 'changed', old: 1, new: 2 },
    ]);
    expect(diffObjects({ l: [{ mountPath: '/a', v: 1 }] }, { l: [{ mountPath: '/a', v: 2 }] })).toEqual([
      { path: 'l[mountPath=/a].v', kind: 'changed', old: 1, new: 2 },
    ]);
    // names repeat after: the next key that is unique on both sides is used
    expect(
      diffObjects(
        {
          l: [
            { name: 'a', id: 'x', v: 1 },
            { name: 'b', id: 'y', v: 1 },
          ],
        },
        {
          l: [
            { name: 'a', id: 'x', v: 1 },
            { name: 'a', id: 'y', v: 2 },
          ],
        },
      ),
    ).toEqual([
      { path: 'l[id=y].name', kind: 'changed', old: 'b', new: 'a' },
      { path: 'l[id=y].v', kind: 'changed', old: 1, new: 2 },
    ]);
  });

  test('a keyed list new on one side reports its items', () => {
    expect(diffObjects({ l: [] }, { l: [{ name: 'a' }] })).toEqual([
      { path: 'l[name=a]', kind: 'added', new: { name: 'a' } },
    ]);
    expect(diffObjects({ l: [{ name: 'a' }] }, { l: [] })).toEqual([
      { path: 'l[name=a]', kind: 'removed', old: { name: 'a' } },
    ]);
  });

  test('a reorder is reported over the items both sides keep, before the items added and removed', () => {
    expect(
      diffObjects(
        { l: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
        { l: [{ name: 'd' }, { name: 'b' }, { name: 'a' }] },
      ),
    ).toEqual([
      { path: 'l', kind: 'reordered', old: ['a', 'b'], new: ['b', 'a'] },
      { path: 'l[name=d]', kind: 'added', new: { name: 'd' } },
      { path: 'l[name=c]', kind: 'removed', old: { name: 'c' } },
    ]);
    expect(
      diffObjects({ l: [{ name: 'a' }, { name: 'b' }] }, { l: [{ name: 'a' }, { name: 'c' }, { name: 'b' }] }),
    ).toEqual([{ path: 'l[name=c]', kind: 'added', new: { name: 'c' } }]);
  });
});

describe('manifest diff: JSON inside a ConfigMap', () => {
  const cm = (data: { [key: string]: string }, kind = 'ConfigMap') => ({ kind, metadata: { name: 'c' }, data });

  test('only when both sides are ConfigMaps', () => {
    expect(diffObjects(cm({ 'a.json': '{"x": 1}' }), cm({ 'a.json': '{"x":1}' }))).toEqual([]);
    expect(diffObjects(cm({ 'a.json': '{"x": 1}' }, 'Secret'), cm({ 'a.json': '{"x":1}' }))).toEqual([
      { path: 'kind', kind: 'changed', old: 'Secret', new: 'ConfigMap' },
      { path: "data['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
    expect(diffObjects(cm({ 'a.json': '{"x": 1}' }), cm({ 'a.json': '{"x":1}' }, 'Secret'))).toEqual([
      { path: 'kind', kind: 'changed', old: 'ConfigMap', new: 'Secret' },
      { path: "data['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
  });

  test('only for keys ending in .json directly under data', () => {
    expect(diffObjects(cm({ 'a.txt': '{"x": 1}' }), cm({ 'a.txt': '{"x":1}' }))).toEqual([
      { path: "data['a.txt']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
    const annotated = (json: string) => ({ kind: 'ConfigMap', metadata: { annotations: { 'a.json': json } } });
    expect(diffObjects(annotated('{"x": 1}'), annotated('{"x":1}'))).toEqual([
      { path: "metadata.annotations['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
    const nested = (json: string) => ({ kind: 'ConfigMap', spec: { data: { 'a.json': json } } });
    expect(diffObjects(nested('{"x": 1}'), nested('{"x":1}'))).toEqual([
      { path: "spec.data['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
    const deeper = (json: string) => ({ kind: 'ConfigMap', data: { 'a.json': json, sub: { 'b.json': json } } });
    expect(diffObjects(deeper('{"x": 1}'), deeper('{"x":1}'))).toEqual([
      { path: "data.sub['b.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
  });

  test('a side that is absent or not JSON compares as text', () => {
    expect(diffObjects(cm({}), cm({ 'a.json': '{"x": 1}' }))).toEqual([
      { path: "data['a.json']", kind: 'added', new: '{"x": 1}' },
    ]);
    expect(diffObjects(cm({ 'a.json': '{"x": 1}' }), cm({}))).toEqual([
      { path: "data['a.json']", kind: 'removed', old: '{"x": 1}' },
    ]);
    expect(diffObjects(cm({ 'a.json': '{"x": 1' }), cm({ 'a.json': '{"x": 1}' }))).toEqual([
      { path: "data['a.json']", kind: 'changed', old: '{"x": 1', new: '{"x": 1}' },
    ]);
    expect(diffObjects(cm({ 'a.json': '{"x": 1}' }), cm({ 'a.json': '{"x": 1' }))).toEqual([
      { path: "data['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x": 1' },
    ]);
  });

  test('the JSON documents are diffed as values, arrays and maps inside them too', () => {
    expect(
      diffObjects(
        cm({ 'a.json': '{"l": [{"name": "a", "v": 1}]}' }),
        cm({ 'a.json': '{"l": [{"name": "a", "v": 2}]}' }),
      ),
    ).toEqual([{ path: "data['a.json'].l[name=a].v", kind: 'changed', old: 1, new: 2 }]);
  });
});

describe('manifest diff: nulls, mixed lists and odd values', () => {
  test('null is a value of its own: against a map, in a list, beside a keyed item', () => {
    expect(diffObjects({ a: null }, { a: { x: 1 } })).toEqual([
      { path: 'a', kind: 'changed', old: null, new: { x: 1 } },
    ]);
    expect(diffObjects({ a: { x: 1 } }, { a: null })).toEqual([
      { path: 'a', kind: 'changed', old: { x: 1 }, new: null },
    ]);
    expect(diffObjects({ l: [null] }, { l: [1] })).toEqual([{ path: 'l', kind: 'changed', old: [null], new: [1] }]);
    expect(diffObjects({ l: [null] }, { l: [null, 1] })).toEqual([
      { path: 'l', kind: 'changed', old: [null], new: [null, 1] },
    ]);
    expect(diffObjects({ l: [{ name: 'a' }, null] }, { l: [{ name: 'a' }, null] })).toEqual([]);
    expect(diffObjects({ l: [{ name: 'a' }, null] }, { l: [{ name: 'b' }, null] })).toEqual([
      { path: 'l[0].name', kind: 'changed', old: 'a', new: 'b' },
    ]);
  });

  test('a list with a map on one side only is compared by position', () => {
    expect(diffObjects({ l: [{ v: 1 }, 'x'] }, { l: ['y', 'x'] })).toEqual([
      { path: 'l[0]', kind: 'changed', old: { v: 1 }, new: 'y' },
    ]);
    expect(diffObjects({ l: ['y', 'x'] }, { l: [{ v: 1 }, 'x'] })).toEqual([
      { path: 'l[0]', kind: 'changed', old: 'y', new: { v: 1 } },
    ]);
  });

  test('only keys directly under data are read as JSON, not a top-level key or data.data', () => {
    const top = (json: string) => ({ kind: 'ConfigMap', 'a.json': json });
    expect(diffObjects(top('{"x": 1}'), top('{"x":1}'))).toEqual([
      { path: "['a.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
    const nested = (json: string) => ({ kind: 'ConfigMap', data: { data: { 'b.json': json } } });
    expect(diffObjects(nested('{"x": 1}'), nested('{"x":1}'))).toEqual([
      { path: "data.data['b.json']", kind: 'changed', old: '{"x": 1}', new: '{"x":1}' },
    ]);
  });

  test('a .json data value that is not a string is compared as it is', () => {
    const cm = (value: number[]) => ({ kind: 'ConfigMap', data: { 'a.json': value } });
    expect(diffObjects(cm([1]), cm([2]))).toEqual([{ path: "data['a.json']", kind: 'changed', old: [1], new: [2] }]);
  });
});

describe('describeManifestValue', () => {
  test('shows JSON, "(absent)" for no value, and shortens past the limit with an ellipsis', () => {
    expect(describeManifestValue(undefined)).toBe('(absent)');
    expect(describeManifestValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(describeManifestValue('abcdefgh', 10)).toBe('"abcdefgh"');
    expect(describeManifestValue('abcdefghi', 10)).toBe('"abcdefgh…');
    expect(describeManifestValue('x'.repeat(158))).toBe(`"${'x'.repeat(158)}"`);
    expect(describeManifestValue('x'.repeat(159))).toBe(`"${'x'.repeat(158)}…`);
  });
});
