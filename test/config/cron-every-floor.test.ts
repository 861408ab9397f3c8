/**
 * The `everyMs` floor is inclusive: 60000 (one minute, the documented minimum) is accepted, one
 * millisecond less is refused with the cron-every-floor rule.
 */
import { checkConfig } from '../../lib/config/check-config';
import { ConfigError } from '../../lib/core/config-problem';
import { configVariant } from '../support/openclaw-ops-harness';
import { job } from '../misconfigurations/misconfiguration-case';

function withEvery(everyMs: number): unknown {
  return configVariant((c) => {
    job(c).schedule = { kind: 'every', everyMs };
  });
}

function rulesOf(config: unknown): string[] {
  try {
    checkConfig(config);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.rule);
  }
}

describe('cron everyMs floor', () => {
  it('accepts exactly 60000 ms, the documented minimum', () => {
    expect(rulesOf(withEvery(60_000))).toEqual([]);
  });

  it('refuses 59999 ms with cron-every-floor', () => {
    expect(rulesOf(withEvery(59_999))).toEqual(['cron-every-floor']);
  });
});
