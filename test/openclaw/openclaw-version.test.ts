/** An OpenClaw release version (`lib/openclaw/openclaw-version.ts`): what parses, each refusal whole, the order. */
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const V = (text: string): OpenClawVersion => OpenClawVersion.parse(text);

test('parses YYYY.M.N, optionally after a v and inside whitespace, up to release number 999', () => {
  expect(V('2026.2.19').toString()).toBe('2026.2.19');
  expect(V(' v2026.02.05 ').toString()).toBe('2026.2.5');
  expect(V('2026.12.999')).toMatchObject({ year: 2026, month: 12, day: 999 });
  expect(V('2026.1.1')).toMatchObject({ year: 2026, month: 1, day: 1 });
  expect(OpenClawVersion.V2026_2_17.toString()).toBe('2026.2.17');
  expect(OpenClawVersion.V2026_2_19.toString()).toBe('2026.2.19');
});

test('refuses what is not shaped like a release version', () => {
  for (const text of [
    '',
    'latest',
    '2026.2',
    '26.2.19',
    '20261.2.19',
    '2026.123.1',
    '2026.1.1000',
    'V2026.2.19',
    'x2026.2.19',
    '2026.2.19x',
    '2026-2-19',
  ]) {
    expect(() => V(text)).toThrow(
      new Error(`openclaw version "${text}" is not a release version: expected YYYY.M.D such as "2026.2.19"`),
    );
  }
});

test('refuses month 0 or 13 and release number 0', () => {
  for (const text of ['2026.0.1', '2026.13.1', '2026.12.0']) {
    expect(() => V(text)).toThrow(
      new Error(
        `openclaw version "${text}" is not a release version (month 1-12, release number from 1): expected YYYY.M.D ` +
          'such as "2026.2.19"',
      ),
    );
  }
});

test('orders by year, then month, then release number', () => {
  expect(V('2027.1.1').compare(V('2026.12.35'))).toBeGreaterThan(0);
  expect(V('2026.3.1').compare(V('2026.2.35'))).toBeGreaterThan(0);
  expect(V('2026.2.20').compare(V('2026.2.19'))).toBe(1);
  expect(V('2026.2.19').compare(V('2026.2.20'))).toBe(-1);
  expect(V('2026.2.19').compare(V('v2026.02.19'))).toBe(0);
  expect(V('2026.2.19').isAtLeast(V('2026.2.19'))).toBe(true);
  expect(V('2026.2.18').isAtLeast(V('2026.2.19'))).toBe(false);
  expect(V('2026.2.20').isAtLeast(V('2026.2.19'))).toBe(true);
});
