/**
 * The default config reproduces the live lolice tree (test/fixtures/live): every generated file
 * that replaces a live file equals it semantically (parsed YAML, the JSON inside ConfigMaps; key
 * order and layout aside) except for the intended changes (lib/checkout/intended-changes.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkIntendedChanges, type UnintendedChange } from '../../lib/checkout/intended-changes';
import { describeManifestValue, type ManifestValue } from '../../lib/checkout/manifest-diff';
import { diffTree } from '../../lib/checkout/tree-diff';
import { LIVE_LOLICE } from '../support/live-tree';
import { removeTempDirs, renderLolice } from '../support/openclaw-ops-harness';
import { LOLICE_INTENDED_CHANGES } from '../../config/lolice-intended-changes';

afterAll(removeTempDirs);

const readLive = (repoPath: string): string | undefined => {
  const file = path.join(LIVE_LOLICE, repoPath);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
};

function describe_(change: UnintendedChange): string {
  const where = [change.file, change.object, change.path].filter((p) => p !== undefined).join(' ');
  const values =
    change.kind === 'file-added' ||
    change.kind === 'file-changed' ||
    change.kind === 'file-removed' ||
    change.kind === 'object-removed'
      ? ''
      : `: live ${describeManifestValue(change.old as ManifestValue | undefined, 300)}, generated ${describeManifestValue(change.new as ManifestValue | undefined, 300)}`;
  return `${change.kind} ${where}${values}`;
}

describe(`live tree | the default config reproduces ${path.basename(LIVE_LOLICE)}`, () => {
  const tree = renderLolice();
  const diff = diffTree(tree, readLive);
  const check = checkIntendedChanges(diff, LOLICE_INTENDED_CHANGES);

  test('no difference outside the intended changes (path, live value, generated value)', () => {
    expect(check.unintended.map(describe_)).toEqual([]);
  });

  test('every intended change is really made (the list holds nothing stale)', () => {
    expect(check.unmatched.map((e) => `${e.file} ${e.object ?? ''} ${e.path ?? ''}`)).toEqual([]);
  });

  test('the generated files replace exactly the five live files the design touches', () => {
    const replaced = [...tree.keys()].filter((file) => readLive(file) !== undefined);
    expect(replaced).toEqual([
      'argoproj/openclaw/configmap-openclaw.yaml',
      'argoproj/openclaw/deployment-openclaw.yaml',
      'argoproj/openclaw/external-secret-litellm.yaml',
      'argoproj/openclaw/external-secret.yaml',
      'argoproj/openclaw/networkpolicy.yaml',
    ]);
  });

  test('networkpolicy.yaml is reproduced without any change', () => {
    expect(diff.files.map((f) => f.file)).not.toContain('argoproj/openclaw/networkpolicy.yaml');
  });

  test('each intended change says why', () => {
    for (const entry of LOLICE_INTENDED_CHANGES) expect(entry.why.length, entry.file).toBeGreaterThan(20);
  });

  test('the generated files the live kustomizations do not list yet', () => {
    expect(diff.unlisted).toEqual([
      {
        path: 'argoproj/openclaw/configmap-cron-run-log-shipper.yaml',
        kustomization: 'argoproj/openclaw/kustomization.yaml',
        field: 'resources',
      },
      {
        path: 'argoproj/prometheus-operator/components/openclaw-alerting',
        kustomization: 'argoproj/prometheus-operator/kustomization.yaml',
        field: 'components',
      },
      {
        path: 'argoproj/prometheus-operator/components/openclaw-app-dashboard',
        kustomization: 'argoproj/prometheus-operator/kustomization.yaml',
        field: 'components',
      },
      {
        path: 'argoproj/prometheus-operator/openclaw-rules.yaml',
        kustomization: 'argoproj/prometheus-operator/kustomization.yaml',
        field: 'resources',
      },
    ]);
  });

  test('no RECONSTRUCTED value remains in the config or the constructs', () => {
    const sources = ['config/lolice.ts', 'config/lolice-gateway-pod.ts', 'lib/gateway/gateway-containers.ts'].map((f) =>
      fs.readFileSync(path.resolve(__dirname, '..', '..', f), 'utf8'),
    );
    for (const source of sources) expect(source).not.toMatch(/RECONSTRUCTED/);
  });
});
