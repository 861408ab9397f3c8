import { describe, expect, it } from 'vitest';
import { diffTree, isTreeDiffEmpty, topLevelKinds, unlistedFiles } from '../../lib/checkout/tree-diff';

/** A checkout held in memory: repo path → content. */
function checkout(files: Record<string, string>): (path: string) => string | undefined {
  return (path) => files[path];
}

const configMap = (name: string, value: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "${value}"\n`;

describe('isTreeDiffEmpty', () => {
  it('is empty only when no file changes and every file is listed', () => {
    expect(isTreeDiffEmpty({ files: [], unlisted: [] })).toBe(true);
    expect(isTreeDiffEmpty({ files: [{ file: 'a.txt', status: 'added' }], unlisted: [] })).toBe(false);
    expect(
      isTreeDiffEmpty({
        files: [],
        unlisted: [{ path: 'a.yaml', kustomization: 'kustomization.yaml', field: 'resources' }],
      }),
    ).toBe(false);
  });
});

describe('diffTree: files', () => {
  it('leaves out a file whose content is the same', () => {
    const generated = new Map([['app/notes.txt', 'same\n']]);
    expect(diffTree(generated, checkout({ 'app/notes.txt': 'same\n' }))).toStrictEqual({ files: [], unlisted: [] });
  });

  it('compares a file that is neither YAML nor JSON as text: added or changed, without objects', () => {
    const generated = new Map([
      ['app/new.txt', 'one\n'],
      ['app/old.txt', 'two\n'],
    ]);
    expect(diffTree(generated, checkout({ 'app/old.txt': 'before\n' })).files).toStrictEqual([
      { file: 'app/new.txt', status: 'added' },
      { file: 'app/old.txt', status: 'changed' },
    ]);
  });

  it('a new JSON file is added as a whole, without objects', () => {
    expect(diffTree(new Map([['dash.json', '{"a": 1}']]), checkout({})).files).toStrictEqual([
      { file: 'dash.json', status: 'added' },
    ]);
  });

  it('compares a JSON object file as one object: layout aside, fields named', () => {
    const current = { 'dash.json': '{\n  "title": "a",\n  "panels": [1, 2]\n}\n' };
    expect(diffTree(new Map([['dash.json', '{"panels":[1,2],"title":"a"}']]), checkout(current)).files).toStrictEqual(
      [],
    );
    expect(diffTree(new Map([['dash.json', '{"panels":[1,2],"title":"b"}']]), checkout(current)).files).toStrictEqual([
      {
        file: 'dash.json',
        status: 'changed',
        objects: [
          {
            file: 'dash.json',
            object: '(document)',
            status: 'changed',
            changes: [{ path: 'title', kind: 'changed', old: 'a', new: 'b' }],
          },
        ],
      },
    ]);
  });

  it('a JSON file that is not an object on either side is changed as text', () => {
    const cases: [string, string][] = [
      ['[1]', '{"a": 1}'],
      ['{"a": 1}', '[1]'],
      ['null', '{"a": 1}'],
      ['{"a": 1}', 'not json'],
      ['not json', '{"a": 1}'],
      ['"text"', '{"a": 1}'],
      ['{"a": 1}', '7'],
    ];
    for (const [before, after] of cases) {
      expect(diffTree(new Map([['x.json', after]]), checkout({ 'x.json': before })).files).toStrictEqual([
        { file: 'x.json', status: 'changed' },
      ]);
    }
  });

  it('a new YAML file lists its objects as added', () => {
    expect(diffTree(new Map([['app/cm.yaml', configMap('a', '1')]]), checkout({})).files).toStrictEqual([
      {
        file: 'app/cm.yaml',
        status: 'added',
        objects: [{ file: 'app/cm.yaml', object: 'ConfigMap/a', status: 'added', changes: [] }],
      },
    ]);
  });

  it('a changed YAML file lists its changed fields; one that differs only in layout is left out', () => {
    const current = { 'app/cm.yaml': configMap('a', '1'), 'app/same.yml': configMap('b', '1') };
    const generated = new Map([
      ['app/cm.yaml', configMap('a', '2')],
      ['app/same.yml', `# a comment\n${configMap('b', '1').replace('"1"', "'1'")}`],
    ]);
    expect(diffTree(generated, checkout(current)).files).toStrictEqual([
      {
        file: 'app/cm.yaml',
        status: 'changed',
        objects: [
          {
            file: 'app/cm.yaml',
            object: 'ConfigMap/a',
            status: 'changed',
            changes: [{ path: 'data.a', kind: 'changed', old: '1', new: '2' }],
          },
        ],
      },
    ]);
  });

  it('reads .yml as YAML, and a name that only contains "yaml" as text', () => {
    const current = {
      'a.yml': configMap('a', '1'),
      'a.yaml.orig': configMap('a', '1'),
      ayaml: configMap('a', '1'),
    };
    const reformatted = `# comment\n${configMap('a', '1')}`;
    const generated = new Map([
      ['a.yml', reformatted],
      ['a.yaml.orig', reformatted],
      ['ayaml', reformatted],
    ]);
    expect(diffTree(generated, checkout(current)).files).toStrictEqual([
      { file: 'a.yaml.orig', status: 'changed' },
      { file: 'ayaml', status: 'changed' },
    ]);
  });

  it('names a checkout YAML file that cannot be parsed', () => {
    expect(() =>
      diffTree(new Map([['app/a.yaml', configMap('a', '1')]]), checkout({ 'app/a.yaml': 'a: [1\n' })),
    ).toThrow(/^app\/a\.yaml is not valid yaml: /);
  });
});

describe('unlistedFiles', () => {
  const kustomization = (...resources: string[]): string =>
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;

  it('a file its folder kustomization lists is listed; one it does not list is named with the field', () => {
    const generated = new Map([
      ['app/a.yaml', configMap('a', '1')],
      ['app/b.yaml', configMap('b', '1')],
    ]);
    expect(unlistedFiles(generated, checkout({ 'app/kustomization.yaml': kustomization('a.yaml') }))).toStrictEqual([
      { path: 'app/b.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' },
    ]);
  });

  it('reads a generated kustomization before the checkout one', () => {
    const generated = new Map([
      ['app/kustomization.yaml', kustomization('a.yaml')],
      ['app/a.yaml', configMap('a', '1')],
    ]);
    expect(unlistedFiles(generated, checkout({ 'app/kustomization.yaml': kustomization() }))).toStrictEqual([]);
  });

  it('walks up to the nearest kustomization, paths relative to its folder', () => {
    const generated = new Map([
      ['app/sub/a.yaml', configMap('a', '1')],
      ['app/sub/b.yaml', configMap('b', '1')],
    ]);
    expect(
      unlistedFiles(generated, checkout({ 'app/kustomization.yaml': kustomization('./sub/a.yaml') })),
    ).toStrictEqual([{ path: 'app/sub/b.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' }]);
  });

  it('a file no kustomization covers is not reported, and the repository root is not searched', () => {
    const generated = new Map([
      ['app/a.yaml', configMap('a', '1')],
      ['top.yaml', configMap('t', '1')],
    ]);
    expect(unlistedFiles(generated, checkout({ 'kustomization.yaml': kustomization() }))).toStrictEqual([]);
  });

  it('counts resources, patchesStrategicMerge and patches (by path) as listing a file', () => {
    const generated = new Map([
      ['app/a.yaml', configMap('a', '1')],
      ['app/b.yaml', configMap('b', '1')],
      ['app/c.yaml', configMap('c', '1')],
      ['app/d.yaml', configMap('d', '1')],
    ]);
    const text = [
      'kind: Kustomization',
      'resources: [a.yaml, 7]',
      'patchesStrategicMerge: [b.yaml]',
      'patches:',
      '  - path: c.yaml',
      '  - target: {kind: ConfigMap}',
      '',
    ].join('\n');
    expect(unlistedFiles(generated, checkout({ 'app/kustomization.yaml': text }))).toStrictEqual([
      { path: 'app/d.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' },
    ]);
  });

  it('skips kustomization files, non-YAML files, empty files and files holding only Kustomization or Component', () => {
    const generated = new Map([
      ['app/kustomization.yaml', kustomization()],
      ['app/notes.txt', 'x'],
      ['app/empty.yaml', '# nothing\n'],
      ['app/component.yaml', 'kind: Component\n---\nkind: Kustomization\n'],
      ['app/mixed.yaml', `kind: Component\n---\n${configMap('m', '1')}`],
    ]);
    expect(unlistedFiles(generated, checkout({}))).toStrictEqual([
      { path: 'app/mixed.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' },
    ]);
  });

  it('a generated kustomization.yaml is never itself unlisted, even without a kind', () => {
    const generated = new Map([['app/kustomization.yaml', 'resources: [a.yaml]\n']]);
    expect(unlistedFiles(generated, checkout({}))).toStrictEqual([]);
  });

  it('ignores empty entries in a kustomization list', () => {
    const generated = new Map([['app/a.yaml', configMap('a', '1')]]);
    const text = 'kind: Kustomization\nresources: [~, a.yaml]\n';
    expect(unlistedFiles(generated, checkout({ 'app/kustomization.yaml': text }))).toStrictEqual([]);
  });

  it('reads the kinds of a flow-style file by parsing it', () => {
    const generated = new Map([['app/a.yaml', '{kind: ConfigMap, metadata: {name: a}}\n']]);
    expect(unlistedFiles(generated, checkout({ 'app/kustomization.yaml': kustomization() }))).toStrictEqual([
      { path: 'app/a.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' },
    ]);
    const component = new Map([['app/c.yaml', '{kind: Component}\n']]);
    expect(unlistedFiles(component, checkout({ 'app/kustomization.yaml': kustomization() }))).toStrictEqual([]);
  });

  it('a Component listing the file must itself be listed in the components of the kustomization above it', () => {
    const component = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - rule.yaml\n';
    const generated = new Map([['app/components/alerts/rule.yaml', configMap('r', '1')]]);
    const files = { 'app/components/alerts/kustomization.yaml': component };
    expect(
      unlistedFiles(generated, checkout({ ...files, 'app/kustomization.yaml': kustomization('x.yaml') })),
    ).toStrictEqual([{ path: 'app/components/alerts', kustomization: 'app/kustomization.yaml', field: 'components' }]);
    const listed = 'kind: Kustomization\ncomponents:\n  - ./components/alerts\n';
    expect(unlistedFiles(generated, checkout({ ...files, 'app/kustomization.yaml': listed }))).toStrictEqual([]);
    // a Component with no kustomization above it: nothing to list it in
    expect(unlistedFiles(generated, checkout(files))).toStrictEqual([]);
    // a Kustomization listing the file needs nothing above it
    const plain = { 'app/components/alerts/kustomization.yaml': kustomization('rule.yaml') };
    expect(unlistedFiles(generated, checkout({ ...plain, 'app/kustomization.yaml': kustomization() }))).toStrictEqual(
      [],
    );
  });

  it('reads each kustomization once, however many files share its folder', () => {
    const reads: string[] = [];
    const files: Record<string, string> = { 'app/kustomization.yaml': kustomization() };
    const generated = new Map([
      ['app/sub/a.yaml', configMap('a', '1')],
      ['app/sub/b.yaml', configMap('b', '1')],
    ]);
    unlistedFiles(generated, (path) => {
      reads.push(path);
      return files[path];
    });
    expect(reads).toEqual(['app/sub/kustomization.yaml', 'app/kustomization.yaml']);
  });

  it('a kustomization without a kind is a Kustomization; one that is not a map lists nothing', () => {
    const generated = new Map([['app/c/rule.yaml', configMap('r', '1')]]);
    expect(
      unlistedFiles(
        generated,
        checkout({ 'app/c/kustomization.yaml': 'resources: [rule.yaml]\n', 'app/kustomization.yaml': kustomization() }),
      ),
    ).toStrictEqual([]);
    expect(unlistedFiles(generated, checkout({ 'app/c/kustomization.yaml': 'just text\n' }))).toStrictEqual([
      { path: 'app/c/rule.yaml', kustomization: 'app/c/kustomization.yaml', field: 'resources' },
    ]);
  });

  it('names a kustomization that is not valid yaml, with the fix', () => {
    const generated = new Map([['app/a.yaml', configMap('a', '1')]]);
    expect(() => unlistedFiles(generated, checkout({ 'app/kustomization.yaml': 'resources: [a\n' }))).toThrow(
      /^app\/kustomization\.yaml is not valid yaml \(.+\): fix the kustomization$/s,
    );
  });
});

describe('topLevelKinds: forms the line scan leaves to the parser', () => {
  it('returns undefined for flow style, anchors, aliases, tags, directives and document ends', () => {
    for (const text of [
      '[1, 2]\n',
      '&anchor\nkind: A\n',
      '*alias\n',
      '!!map\nkind: A\n',
      '%YAML 1.1\n---\nkind: A\n',
      'kind: A\n...\n',
    ]) {
      expect(topLevelKinds(text)).toBeUndefined();
    }
  });

  it('returns undefined for two kind lines or a kind with more than one word', () => {
    expect(topLevelKinds('kind: A\nkind: B\n')).toBeUndefined();
    expect(topLevelKinds('kind: A B\n')).toBeUndefined();
    expect(topLevelKinds('kind:A\n')).toBeUndefined();
    expect(topLevelKinds('kind: 1A\n')).toBeUndefined();
  });

  it('accepts spaces or tabs around the kind, and a separator line with trailing blanks', () => {
    expect(topLevelKinds('kind:\tA \t\n---  \nkind:  B2\n')).toEqual(['A', 'B2']);
  });

  it('skips documents that are blank or comments only, but not an indented line', () => {
    expect(topLevelKinds('# header\n---\n\n---\nkind: A\n')).toEqual(['A']);
    expect(topLevelKinds('  # indented comment\n---\nkind: A\n')).toEqual(['A']);
    expect(topLevelKinds('kind: A\n---\n  x: 1\n')).toBeUndefined();
    expect(topLevelKinds('')).toEqual([]);
    expect(topLevelKinds('kind: A\n---kind\n')).toEqual(['A']);
  });
});
