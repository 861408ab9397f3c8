/** A one-shot schedule.at: an ISO-8601 date or date-time whose calendar fields exist. */
import { isIso8601Instant } from '../../lib/cron/iso-8601-instant';

describe('isIso8601Instant', () => {
  it('accepts dates and date-times with valid fields, any zone form', () => {
    for (const text of [
      '2026-03-01',
      '2026-03-01T09:00',
      '2026-03-01T09:00:00',
      '2026-03-01 09:00:00',
      '2026-03-01t09:00:00z',
      '2026-03-01T09:00:00.5Z',
      '2026-03-01T09:00:00.123456789Z',
      '2026-03-01T09:00:00+09:00',
      '2026-03-01T09:00:00-0930',
      '2026-03-01T23:59:59Z',
      '2026-03-01T00:00:00Z',
      '2024-02-29T00:00:00Z',
      '2026-01-31',
      '2026-12-31',
      ' 2026-03-01T09:00:00Z ',
      ' 2026-03-01T09:00 ',
    ]) {
      expect(isIso8601Instant(text), text).toBe(true);
    }
  });

  it('refuses other forms and fields a calendar or clock lacks', () => {
    for (const text of [
      '',
      'tomorrow',
      '2026-3-01',
      '26-03-01',
      '2026-03-01T9:00',
      '2026-03-01T09',
      '2026-03-01T09:00:00.1234567890Z',
      '2026-03-01T09:00:00+9:00',
      '2026-03-01T09:00:00 UTC',
      'x2026-03-01',
      '2026-03-01x',
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '2026-01-32',
      '2026-02-29',
      '2026-04-31',
      '2026-03-01T24:00:00Z',
      '2026-03-01T23:60:00Z',
      '2026-03-01T23:59:60Z',
      '2026-03-01T09:00:00+99:99',
    ]) {
      expect(isIso8601Instant(text), text).toBe(false);
    }
  });
});
