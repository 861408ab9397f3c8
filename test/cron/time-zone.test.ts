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
});
