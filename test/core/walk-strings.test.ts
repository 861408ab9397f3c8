import { walkStrings } from '../../lib/core/walk-strings';

describe('walkStrings', () => {
  it('visits every string with its path and nearest key, quoting keys that are not identifiers', () => {
    const seen: string[] = [];
    walkStrings(
      { a: 'x', list: ['y', { b: 'z' }], 'odd key': 'w', $ok_1: 'v', '1st': 'u', n: 1, t: true, nil: null },
      'root',
      (path, key, text) => seen.push(`${path}|${key}|${text}`),
    );
    expect(seen).toEqual([
      'root.a|a|x',
      'root.list[0]|list|y',
      'root.list[1].b|b|z',
      'root["odd key"]|odd key|w',
      'root.$ok_1|$ok_1|v',
      'root["1st"]|1st|u',
    ]);
  });

  it('skips members left undefined (a document type allows them; JSON drops them)', () => {
    const seen: string[] = [];
    walkStrings({ a: undefined, b: 'x', n: 1, t: false }, 'd', (path) => seen.push(path));
    expect(seen).toEqual(['d.b']);
  });

  it('a bare string is visited with the given path and key', () => {
    const seen: string[] = [];
    walkStrings('s', 'p', (path, key, text) => seen.push(`${path}|${key}|${text}`));
    walkStrings('s', 'p', (path, key, text) => seen.push(`${path}|${key}|${text}`), 'k');
    expect(seen).toEqual(['p||s', 'p|k|s']);
  });
});
