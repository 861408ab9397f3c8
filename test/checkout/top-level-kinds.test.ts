import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../lib/checkout/manifest-diff';
import { topLevelKinds } from '../../lib/checkout/tree-diff';

describe('topLevelKinds', () => {
  it('reads the kind of each block-style document, as a full parse does', () => {
    const text = [
      '# generated',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: a',
      'data:',
      '  note: |',
      '    kind: NotThis',
      '---',
      '',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: b',
      '',
    ].join('\n');
    expect(topLevelKinds(text)).toEqual(['ConfigMap', 'Deployment']);
    expect(parseManifestFile(text, 'x.yaml').map((o) => o.value.kind)).toEqual(['ConfigMap', 'Deployment']);
  });

  it('leaves a document it cannot read by lines to the full parse', () => {
    expect(topLevelKinds('{"kind": "ConfigMap"}\n')).toBeUndefined();
    expect(topLevelKinds('apiVersion: v1\nkind: "ConfigMap"\n')).toBeUndefined();
    expect(topLevelKinds('apiVersion: v1\nmetadata: {}\n')).toBeUndefined();
    expect(topLevelKinds('base: &b\n  kind: X\nkind: Y\n')).toEqual(['Y']);
  });
  it('splits documents only at a line that is "---" itself, not at a value ending in "---"', () => {
    expect(topLevelKinds(['kind: ConfigMap', 'data:', '  note: a---', '  other: b', ''].join('\n'))).toEqual([
      'ConfigMap',
    ]);
  });
});
