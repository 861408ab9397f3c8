/**
 * How `npm run mutation` reads test/mutation/equivalent-mutants.md to mark each survivor as listed or
 * not (scripts/equivalent-mutants.mjs), and that the committed file names only files that exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isListed, listedMutants } from '../../scripts/equivalent-mutants.mjs';
import { REPO_ROOT } from '../support/openclaw-ops-harness';

const sample = [
  '# Equivalent mutants',
  '',
  'Intro naming 1:2 and `lib/a.ts` in passing.',
  '',
  '## lib/a.ts',
  '',
  '- 12:7 ConditionalExpression `true` (see `lib/b.ts` 3:4): why.',
  '- 20:11 and 21:5 StringLiteral, also 2026.2.19 and 10:30:00 in prose.',
  '',
  'Not equivalent, but counted as surviving: 30:9 and the texts (40:1, 41:2).',
  '',
  '## Not reachable from the test process',
  '',
  '- `lib/c.ts` (every mutant, not covered): built at build time; `lib/d.ts` only named.',
  '- `lib/e.ts` 5:6 and 7:8: at process exit.',
  '',
  '## lib/f.ts',
  '',
  '- 1:1 ArrowFunction: why.',
].join('\n');

test('positions count for the heading file, or for the path named last before them', () => {
  const listed = listedMutants(sample);
  expect([...(listed.get('lib/a.ts')?.positions ?? [])]).toEqual(['12:7', '20:11', '21:5', '30:9', '40:1', '41:2']);
  expect([...(listed.get('lib/b.ts')?.positions ?? [])]).toEqual(['3:4']);
  expect(listed.get('lib/c.ts')).toEqual({ every: true, positions: new Set() });
  expect(listed.get('lib/d.ts')).toBeUndefined();
  expect([...(listed.get('lib/e.ts')?.positions ?? [])]).toEqual(['5:6', '7:8']);
  expect([...(listed.get('lib/f.ts')?.positions ?? [])]).toEqual(['1:1']);
});

test('a survivor is listed only at a listed position of its own file, or when every mutant is', () => {
  const listed = listedMutants(sample);
  expect(isListed(listed, 'lib/a.ts', '12:7')).toBe(true);
  expect(isListed(listed, 'lib/a.ts', '3:4')).toBe(false);
  expect(isListed(listed, 'lib/a.ts', '1:2')).toBe(false);
  expect(isListed(listed, 'lib/a.ts', '10:30')).toBe(false);
  expect(isListed(listed, 'lib/c.ts', '99:1')).toBe(true);
  expect(isListed(listed, 'lib/d.ts', '1:1')).toBe(false);
  expect(isListed(listed, 'lib/g.ts', '1:1')).toBe(false);
});

test('the committed file lists positions only under files that exist', () => {
  const listed = listedMutants(readFileSync(join(REPO_ROOT, 'test/mutation/equivalent-mutants.md'), 'utf8'));
  expect(listed.size).toBeGreaterThan(40);
  expect([...listed.keys()].filter((file) => !existsSync(join(REPO_ROOT, file)))).toEqual([]);
});
