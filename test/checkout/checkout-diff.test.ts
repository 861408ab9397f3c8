/**
 * The diff engine in process (the CLI test runs the bundle): an arch checkout that lacks a
 * convention file is a change (`npm run diff` exits 1 on it), a synced one is not; the text report
 * and its summary count what differs; unreadable checkouts are named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loliceConfig } from '../../config/lolice';
import { ARCH_COPIED_FILES, archRepoFiles, archWorkingDir } from '../../lib/checkout/arch-repo-files';
import {
  CheckoutReadError,
  diffCheckouts,
  formatCheckoutDiff,
  isCheckoutDiffEmpty,
  type CheckoutDiff,
  type GeneratedSides,
} from '../../lib/checkout/checkout-diff';
import { makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

const STACK = loliceConfig.arch.stackName;
const DIR = archWorkingDir(loliceConfig.arch);
const STACK_JSON = '{"resource": {}}\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: app\nspec:\n  replicas: 1\n';

const generated: GeneratedSides = {
  lolice: new Map([
    ['app/deployment.yaml', DEPLOYMENT],
    ['app/notes.txt', 'hello\n'],
  ]),
  arch: new Map([[`stacks/${STACK}/cdk.tf.json`, STACK_JSON]]),
  archConfig: loliceConfig.arch,
};

function write(root: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

/** Checkouts that already hold what `generated` describes, every arch convention file in place. */
function syncedCheckouts(): { lolice: string; arch: string } {
  const root = makeTempDir('checkout-diff');
  const lolice = path.join(root, 'lolice');
  const arch = path.join(root, 'arch');
  for (const [file, content] of generated.lolice) write(lolice, file, content);
  for (const [file, content] of archRepoFiles(generated.arch, loliceConfig.arch, STACK)) write(arch, file, content);
  for (const file of ARCH_COPIED_FILES) write(arch, `${DIR}/${file}`, `# ${file}\n`);
  return { lolice, arch };
}

describe('checkout diff', () => {
  it('synced checkouts: empty, "no changes" on both sides', () => {
    const diff = diffCheckouts(generated, syncedCheckouts());
    expect(isCheckoutDiffEmpty(diff)).toBe(true);
    expect(diff.arch?.missing).toEqual([]);
    expect(formatCheckoutDiff(diff)).toBe(`lolice:\n  no changes\narch (${DIR}):\n  no changes\nno changes\n`);
  });

  it('lolice only: no arch side in the diff or the report', () => {
    const { lolice } = syncedCheckouts();
    const diff = diffCheckouts(generated, { lolice });
    expect(diff.arch).toBeUndefined();
    expect(isCheckoutDiffEmpty(diff)).toBe(true);
    expect(formatCheckoutDiff(diff)).toBe('lolice:\n  no changes\nno changes\n');
  });

  it('an arch convention file missing is a change, named with where to copy it from', () => {
    const checkouts = syncedCheckouts();
    fs.rmSync(path.join(checkouts.arch, DIR, 'aqua/imports/tflint.yaml'));
    const diff = diffCheckouts(generated, checkouts);
    expect(diff.arch?.missing).toEqual([
      { path: `${DIR}/aqua/imports/tflint.yaml`, copyFrom: 'terraform/aws/openclaw/aqua/imports/tflint.yaml' },
    ]);
    expect(isCheckoutDiffEmpty(diff)).toBe(false);
    expect(formatCheckoutDiff(diff)).toBe(
      `lolice:\n  no changes\narch (${DIR}):\n  no changes\n` +
        `  missing ${DIR}/aqua/imports/tflint.yaml (copy terraform/aws/openclaw/aqua/imports/tflint.yaml)\n` +
        '0 files would change (0 field changes), 0 not listed by a kustomization, 1 arch convention files missing\n',
    );
  });

  it('a changed arch stack alone is a change', () => {
    const checkouts = syncedCheckouts();
    write(checkouts.arch, `${DIR}/main.tf.json`, '{"resource": {"old": {}}}\n');
    const diff = diffCheckouts(generated, checkouts);
    expect(diff.arch?.missing).toEqual([]);
    expect(isCheckoutDiffEmpty(diff)).toBe(false);
  });

  it('a changed lolice file alone is a change, reported per object and field', () => {
    const checkouts = syncedCheckouts();
    write(checkouts.lolice, 'app/deployment.yaml', DEPLOYMENT.replace('replicas: 1', 'replicas: 3'));
    fs.rmSync(path.join(checkouts.lolice, 'app/notes.txt'));
    const diff = diffCheckouts(generated, { lolice: checkouts.lolice });
    expect(isCheckoutDiffEmpty(diff)).toBe(false);
    expect(formatCheckoutDiff(diff)).toBe(
      'lolice:\n' +
        '  changed app/deployment.yaml\n' +
        '    ~ Deployment/app/web\n' +
        '        ~ spec.replicas: 3 → 1\n' +
        '  new file app/notes.txt\n' +
        '2 files would change (1 field changes), 0 not listed by a kustomization\n',
    );
  });

  it('a new YAML file lists its objects with "+"', () => {
    const { lolice } = syncedCheckouts();
    fs.rmSync(path.join(lolice, 'app/deployment.yaml'));
    const out = formatCheckoutDiff(diffCheckouts(generated, { lolice }));
    expect(out).toBe(
      'lolice:\n  new file app/deployment.yaml\n    + Deployment/app/web\n' +
        '1 files would change (0 field changes), 0 not listed by a kustomization\n',
    );
  });

  it('names a checkout that is missing or not a folder', () => {
    const { lolice } = syncedCheckouts();
    const nowhere = path.join(lolice, 'no-such-folder');
    expect(() => diffCheckouts(generated, { lolice: nowhere })).toThrow(CheckoutReadError);
    expect(() => diffCheckouts(generated, { lolice: nowhere })).toThrow(
      `--lolice ${nowhere}: ENOENT: expected a checkout folder`,
    );
    const file = path.join(lolice, 'app/notes.txt');
    expect(() => diffCheckouts(generated, { lolice, arch: file })).toThrow(
      `--arch ${file} is not a folder: expected a checkout folder`,
    );
    expect(() => diffCheckouts(generated, { lolice, arch: nowhere })).toThrow(`--arch ${nowhere}: ENOENT`);
  });

  it('names a checkout file that exists but cannot be read', () => {
    const { lolice } = syncedCheckouts();
    const target = path.join(lolice, 'app/notes.txt');
    fs.rmSync(target);
    fs.mkdirSync(target);
    expect(() => diffCheckouts(generated, { lolice })).toThrow(
      `cannot read ${target} (EISDIR): expected a file or nothing at this path`,
    );
  });

  it('a path below a file reads as absent, not as an error', () => {
    const { lolice } = syncedCheckouts();
    fs.rmSync(path.join(lolice, 'app'), { recursive: true });
    write(lolice, 'app', 'a file where a folder was\n');
    const diff = diffCheckouts(generated, { lolice });
    expect(diff.lolice.files.map((f) => [f.file, f.status])).toEqual([
      ['app/deployment.yaml', 'added'],
      ['app/notes.txt', 'added'],
    ]);
  });

  it('formats every kind of file, object and field change, and the counts across both sides', () => {
    const diff: CheckoutDiff = {
      lolice: {
        files: [
          {
            file: 'app/a.yaml',
            status: 'changed',
            objects: [
              { file: 'app/a.yaml', object: 'ConfigMap/app/new', status: 'added', changes: [] },
              { file: 'app/a.yaml', object: 'ConfigMap/app/old', status: 'removed', changes: [] },
              {
                file: 'app/a.yaml',
                object: 'Deployment/app/web',
                status: 'changed',
                changes: [
                  { path: 'spec.paused', kind: 'added', new: true },
                  { path: 'spec.replicas', kind: 'removed', old: 2 },
                  { path: 'spec.ports', kind: 'reordered', old: ['a', 'b'], new: ['b', 'a'] },
                  { path: 'metadata.name', kind: 'changed', old: 'x', new: 'web' },
                ],
              },
            ],
          },
          { file: 'app/gone.txt', status: 'removed' },
          { file: 'app/plain.txt', status: 'changed' },
        ],
        unlisted: [{ path: 'app/a.yaml', kustomization: 'app/kustomization.yaml', field: 'resources' }],
      },
      arch: {
        workingDir: DIR,
        files: [{ file: `${DIR}/main.tf.json`, status: 'added' }],
        unlisted: [],
        missing: [
          { path: `${DIR}/aqua/aqua.yaml`, copyFrom: 'terraform/aws/openclaw/aqua/aqua.yaml' },
          { path: `${DIR}/aqua/imports/trivy.yaml`, copyFrom: 'terraform/aws/openclaw/aqua/imports/trivy.yaml' },
        ],
      },
    };
    expect(isCheckoutDiffEmpty(diff)).toBe(false);
    expect(formatCheckoutDiff(diff)).toBe(
      [
        'lolice:',
        '  changed app/a.yaml',
        '    + ConfigMap/app/new',
        '    - ConfigMap/app/old',
        '    ~ Deployment/app/web',
        '        + spec.paused: true',
        '        - spec.replicas: 2',
        '        ↕ spec.ports: order ["a","b"] → ["b","a"]',
        '        ~ metadata.name: "x" → "web"',
        '  removed file app/gone.txt',
        '  changed app/plain.txt',
        '  not listed: app/a.yaml (add it to resources in app/kustomization.yaml)',
        `arch (${DIR}):`,
        `  new file ${DIR}/main.tf.json`,
        `  missing ${DIR}/aqua/aqua.yaml (copy terraform/aws/openclaw/aqua/aqua.yaml)`,
        `  missing ${DIR}/aqua/imports/trivy.yaml (copy terraform/aws/openclaw/aqua/imports/trivy.yaml)`,
        '4 files would change (4 field changes), 1 not listed by a kustomization, 2 arch convention files missing',
        '',
      ].join('\n'),
    );
  });

  it('an unlisted file alone is a change', () => {
    const diff: CheckoutDiff = {
      lolice: { files: [], unlisted: [{ path: 'a', kustomization: 'k', field: 'components' }] },
    };
    expect(isCheckoutDiffEmpty(diff)).toBe(false);
    expect(formatCheckoutDiff(diff)).toBe(
      'lolice:\n  not listed: a (add it to components in k)\n0 files would change (0 field changes), 1 not listed by a kustomization\n',
    );
  });
});
