import { parseDurationMs } from '../../lib/openclaw/duration';

describe('parseDurationMs', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['6h', 21_600_000],
    ['7d', 604_800_000],
    ['1.5h', 5_400_000],
    ['  2D ', 172_800_000],
    ['0', 0],
    ['0.0004s', 0],
  ])('parses %j with the default unit ms', (text, expected) => {
    expect(parseDurationMs(text)).toBe(expected);
  });

  it('uses the default unit for a bare number', () => {
    expect(parseDurationMs('48', { defaultUnit: 'h' })).toBe(172_800_000);
    expect(parseDurationMs('48')).toBe(48);
    expect(parseDurationMs('1.25', { defaultUnit: 'd' })).toBe(108_000_000);
  });

  it('lets an explicit unit win over the default unit', () => {
    expect(parseDurationMs('90m', { defaultUnit: 'h' })).toBe(5_400_000);
  });

  it.each([
    '',
    '   ',
    '7 days',
    '7 d',
    '1h30m',
    '2w',
    '-1h',
    '+1h',
    '.5h',
    '1.h',
    '1e3',
    '1,000',
    'h',
    'forever',
    '0x10',
  ])('fails to parse %j', (text) => {
    expect(parseDurationMs(text, { defaultUnit: 'h' })).toBeUndefined();
  });

  it('fails to parse a number too large to represent', () => {
    expect(parseDurationMs('9'.repeat(400))).toBeUndefined();
  });
});
