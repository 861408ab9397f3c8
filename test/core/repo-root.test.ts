/** repoPath: paths under the openclaw-ops checkout this code runs from, found by its package.json. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoPath } from '../../lib/core/repo-root';

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
