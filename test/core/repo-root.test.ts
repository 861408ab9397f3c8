/** repoPath: paths under the openclaw-ops checkout this code runs from, found by its package.json. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findRepoRoot, repoPath } from '../../lib/core/repo-root';

describe('repoPath', () => {
  it('joins parts under the folder whose package.json is named openclaw-ops, the same on every call', () => {
    const manifest = repoPath('package.json');
    expect(existsSync(manifest)).toBe(true);
    expect((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name).toBe('openclaw-ops');
    expect(repoPath()).toBe(dirname(manifest));
    expect(repoPath('lib', 'core')).toBe(join(dirname(manifest), 'lib', 'core'));
    expect(existsSync(repoPath('lib', 'core', 'repo-root.ts'))).toBe(true);
  });
});

describe('findRepoRoot', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const tree = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'openclaw-ops-repo-root-'));
    made.push(root);
    return root;
  };
  const writeManifest = (dir: string, name: unknown): void => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name }));
  };

  it('walks up past package.json files of other names (a vendored package, a workspace) to the openclaw-ops one', () => {
    const root = tree();
    writeManifest(join(root, 'checkout'), 'openclaw-ops');
    writeManifest(join(root, 'checkout', 'build', 'vendor'), 'something-else');
    writeManifest(join(root, 'checkout', 'build', 'vendor', 'nameless'), undefined);
    const start = join(root, 'checkout', 'build', 'vendor', 'nameless', 'cli');
    mkdirSync(start, { recursive: true });
    expect(findRepoRoot(start)).toBe(join(root, 'checkout'));
    expect(findRepoRoot(join(root, 'checkout'))).toBe(join(root, 'checkout'));
  });

  it('refuses a start outside any openclaw-ops checkout, naming it and what to do', () => {
    const root = tree();
    writeManifest(join(root, 'elsewhere'), 'openclaw-ops-fork');
    const start = join(root, 'elsewhere', 'lib');
    mkdirSync(start);
    expect(() => findRepoRoot(start)).toThrow(
      new Error(
        `received ${start}, which is not inside the openclaw-ops checkout: expected this module under it; ` +
          'run the tool from its repository',
      ),
    );
  });
});
