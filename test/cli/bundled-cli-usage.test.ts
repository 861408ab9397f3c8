/**
 * The bundled CLIs that have no end-to-end test of their own elsewhere (`npm run upgrade-check`,
 * `npm run openclaw:install`): -h prints the usage and exits 0 without doing anything, an unknown
 * flag exits 2 with a one-line message and the usage.
 */
import { spawnSync } from 'node:child_process';
import { INSTALL_USAGE } from '../../lib/cli/install-openclaw-release';
import { UPGRADE_CHECK_USAGE } from '../../lib/cli/upgrade-check-cli';
import { cliBundle } from '../support/provision/cli-bundle';

const CASES = [
  { name: 'upgrade-check', script: 'upgrade-check', usage: UPGRADE_CHECK_USAGE },
  { name: 'install-openclaw-release', script: 'openclaw:install', usage: INSTALL_USAGE },
] as const;

describe.each(CASES)('build/cli/$name.js', ({ name, script, usage }) => {
  const run = (args: readonly string[]) =>
    spawnSync(process.execPath, [cliBundle(name), ...args], { encoding: 'utf8', timeout: 30_000 });

  it('-h prints the usage and exits 0', () => {
    const result = run(['-h']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(usage);
    expect(result.status).toBe(0);
  });

  it('an unknown flag exits 2 with the option named and the usage', () => {
    const result = run(['--bogus=1']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${script}: unknown option "--bogus"`));
    expect(result.stderr.endsWith(usage)).toBe(true);
  });
});
