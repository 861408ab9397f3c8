/**
 * `npm run diff`: against the live tree it shows exactly the intended change (exit 1); against a
 * checkout that already has the synth it shows nothing (exit 0); a hand edit is reported with its
 * path and values; usage and IO errors exit 2.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loliceConfig } from '../../config/lolice';
import {
  archRepoFiles,
  ARCH_COPIED_FILES,
  ARCH_SIBLING_WORKING_DIR,
  archWorkingDir,
} from '../../lib/checkout/arch-repo-files';
import { diffCheckouts, formatCheckoutDiff, type CheckoutDiff } from '../../lib/checkout/checkout-diff';
import { checkIntendedChanges } from '../../lib/checkout/intended-changes';
import { synthesize } from '../../lib/checkout/synthesize';
import { LIVE_ARCH, LIVE_LOLICE } from '../support/live-tree';
import { buildApp, makeTempDir, removeTempDirs, REPO_ROOT } from '../support/openclaw-ops-harness';
import { LOLICE_INTENDED_CHANGES } from '../../config/lolice-intended-changes';

afterAll(removeTempDirs);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runDiff(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // The compiled CLI, as `npm run diff` runs it (the test setup builds build/cli).
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'build/cli/diff.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A lolice and an arch checkout that already hold what synth generates, kustomizations updated. */
function synthesizedCheckouts(): { lolice: string; arch: string } {
  const root = makeTempDir('diff');
  const lolice = path.join(root, 'lolice');
  const arch = path.join(root, 'arch');
  fs.cpSync(LIVE_LOLICE, lolice, { recursive: true });
  fs.cpSync(LIVE_ARCH, arch, { recursive: true });
  const app = buildApp();
  synthesize(app, { loliceOut: lolice, terraformOut: path.join(root, 'cdktf.out') });
  // synthesize lists the generated files in the checkout's kustomizations itself.
  for (const [file, content] of archRepoFiles(app.renderArch(), loliceConfig.arch, loliceConfig.arch.stackName)) {
    fs.mkdirSync(path.dirname(path.join(arch, file)), { recursive: true });
    fs.writeFileSync(path.join(arch, file), content);
  }
  for (const file of ARCH_COPIED_FILES) {
    const target = path.join(arch, archWorkingDir(loliceConfig.arch), file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(arch, ARCH_SIBLING_WORKING_DIR, file), target);
  }
  return { lolice, arch };
}

describe('npm run diff', () => {
  const runs: Record<string, Run> = {};
  let edited = '';

  beforeAll(async () => {
    const synthesized = synthesizedCheckouts();
    const handEditedRoot = makeTempDir('diff-edited');
    fs.cpSync(path.dirname(synthesized.lolice), handEditedRoot, { recursive: true });
    const handEdited = { lolice: path.join(handEditedRoot, 'lolice'), arch: path.join(handEditedRoot, 'arch') };
    edited = handEdited.lolice;
    const deployment = path.join(handEdited.lolice, 'argoproj/openclaw/deployment-openclaw.yaml');
    fs.writeFileSync(deployment, fs.readFileSync(deployment, 'utf8').replace('memory: 4Gi', 'memory: 6Gi'));
    const [liveJson, doneArch, hand, help, unknown, missing, noDir] = await Promise.all([
      runDiff(['--lolice', LIVE_LOLICE, '--json']),
      runDiff(['--lolice', synthesized.lolice, '--arch', synthesized.arch]),
      runDiff(['--lolice', handEdited.lolice]),
      runDiff(['--help']),
      runDiff(['--lolice', LIVE_LOLICE, '--colour']),
      runDiff([]),
      runDiff(['--lolice', path.join(handEdited.lolice, 'no-such-folder')]),
    ]);
    Object.assign(runs, { liveJson, doneArch, hand, help, unknown, missing, noDir });
  });

  test('against the live tree: exactly the intended change, exit 1', () => {
    expect(runs.liveJson?.status, runs.liveJson?.stderr).toBe(1);
    const diff = JSON.parse(runs.liveJson?.stdout ?? '') as CheckoutDiff & { changed: boolean };
    expect(diff.changed).toBe(true);
    const check = checkIntendedChanges(diff.lolice, LOLICE_INTENDED_CHANGES);
    expect(check.unintended).toEqual([]);
    expect(check.unmatched).toEqual([]);
    expect(diff.lolice.unlisted.map((u) => u.path)).toContain('argoproj/openclaw/configmap-cron-run-log-shipper.yaml');
  });

  test('the text report names files, objects, field paths and values, and what arch needs', () => {
    const app = buildApp();
    const generated = { lolice: app.renderLolice(), arch: app.renderArch(), archConfig: loliceConfig.arch };
    const out = formatCheckoutDiff(diffCheckouts(generated, { lolice: LIVE_LOLICE, arch: LIVE_ARCH }));
    expect(out).toContain('changed argoproj/openclaw/external-secret.yaml');
    expect(out).toContain('~ ExternalSecret/openclaw/openclaw-es');
    expect(out).toContain(`+ data['openclaw.json'].cron.sessionRetention: "7d"`);
    expect(out).toContain(
      'not listed: argoproj/prometheus-operator/components/openclaw-app-dashboard (add it to components in argoproj/prometheus-operator/kustomization.yaml)',
    );
    expect(out).toContain('new file terraform/aws/openclaw-ops/main.tf.json');
    expect(out).toContain(
      'missing terraform/aws/openclaw-ops/aqua/aqua.yaml (copy terraform/aws/openclaw/aqua/aqua.yaml)',
    );
  });

  test('a checkout that already has the synth: no changes, exit 0 (lolice and arch)', () => {
    expect(runs.doneArch?.stderr).toBe('');
    expect(runs.doneArch?.stdout).toBe(
      'lolice:\n  no changes\narch (terraform/aws/openclaw-ops):\n  no changes\nno changes\n' +
        // The live tree's Argo CD Image Updater override: the image that really runs.
        'note: runs ghcr.io/boxp/arch/openclaw:202602200841, not ghcr.io/boxp/arch/openclaw:202602170222: ' +
        'Argo CD Image Updater overrides it in argoproj/openclaw/.argocd-source-openclaw.yaml (the ' +
        "manifest's tag is only the fallback)\n",
    );
    expect(runs.doneArch?.status).toBe(0);
  });

  test('a hand edit is reported with its path, old and new value, exit 1', () => {
    expect(runs.hand?.status).toBe(1);
    expect(runs.hand?.stdout).toContain('changed argoproj/openclaw/deployment-openclaw.yaml');
    expect(runs.hand?.stdout).toContain(
      '~ spec.template.spec.containers[name=openclaw].resources.limits.memory: "6Gi" → "4Gi"',
    );
    expect(edited).not.toBe('');
  });

  test('--help prints the usage, exit 0', () => {
    expect(runs.help?.status).toBe(0);
    expect(runs.help?.stdout).toMatch(/^usage: npm run diff -- --lolice PATH \[--arch PATH\] \[--json\]/);
  });

  test('an unknown flag, a missing --lolice and a missing folder exit 2 with a message', () => {
    expect(runs.unknown?.status).toBe(2);
    expect(runs.unknown?.stderr).toMatch(
      /unknown option "--colour": expected one of --lolice PATH, --arch PATH, --json, --help[\s\S]*usage: npm run diff/,
    );
    expect(runs.missing?.status).toBe(2);
    expect(runs.missing?.stderr).toContain('--lolice PATH is required');
    expect(runs.noDir?.status).toBe(2);
    expect(runs.noDir?.stderr).toMatch(/diff failed: --lolice .*no-such-folder: ENOENT: expected a checkout folder/);
    for (const run of [runs.unknown, runs.missing, runs.noDir]) expect(run?.stdout).toBe('');
  });
});
