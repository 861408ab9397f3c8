import { runUpgradeCheckCli, UPGRADE_CHECK_EXIT } from '../../lib/cli/upgrade-check-cli';
import type { UpgradeReport } from '../../lib/upgrade/upgrade-check';

const REPORT: UpgradeReport = {
  from: '2026.2.19',
  to: '2026.9.6',
  node: { required: '>=24.16.0', installed: 'v24.22.3' },
  accepted: true,
  refusedToday: [{ path: 'gateway.controlUi', message: 'Unrecognized key: "allowInsecureAuth"' }],
  refusedTarget: [],
  targetWarnings: [],
  projectChanges: [
    { gate: 'control-ui-insecure-auth-retired', change: 'gateway.controlUi.allowInsecureAuth dropped (retired)' },
  ],
  gates: [],
  projectChecks: [],
  source: 'real-loader',
  schemaChanges: [],
  timings: { installMs: 0, validateMs: 1, totalMs: 2 },
};

async function run(argv: string[], check: (to: string) => Promise<UpgradeReport> = async () => REPORT) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const code = await runUpgradeCheckCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, (to) => {
    calls.push(to);
    return check(to);
  });
  return { code, stdout: out.join(''), stderr: err.join(''), calls };
}

describe('npm run upgrade-check (CLI, no install)', () => {
  test('--help prints the usage and exits 0 without checking anything', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: npm run upgrade-check -- --to VERSION [--json]');
    expect(result.calls).toEqual([]);
  });

  test('fails with exit 2 on an unknown flag, naming it', async () => {
    const result = await run(['--to', '2026.9.6', '--yaml']);
    expect(result.code).toBe(UPGRADE_CHECK_EXIT.usageOrInstall);
    expect(result.stderr).toContain(
      'upgrade-check: unknown option "--yaml": expected one of --to VERSION, --json, --help',
    );
    expect(result.calls).toEqual([]);
  });

  test('fails with exit 2 without --to', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--to VERSION is required');
  });

  test('fails with exit 2 and one line when the release cannot be installed', async () => {
    const result = await run(['--to', '2026.1.1'], async () => {
      throw new Error('openclaw release 2026.1.1 has no install spec: expected a folder openclaw-releases/2026.1.1');
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'upgrade-check: openclaw release 2026.1.1 has no install spec: expected a folder openclaw-releases/2026.1.1\n',
    );
  });

  test('exits 0 when the target accepts the rendered config, 1 when it refuses it', async () => {
    expect((await run(['--to', '2026.9.6'])).code).toBe(0);
    const refused = await run(['--to', '2026.9.6'], async () => ({
      ...REPORT,
      accepted: false,
      refusedTarget: [{ path: 'cron', message: 'Unrecognized key: "x"' }],
    }));
    expect(refused.code).toBe(UPGRADE_CHECK_EXIT.refused);
    expect(refused.stdout).toContain('REFUSED: openclaw 2026.9.6 refuses the config rendered for it');
    expect(refused.stdout).toContain('  - cron: Unrecognized key: "x"');
  });

  test('--json prints the report as JSON for CI', async () => {
    const result = await run(['--to', '2026.9.6', '--json']);
    expect(result.calls).toEqual(['2026.9.6']);
    expect(JSON.parse(result.stdout)).toEqual(REPORT);
  });
});
