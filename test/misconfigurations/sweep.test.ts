/**
 * The sweep as a whole: enough cases, unique ids, the default config still synthesizes, arch-only
 * synth runs the same SSM rules, and the recorded sweep says nothing crashes or passes silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';
import { CASES_BY_CLASS } from './all-cases';
import { expectRefusal, secret } from './misconfiguration-case';
import { synthesize } from './refuse';

afterAll(removeTempDirs);

const ALL = Object.values(CASES_BY_CLASS).flat();

describe('misconfiguration sweep', () => {
  it('has at least 100 cases with unique ids', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(100);
    expect(new Set(ALL.map((c) => c.id)).size).toBe(ALL.length);
  });

  it('starts from a default config that synthesizes (so each refusal comes from its one change)', () => {
    expect(synthesize(() => buildApp())).toEqual({ kind: 'synthesized' });
  });

  it('refuses a bad SSM parameter on an arch-only synth (what --only arch and cdktf synth run)', () => {
    const config = configVariant((c) => {
      secret(c, 'DISCORD_BOT_TOKEN').parameterName = '/lolice/other/DISCORD_BOT_TOKEN';
    });
    let message = '';
    try {
      buildApp(config).synthArch();
    } catch (error) {
      message = (error as Error).message;
    }
    expectRefusal(message, {
      rule: 'ssm-parameter-name',
      object: 'secret openclaw-credentials/DISCORD_BOT_TOKEN parameterName',
      fix: /rename it under the prefix/,
    });
  });

  it('the recorded sweep has every case, and after the fixes none crashes, passes silently or is unclear', () => {
    const record = JSON.parse(fs.readFileSync(path.join(__dirname, 'sweep-record.json'), 'utf8')) as {
      after: { byClass: Record<string, Record<string, number>>; cases: Record<string, { outcome: string }> };
    };
    expect(Object.keys(record.after.cases).sort()).toEqual(ALL.map((c) => c.id).sort());
    for (const [cls, counts] of Object.entries(record.after.byClass)) {
      expect({ cls, crash: counts.crash, silent: counts.silent, unclear: counts.unclear }).toEqual({
        cls,
        crash: 0,
        silent: 0,
        unclear: 0,
      });
    }
  });
});
