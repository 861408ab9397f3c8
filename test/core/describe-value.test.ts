import { describe, expect, it } from 'vitest';
import { describeValue } from '../../lib/core/describe-value';

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['latest', '"latest"'],
    [0, '0'],
    [Number.NaN, 'NaN (not finite)'],
    [false, 'false'],
    [[], 'an empty array'],
    [['a'], 'an array of 1 item'],
    [['a', 'b'], 'an array of 2 items'],
    [{}, 'an empty object'],
    [{ a: 1, b: 2 }, 'an object with keys a, b'],
  ])('describes %j as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('shortens long text to 80 characters', () => {
    expect(describeValue('x'.repeat(100))).toBe(JSON.stringify(`${'x'.repeat(77)}…`));
  });

  it('describes a string by its length only when its text is hidden', () => {
    expect(describeValue('hunter2-not-a-real-token', { showText: false })).toBe('a string of 24 characters');
    expect(describeValue('x', { showText: false })).toBe('a string of 1 character');
    expect(describeValue('', { showText: false })).toBe('an empty string');
  });
});
