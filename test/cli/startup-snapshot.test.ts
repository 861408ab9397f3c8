/**
 * synth's launcher (`build/main`, what `npm run synth`, cdk8s.yaml and cdktf.json run) starts from
 * the V8 startup snapshot when it fits, and writes the same bytes as the bundle (`build/cli/synth.js`);
 * under other NODE_OPTIONS (which V8 would refuse the snapshot for) it runs the bundle instead.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, readTree, removeTempDirs, REPO_ROOT } from '../support/openclaw-ops-harness';

const LAUNCHER = path.join(REPO_ROOT, 'build', 'main');

afterAll(removeTempDirs);

function synth(command: readonly string[], env: Record<string, string> = {}) {
  const root = makeTempDir('startup-snapshot');
  const inherited = { ...process.env };
  delete inherited.CDK8S_OUTDIR;
  delete inherited.CDKTF_OUTDIR;
  delete inherited.NODE_OPTIONS;
  const result = spawnSync(
    command[0] as string,
    [...command.slice(1), '--lolice-out', path.join(root, 'lolice'), '--terraform-out', path.join(root, 'tf')],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...inherited, CHECKPOINT_DISABLE: '1', NODE_DEBUG: 'module', ...env },
      timeout: 60_000,
    },
  );
  return { result, root, bundleLoaded: result.stderr.includes('synth.bundle.js') };
}

describe('synth launcher', () => {
  it('the build wrote the snapshot and its key', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'build', 'cli', 'synth.blob'))).toBe(true);
    expect(fs.readFileSync(path.join(REPO_ROOT, 'build', 'cli', 'synth.snapshot-key'), 'utf8')).toMatch(
      /^[0-9a-f]{16}$/,
    );
  });

  it('starts from the snapshot and writes the same bytes as the bundle', () => {
    const fromSnapshot = synth([LAUNCHER]);
    const fromBundle = synth([process.execPath, path.join(REPO_ROOT, 'build', 'cli', 'synth.js')]);
    expect(fromSnapshot.result.status, fromSnapshot.result.stderr).toBe(0);
    expect(fromBundle.result.status, fromBundle.result.stderr).toBe(0);
    expect(fromSnapshot.bundleLoaded, 'the snapshot run loads no bundle').toBe(false);
    expect(fromBundle.bundleLoaded).toBe(true);
    expect(fromSnapshot.result.stdout.replaceAll(fromSnapshot.root, '<out>')).toBe(
      fromBundle.result.stdout.replaceAll(fromBundle.root, '<out>'),
    );
    expect(readTree(fromSnapshot.root)).toEqual(readTree(fromBundle.root));
  });

  it('starts node without NODE_EXTRA_CA_CERTS, whose certificates node would parse at every start', () => {
    const missing = { NODE_EXTRA_CA_CERTS: path.join(REPO_ROOT, 'no-such-ca-bundle.pem') };
    const launched = synth([LAUNCHER], missing);
    expect(launched.result.status, launched.result.stderr).toBe(0);
    expect(launched.result.stderr).not.toContain('extra certs');
    // the same variable reaches a node started any other way, which then reads it (and warns)
    const direct = synth([process.execPath, path.join(REPO_ROOT, 'build', 'cli', 'synth.js')], missing);
    expect(direct.result.status, direct.result.stderr).toBe(0);
    expect(direct.result.stderr).toContain('extra certs');
  });

  it('runs the bundle when NODE_OPTIONS differ from the build, with the same output', () => {
    const other = synth([LAUNCHER], { NODE_OPTIONS: '--max-semi-space-size=8' });
    const plain = synth([LAUNCHER]);
    expect(other.result.status, other.result.stderr).toBe(0);
    expect(other.bundleLoaded, 'the snapshot is not used under other V8 flags').toBe(true);
    expect(readTree(other.root)).toEqual(readTree(plain.root));
  });
});
