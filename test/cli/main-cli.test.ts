/**
 * The synth command line (`lib/cli/synth.ts`): which side is synthesized and where it goes (flags and the
 * CDK8S_OUTDIR / CDKTF_OUTDIR variables the cdk8s and cdktf CLIs set), and option errors.
 * Each case runs in its own temp working directory, side by side.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loliceConfig } from '../../config/lolice';
import { parseSynthArgs, SYNTH_USAGE } from '../../lib/cli/synth';
import { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import {
  CHANGED_LOLICE_FILES,
  makeTempDir,
  readTree,
  removeTempDirs,
  runMainAsync,
  type MainResult,
} from '../support/openclaw-ops-harness';

const STACK_FILE = `stacks/${loliceConfig.arch.stackName}/cdk.tf.json`;

interface Case {
  readonly cwd: string;
  readonly result: MainResult;
}

/** Every file under `cwd` (empty when nothing was written). */
function filesUnder(cwd: string): string[] {
  return [...readTree(cwd).keys()];
}

const runs: Record<string, Case> = {};

beforeAll(async () => {
  const start = async (name: string, args: string[], env: Record<string, string> = {}): Promise<void> => {
    const cwd = makeTempDir(`cli-${name}`);
    runs[name] = { cwd, result: await runMainAsync(args, env, cwd) };
  };
  await Promise.all([
    // one option in the --x=value form, one in the --x value form
    start('onlyLolice', ['--only=lolice', '--lolice-out', 'out/lolice']),
    start('onlyArch', ['--only', 'arch']),
    start('cdk8sEnv', [], { CDK8S_OUTDIR: 'k8s-out' }),
    start('cdktfEnv', [], { CDKTF_OUTDIR: 'tf-out' }),
    start('unknown', ['--lolice-out', 'x', '--bogus']),
    start('help', ['--help']),
  ]);
});

afterAll(removeTempDirs);

describe('main cli | choosing the side and the outdir', () => {
  test('--only=lolice --lolice-out DIR writes the lolice tree there and no Terraform', () => {
    const { cwd, result } = runs.onlyLolice;
    expect(result.status, result.stderr).toBe(0);
    const files = filesUnder(cwd);
    for (const file of CHANGED_LOLICE_FILES) expect(files).toContain(`out/lolice/${file}`);
    expect(files.filter((f) => f.endsWith('cdk.tf.json') || f.endsWith('manifest.json'))).toEqual([]);
    expect(files.every((f) => f.startsWith('out/lolice/'))).toBe(true);
    expect(`${result.stdout}${result.stderr}`).toMatch(/lolice: \d+ files under out\/lolice/);
  });

  test('--only arch writes cdktf.out/stacks/<stack>/cdk.tf.json (default outdir) and no lolice file', () => {
    const { cwd, result } = runs.onlyArch;
    expect(result.status, result.stderr).toBe(0);
    const files = filesUnder(cwd);
    expect(files).toContain(`cdktf.out/${STACK_FILE}`);
    expect(files.filter((f) => f.endsWith('.yaml'))).toEqual([]);
    expect(fs.existsSync(path.join(cwd, 'dist'))).toBe(false);
  });

  test('CDK8S_OUTDIR alone (the cdk8s CLI) synthesizes only lolice, into that directory', () => {
    const { cwd, result } = runs.cdk8sEnv;
    expect(result.status, result.stderr).toBe(0);
    const files = filesUnder(cwd);
    for (const file of CHANGED_LOLICE_FILES) expect(files).toContain(`k8s-out/${file}`);
    expect(files.filter((f) => f.endsWith('cdk.tf.json'))).toEqual([]);
    expect(fs.existsSync(path.join(cwd, 'dist'))).toBe(false);
  });

  test('CDKTF_OUTDIR alone (the cdktf CLI) synthesizes only arch, into that directory', () => {
    const { cwd, result } = runs.cdktfEnv;
    expect(result.status, result.stderr).toBe(0);
    const files = filesUnder(cwd);
    expect(files).toContain(`tf-out/${STACK_FILE}`);
    expect(files).toContain('tf-out/manifest.json');
    expect(files.filter((f) => f.endsWith('.yaml'))).toEqual([]);
  });
});

describe('main cli | errors and help', () => {
  test('fails with exit 2, a lowercase message and the usage on an unknown option', () => {
    const { cwd, result } = runs.unknown;
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'synth: unknown option "--bogus": expected one of --only lolice|arch, --lolice-out DIR, --terraform-out DIR, --overwrite, --help\n' +
        SYNTH_USAGE,
    );
    // Nothing was written before the option was rejected.
    expect(filesUnder(cwd)).toEqual([]);
  });

  test('--help prints the usage and exits 0 without writing anything', () => {
    const { cwd, result } = runs.help;
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(SYNTH_USAGE);
    expect(filesUnder(cwd)).toEqual([]);
  });

  test('accepts --option=value (the run above uses --only=lolice)', () => {
    expect(parseSynthArgs(['--only=arch', '--lolice-out=eq/lolice', '--terraform-out=eq/tf'], {})).toEqual({
      kind: 'run',
      options: { only: 'arch', loliceOut: 'eq/lolice', terraformOut: 'eq/tf' },
    });
  });
});

describe('main cli | parseSynthArgs', () => {
  test('-h and --help ask for the usage', () => {
    expect(parseSynthArgs(['-h'], {})).toEqual({ kind: 'help' });
    expect(parseSynthArgs(['--only', 'arch', '--help'], {})).toEqual({ kind: 'help' });
  });

  test('options win over CDK8S_OUTDIR / CDKTF_OUTDIR, which win over the defaults', () => {
    expect(parseSynthArgs([], {})).toEqual({
      kind: 'run',
      options: { loliceOut: 'dist/lolice', terraformOut: 'cdktf.out' },
    });
    expect(parseSynthArgs(['--terraform-out=t'], { CDKTF_OUTDIR: 'x' })).toEqual({
      kind: 'run',
      options: { loliceOut: 'dist/lolice', terraformOut: 't', only: 'arch' },
    });
    expect(parseSynthArgs(['--only', 'arch'], { CDK8S_OUTDIR: 'k' })).toEqual({
      kind: 'run',
      options: { loliceOut: 'k', terraformOut: 'cdktf.out', only: 'arch' },
    });
  });

  test.each([
    [['--only', 'both'], '--only got "both": expected "lolice" or "arch"'],
    [['--lolice-out'], 'option --lolice-out needs a value: e.g. --lolice-out DIR or --lolice-out=DIR'],
    [
      ['--lolice-out', '--only', 'arch'],
      'option --lolice-out needs a value: e.g. --lolice-out DIR or --lolice-out=DIR',
    ],
    [
      ['out'],
      'unexpected argument "out": expected options only (--only lolice|arch, --lolice-out DIR, --terraform-out DIR, --overwrite, --help)',
    ],
    [
      ['-x'],
      'unknown option "-x": expected one of --only lolice|arch, --lolice-out DIR, --terraform-out DIR, --overwrite, --help',
    ],
  ])('fails %j with a usage error', (argv, message) => {
    expect(parseSynthArgs(argv, {})).toEqual({ kind: 'usage-error', message });
  });
});

describe('main cli | terraform outdir', () => {
  // The arch side is built lazily: a lolice-only synth (or a cdk8s CLI run) must not leave an
  // empty `cdktf.out/stacks/` in the working directory.
  it('--only lolice creates nothing outside the lolice outdir', () => {
    const { cwd, result } = runs.onlyLolice;
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(cwd)).toEqual(['out']);
  });

  // cdktf's App creates its outdir with a non-recursive mkdir; the app creates the parents first.
  it('creates a nested terraform outdir whose parents do not exist yet', () => {
    const outdir = path.join(makeTempDir('nested'), 'a', 'b', 'cdktf.out');
    new OpenClawOpsApp({ config: loliceConfig, terraformOutdir: outdir }).synthArch();
    expect(fs.existsSync(path.join(outdir, STACK_FILE))).toBe(true);
  });
});
