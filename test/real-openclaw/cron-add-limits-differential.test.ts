/**
 * cron.add's limits on a one-shot `schedule.at` (not more than 1 minute in the past, not more than
 * 10 years ahead), generated around both bounds in several spellings, through the REAL 2026.2.19
 * check (`validateScheduleTimestamp`, the one cron.add and cron.update apply; all cases in one
 * process) and through ours (`validateCronJobs` with the same clock). Ours never accepts what the
 * real check refuses.
 */
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { checkCronTimestampsWithRelease, type CronTimestampVerdict } from '../../lib/openclaw/release/release-probe';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';

const NOW = Date.parse('2026-12-03T00:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TEN_YEARS = 10 * 365.25 * DAY;

/** Offsets from NOW around both bounds, and far on each side. */
const OFFSETS = [
  -20 * 365 * DAY,
  -DAY,
  -MINUTE - 1000,
  -MINUTE - 1,
  -MINUTE,
  -MINUTE + 1000,
  -1000,
  0,
  1000,
  DAY,
  365 * DAY,
  TEN_YEARS - DAY,
  TEN_YEARS - 1000,
  TEN_YEARS,
  TEN_YEARS + 1000,
  TEN_YEARS + DAY,
  20 * 365 * DAY,
];

/** The same instant in the spellings an author writes. */
function spellings(ms: number): string[] {
  const iso = new Date(ms).toISOString(); // 2026-12-03T00:00:00.000Z
  const noMillis = iso.replace(/\.\d{3}Z$/, 'Z');
  const tokyo = new Date(ms + 9 * 60 * MINUTE).toISOString().replace(/\.\d{3}Z$/, '+09:00');
  return [iso, noMillis, tokyo];
}

const CASES = OFFSETS.flatMap((offset) => spellings(NOW + offset).map((at) => ({ at, now: NOW, offset })));

const context: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
  now: NOW,
};

function job(at: string): CronJobDeclaration {
  return {
    name: 'one-shot',
    schedule: { kind: 'at', at },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'hello' },
    delivery: { mode: 'none' },
  };
}

let real: CronTimestampVerdict[];

beforeAll(async () => {
  real = await checkCronTimestampsWithRelease(await realOpenClawRelease(), CASES);
}, RELEASE_INSTALL_TIMEOUT_MS);

describe('cron.add one-shot limits: the real 2026.2.19 check vs ours', () => {
  it('ours accepts no instant the real cron.add refuses (0 looser), and both refuse both bounds', () => {
    const counts = { bothRefuse: 0, bothAccept: 0, oursStricter: 0, oursLooser: 0 };
    const looser: string[] = [];
    CASES.forEach((c, index) => {
      const realRefuses = !real[index]!.ok;
      const oursRefuses = validateCronJobs([job(c.at)], context).errors.length > 0;
      if (realRefuses && oursRefuses) counts.bothRefuse++;
      else if (!realRefuses && !oursRefuses) counts.bothAccept++;
      else if (oursRefuses) counts.oursStricter++;
      else {
        counts.oursLooser++;
        looser.push(`${c.at} (real: ${real[index]!.message})`);
      }
    });
    console.log(`cron.add limits differential (${CASES.length} instants): ${JSON.stringify(counts)}`);
    expect(looser).toEqual([]);
    expect(counts.oursStricter).toBe(0);
    // the cases reach both limits: the past and the far future are refused by the real check
    expect(real[CASES.findIndex((c) => c.offset === -DAY)]!.message).toMatch(/in the past/);
    expect(real[CASES.findIndex((c) => c.offset === TEN_YEARS + DAY)]!.message).toMatch(/too far in the future/);
    expect(counts.bothAccept).toBeGreaterThan(0);
  });

  it('our messages say which limit and how to fix it', () => {
    const past = validateCronJobs([job(new Date(NOW - DAY).toISOString())], context).errors.join('\n');
    expect(past).toMatch(/schedule\.at .* is in the past .*remove the job once it has run/);
    const ahead = validateCronJobs([job(new Date(NOW + TEN_YEARS + DAY).toISOString())], context).errors.join('\n');
    expect(ahead).toMatch(/schedule\.at .* is too far ahead: expected at most 10 years/);
  });
});
