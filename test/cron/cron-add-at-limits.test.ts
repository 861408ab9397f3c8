/** cron.add's limits on a one-shot schedule.at: at most a minute in the past, at most ten years ahead. */
import { atOutOfRange } from '../../lib/cron/cron-add-at-limits';

const NOW = Date.parse('2026-02-20T00:00:00Z');
const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60 * 1000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('atOutOfRange', () => {
  it('accepts from one minute ago to ten years ahead, both ends included', () => {
    for (const at of [NOW - 60_000, NOW, NOW + TEN_YEARS_MS])
      expect(atOutOfRange(iso(at), NOW), iso(at)).toBeUndefined();
  });

  it('refuses more than a minute ago, counting whole minutes', () => {
    expect(atOutOfRange(iso(NOW - 60_001), NOW)).toBe(
      'schedule.at 2026-02-19T23:58:59.999Z is in the past (received 1 minute(s) before 2026-02-20T00:00:00.000Z): ' +
        'expected an instant at most 1 minute ago, as cron.add refuses older ones; remove the job once it has run, or ' +
        'move schedule.at forward',
    );
    expect(atOutOfRange(iso(NOW - 150_000), NOW)).toMatch(/\(received 2 minute\(s\) before /);
  });

  it('refuses more than ten years ahead', () => {
    expect(atOutOfRange(iso(NOW + TEN_YEARS_MS + 1), NOW)).toBe(
      `schedule.at ${iso(NOW + TEN_YEARS_MS + 1)} is too far ahead: expected at most 10 years after ` +
        '2026-02-20T00:00:00.000Z, as cron.add refuses later ones; use a nearer instant or a recurring schedule',
    );
  });
});
