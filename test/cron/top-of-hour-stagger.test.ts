/** Which cron expressions OpenClaw staggers by default: recurring at minute 0 (and second 0) of every hour or every n hours. */
import { DEFAULT_TOP_OF_HOUR_STAGGER_MS, isRecurringTopOfHour } from '../../lib/cron/top-of-hour-stagger';

describe('isRecurringTopOfHour', () => {
  it('is true at minute 0 of every hour or every n hours, with five or six fields', () => {
    for (const expr of ['0 * * * *', '0 */2 * * *', ' 0  */12 * * 1-5 ', '0 0 * * * *', '0 0 */3 * * *']) {
      expect(isRecurringTopOfHour(expr), expr).toBe(true);
    }
  });

  it('is false for another minute, second or hour, other field counts and shortcuts', () => {
    for (const expr of [
      '5 * * * *',
      '0 9 * * *',
      '0 */x * * *',
      '0 1-5 * * *',
      '0 x*/2 * * *',
      '0 */2x * * *',
      '*/15 * * * *',
      '30 0 * * * *',
      '0 5 * * * *',
      '0 0 9 * * *',
      '0 * * *',
      '0 0 * * * * *',
      '@hourly',
      '',
    ]) {
      expect(isRecurringTopOfHour(expr), expr).toBe(false);
    }
  });

  it('defaults to five minutes', () => {
    expect(DEFAULT_TOP_OF_HOUR_STAGGER_MS).toBe(300_000);
  });
});
