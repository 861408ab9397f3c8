import { DeclaredOnce } from '../../lib/core/declared-once';

describe('DeclaredOnce', () => {
  it('keeps the first owner, lists names in claim order and refuses a second claim with the built message', () => {
    const names = new DeclaredOnce((name, first, second) => `${name}: ${first} then ${second}`);
    names.claim('b', 'one');
    names.claim('a', 'two');
    expect(names.has('a')).toBe(true);
    expect(names.has('c')).toBe(false);
    expect(() => names.claim('b', 'three')).toThrow(new Error('b: one then three'));
    expect(names.names()).toEqual(['b', 'a']);
  });
});
