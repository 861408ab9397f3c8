/** schedule.tz: an IANA zone the runtime knows, canonical or an alias its formatter takes. */
import { isValidTimeZone } from '../../lib/cron/time-zone';

describe('isValidTimeZone', () => {
  it('accepts canonical zones and aliases the formatter takes, the same on a second call', () => {
    for (const tz of ['Asia/Tokyo', 'UTC', 'Etc/GMT+9', 'US/Pacific', 'utc', 'US/Pacific']) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
  });

  it('refuses unknown zones, the same on a second call', () => {
    for (const tz of ['Asia/Nowhere', 'JST+9', '', 'Asia/Nowhere']) expect(isValidTimeZone(tz), tz).toBe(false);
  });

  it('lets a failure other than an unknown zone through instead of calling the value "not a zone"', () => {
    // Outside the types (a declaration built in code): the formatter throws a TypeError, not a RangeError.
    expect(() => isValidTimeZone(Symbol('tz') as unknown as string)).toThrow(TypeError);
  });

  it('builds no formatter for a canonical zone, and one per alias or unknown name however often it is asked', async () => {
    // A fresh module: its cache holds nothing another test put there.
    vi.resetModules();
    const fresh = await import('../../lib/cron/time-zone');
    const formatter = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(fresh.isValidTimeZone('Europe/Paris')).toBe(true);
      expect(fresh.isValidTimeZone('Europe/Paris')).toBe(true);
      expect(formatter).not.toHaveBeenCalled();
      for (let i = 0; i < 3; i += 1) {
        expect(fresh.isValidTimeZone('US/Eastern')).toBe(true);
        expect(fresh.isValidTimeZone('Mars/Olympus')).toBe(false);
      }
      expect(formatter.mock.calls.map(([, options]) => options?.timeZone)).toEqual(['US/Eastern', 'Mars/Olympus']);
    } finally {
      formatter.mockRestore();
    }
  });
});
