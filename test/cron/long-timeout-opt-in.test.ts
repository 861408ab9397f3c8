/**
 * `allowLongTimeout` is the project's own opt-in for a run longer than a day (the config rule
 * `cron-timeout-ceiling` names it as the fix): synth accepts a job that uses it, and the key never
 * reaches cron.add (cron-jobs.json).
 */
import { LOLICE_PATHS } from '../../config/lolice-paths';
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

const TWO_DAYS = 172_800;

function withLongRun(optIn: boolean) {
  return configVariant((draft) => {
    const job = draft.cronJobs?.[0];
    if (job === undefined || job.payload.kind !== 'agentTurn') throw new Error('default config lost its agentTurn job');
    job.payload.timeoutSeconds = TWO_DAYS;
    if (optIn) job.allowLongTimeout = true;
  });
}

describe('cron allowLongTimeout', () => {
  it('refuses a two-day run without the opt-in, naming it as the fix', () => {
    expect(() => buildApp(withLongRun(false))).toThrow(/set allowLongTimeout: true/);
  });

  it('accepts the run with the opt-in, and cron-jobs.json carries the timeout but not the opt-in', () => {
    const tree = buildApp(withLongRun(true)).renderLolice();
    const jobs = tree.get(`${LOLICE_PATHS.cronJobsDir}/cron-jobs.json`) ?? '';
    expect(jobs).toContain(`"timeoutSeconds": ${TWO_DAYS}`);
    expect(jobs).not.toContain('allowLongTimeout');
  });
});
