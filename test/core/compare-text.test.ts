import { compareText } from '../../lib/core/compare-text';

describe('compareText', () => {
  test('orders by UTF-16 code unit: capitals before lowercase, non-ASCII last, whatever the locale', () => {
    expect(['b', 'Ä', 'a', 'B', 'A', 'ab'].sort(compareText)).toEqual(['A', 'B', 'a', 'ab', 'b', 'Ä']);
  });

  test('returns 0 only for equal strings, and the sign of the order otherwise', () => {
    expect(compareText('x', 'x')).toBe(0);
    expect(compareText('OpenClawA', 'OpenClawB')).toBe(-1);
    expect(compareText('openclaw', 'OpenClaw')).toBe(1);
  });
});
