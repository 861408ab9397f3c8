import { describe, expect, it } from 'vitest';
import { describeValue, isIntegerAtLeast, isNonEmpty } from '../../lib/core/describe-value';

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

describe('describeValue: boundaries and other types', () => {
  it('shows text of exactly 80 characters whole, and cuts at 81', () => {
    expect(describeValue('x'.repeat(80))).toBe(JSON.stringify('x'.repeat(80)));
    expect(describeValue('x'.repeat(81))).toBe(JSON.stringify(`${'x'.repeat(77)}…`));
  });

  it('shows text when showText is true or unset, and an empty string as ""', () => {
    expect(describeValue('ab', { showText: true })).toBe('"ab"');
    expect(describeValue('')).toBe('""');
  });

  it('describes infinities, true, a function and a bigint', () => {
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity (not finite)');
    expect(describeValue(-1.5)).toBe('-1.5');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(BigInt(1))).toBe('a bigint');
  });
});

describe('isNonEmpty', () => {
  it('is true only for a string with something other than whitespace', () => {
    expect(isNonEmpty('a')).toBe(true);
    expect(isNonEmpty(' a ')).toBe(true);
    expect(isNonEmpty('')).toBe(false);
    expect(isNonEmpty(' \t\n')).toBe(false);
    expect(isNonEmpty(1)).toBe(false);
    expect(isNonEmpty(undefined)).toBe(false);
  });
});

describe('isIntegerAtLeast', () => {
  it('is true for an integer number at or above the minimum', () => {
    expect(isIntegerAtLeast(1, 1)).toBe(true);
    expect(isIntegerAtLeast(2, 1)).toBe(true);
    expect(isIntegerAtLeast(0, 1)).toBe(false);
    expect(isIntegerAtLeast(1.5, 1)).toBe(false);
    expect(isIntegerAtLeast('2', 1)).toBe(false);
    expect(isIntegerAtLeast(Number.NaN, 0)).toBe(false);
  });
});
