/**
 * The direct YAML writer against the `yaml` library it stands in for: on thousands of generated
 * documents (the live manifests, mutated), whatever it writes is byte for byte what the library
 * writes, with comments and the lolice styles; what it declines, the library renders. And the
 * configured app's every file takes the direct path.
 */
import { Document, stringify } from 'yaml';
import { GitOpsFileChart } from '../../lib/files/gitops-file-chart';
import { chartDocuments, libraryYamlDocument } from '../../lib/files/lolice-tree';
import { emitYamlDocument, yamlText } from '../../lib/files/yaml-emitter';
import { applyLoliceYamlStyle, LOLICE_YAML_STYLES } from '../../lib/files/yaml-style';
import { inRenderPass } from '../../lib/files/manifest-json';
import { GrafanaAlertProvisioning } from '../../lib/observability/alerting/grafana-alert-provisioning';
import { buildApp } from '../support/openclaw-ops-harness';
import { yamlCases } from '../support/yaml-cases';

const CASES = 3000;

function libraryOrError(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('emitYamlDocument against the yaml library', () => {
  it(`writes what the library writes, comments and lolice styles included, on ${CASES} generated documents`, () => {
    let written = 0;
    let declined = 0;
    const mismatches: string[] = [];
    for (const { seed, value, comments } of yamlCases(CASES)) {
      const direct = emitYamlDocument(value, comments, LOLICE_YAML_STYLES);
      if (direct === undefined) {
        declined += 1;
        continue;
      }
      written += 1;
      const library = libraryOrError(() => libraryYamlDocument(value, comments, 'case.yaml'));
      if (direct !== library && mismatches.length < 3) {
        mismatches.push(`case ${seed}:\n--- direct\n${direct}--- library\n${library}`);
      }
    }
    expect(mismatches).toEqual([]);
    // the differential means something only if most cases take the direct path, and some do not
    expect(written).toBeGreaterThan(CASES * 0.4);
    expect(declined).toBeGreaterThan(CASES * 0.05);
  });

  it(`writes what stringify(value, { lineWidth: 0 }) writes, without comments or styles, on ${CASES} documents`, () => {
    let written = 0;
    const mismatches: string[] = [];
    for (const { seed, value } of yamlCases(CASES, 2)) {
      const direct = emitYamlDocument(value);
      if (direct === undefined) continue;
      written += 1;
      const library = stringify(value, { lineWidth: 0 });
      if (direct !== library && mismatches.length < 3) {
        mismatches.push(`case ${seed}:\n--- direct\n${direct}--- library\n${library}`);
      }
      expect(yamlText(value)).toBe(library);
    }
    expect(mismatches).toEqual([]);
    expect(written).toBeGreaterThan(CASES * 0.5);
  });

  it('declines what it does not write exactly, and yamlText then writes what the library writes', () => {
    const shared = { a: 1 };
    const declined: unknown[] = [
      { shared, again: shared },
      { items: [1, undefined] },
      // eslint-disable-next-line no-sparse-arrays
      { items: [1, , 2] },
      { zero: -0 },
      { big: Number.POSITIVE_INFINITY },
      { nan: Number.NaN },
      { bell: 'ring\x07' },
      { del: 'x\x7f' },
      { keep: 'two\n\n' },
      { trailing: 'line\n  ' },
      { leading: '\nline' },
      { 'multi\nline key': 1 },
      { marker: '--- x' },
      { [`k${'x'.repeat(1024)}`]: 1 },
      { date: new Date(0) },
      { blanks: ' \t\n' },
      { spacedBreak: '  \nline' },
      { blankAfterBreak: 'line\n ' },
      // declined, and longer than the library's default line width of 80
      { bell: `ring\x07 ${'word '.repeat(30)}` },
      'a scalar',
      undefined,
    ];
    for (const value of declined) {
      expect(emitYamlDocument(value), JSON.stringify(value)).toBeUndefined();
      if (typeof value === 'object') expect(yamlText(value)).toBe(stringify(value, { lineWidth: 0 }));
    }
  });

  it('declines styled values it would not write as the library does', () => {
    const declined: Record<string, unknown>[] = [
      { env: [{ name: 'A', value: 'two\nlines' }] },
      { command: ['sh', 'bell\x07'] },
      // eslint-disable-next-line no-sparse-arrays
      { command: ['sh', , '-c'] },
    ];
    for (const value of declined) {
      expect(emitYamlDocument(value, [], LOLICE_YAML_STYLES), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('quotes a value only in the maps of a styled sequence', () => {
    const value = { value: 'top', env: [{ name: 'A', value: 'x', nested: { value: 'deeper' } }] };
    const direct = emitYamlDocument(value, [], LOLICE_YAML_STYLES);
    expect(direct).toBe('value: top\nenv:\n  - name: A\n    value: "x"\n    nested:\n      value: deeper\n');
    expect(direct).toBe(libraryYamlDocument(value, [], 'x.yaml'));
    const list = [{ name: 'A', value: 'x' }];
    expect(emitYamlDocument(list, [], LOLICE_YAML_STYLES)).toBe('- name: A\n  value: x\n');
    expect(emitYamlDocument(list, [], LOLICE_YAML_STYLES)).toBe(libraryYamlDocument(list, [], 'x.yaml'));
  });

  it('passes on an error that is not a decline', () => {
    const value = {
      get broken(): string {
        throw new Error('a getter that throws');
      },
    };
    expect(() => emitYamlDocument(value)).toThrow('a getter that throws');
  });

  it('leaves a comment inside a one-line sequence to the library, and writes one on its key', () => {
    const value = { command: ['sh', '-c'], commandLine: ['x'] };
    const inside = [{ path: ['command', 1], text: 'the flag' }];
    expect(emitYamlDocument(value, inside, LOLICE_YAML_STYLES)).toBeUndefined();
    expect(libraryYamlDocument(value, inside, 'x.yaml')).toContain('# the flag');
    for (const onKey of [[{ path: ['command'], text: 'the shell' }], [{ path: ['commandLine'], text: 'other' }]]) {
      const direct = emitYamlDocument(value, onKey, LOLICE_YAML_STYLES);
      expect(direct).toBeDefined();
      expect(direct).toBe(libraryYamlDocument(value, onKey, 'x.yaml'));
    }
  });

  it('writes the cases that sit next to the declined ones', () => {
    const written: Record<string, unknown>[] = [
      { block: 'one\ntwo', clip: 'one\ntwo\n', spaced: '  indented\nnext', tailSpace: 'a\nb  ' },
      { quoted: ['true', '1.5', '0x1F', '~', '', 'a: b', '- x', "it's", 'say "hi"', '#x', 'x #y', 'k:'] },
      { plain: ['a-b', 'a:b', 'a#b', 'x y', '日本', 'é', '\u2028', 'tab\there'] },
      { empty: {}, none: [], nested: [[1, [2]], { a: [] }], n: null, t: true, f: false, int: 7, float: 0.25 },
      { percent: '50%', dashes: 'a---b', dots: 'wait...', skipped: undefined },
      { [`k${'x'.repeat(1023)}`]: 1 },
      Object.assign(Object.create(null) as Record<string, unknown>, { bare: { a: 1 } }),
    ];
    for (const value of written) {
      expect(emitYamlDocument(value), JSON.stringify(value)).toBe(new Document(value).toString({ lineWidth: 0 }));
    }
    const list = ['a', { b: [1, 'two\nlines'] }, [], 'c: d'];
    expect(emitYamlDocument(list)).toBe(stringify(list, { lineWidth: 0 }));
  });

  it('writes the lolice styles and comments as the library path does', () => {
    const value = {
      spec: {
        containers: [
          {
            command: ['sh', '-c'],
            env: [
              { name: 'A', value: 'x' },
              { name: 'B', value: 'true' },
              { name: 'C', valueFrom: { secretKeyRef: { key: 'k', name: 'n' } } },
            ],
          },
        ],
      },
    };
    const comments = [
      { path: [], text: 'file header' },
      { path: ['spec', 'containers', 0], text: 'the one container\nsecond line' },
      { path: ['spec', 'containers', 0, 'env'], text: 'variables' },
    ];
    const direct = emitYamlDocument(value, comments, LOLICE_YAML_STYLES);
    expect(direct).toBe(
      [
        '# file header',
        '',
        'spec:',
        '  containers:',
        '    # the one container',
        '    # second line',
        '    - command: ["sh", "-c"]',
        '      # variables',
        '      env:',
        '        - name: A',
        '          value: "x"',
        '        - name: B',
        '          value: "true"',
        '        - name: C',
        '          valueFrom:',
        '            secretKeyRef:',
        '              key: k',
        '              name: n',
        '',
      ].join('\n'),
    );
    expect(direct).toBe(libraryYamlDocument(value, comments, 'case.yaml'));
    const restyled = new Document(value);
    applyLoliceYamlStyle(restyled);
    expect(emitYamlDocument(value, [], LOLICE_YAML_STYLES)).toBe(
      restyled.toString({ lineWidth: 0, flowCollectionPadding: false }),
    );
  });

  it('leaves a comment at a path the document does not have to the library, which names it', () => {
    const value = { a: { b: 1 } };
    const comments = [{ path: ['a', 'c'], text: 'nowhere' }];
    expect(emitYamlDocument(value, comments, LOLICE_YAML_STYLES)).toBeUndefined();
    expect(() => libraryYamlDocument(value, comments, 'x.yaml')).toThrow(
      'comment path ["a","c"] does not exist in x.yaml: fix the path passed to addManifestComment',
    );
  });
});

describe('the configured app', () => {
  it('writes every manifest, the alert provisioning and the kustomizations through the direct path', () => {
    const app = buildApp();
    const charts = app.lolice.node.findAll().filter(GitOpsFileChart.isGitOpsFileChart);
    expect(charts.length).toBeGreaterThan(5);
    let documents = 0;
    inRenderPass(() => {
      for (const chart of charts) {
        for (const { manifest, comments } of chartDocuments(chart)) {
          const direct = emitYamlDocument(manifest, comments, LOLICE_YAML_STYLES);
          expect(direct, `${chart.path}: a manifest the direct writer declines`).toBeDefined();
          expect(direct).toBe(libraryYamlDocument(manifest, comments, chart.path));
          documents += 1;
        }
      }
    });
    expect(documents).toBeGreaterThan(10);
    const provisioning = app.lolice.node.findAll().filter((c) => c instanceof GrafanaAlertProvisioning);
    expect(provisioning).toHaveLength(1);
    for (const construct of provisioning) {
      const { document } = construct as GrafanaAlertProvisioning;
      expect(emitYamlDocument(document)).toBe(stringify(document, { lineWidth: 0 }));
    }
  });
});
