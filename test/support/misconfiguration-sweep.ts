/**
 * Runs every misconfiguration case (test/misconfigurations/cases/) against a checkout and records
 * how each was answered, by class, into test/misconfigurations/sweep-record.json:
 *
 *     node --require tsx/cjs test/support/misconfiguration-sweep.ts after            # this checkout
 *     node --require tsx/cjs test/support/misconfiguration-sweep.ts before DIR REV   # another checkout of REV
 *
 * Outcomes: `silent` (synthesized), `crash` (a TypeError or similar escaped), `clear` (refused,
 * naming the object or field and saying how to fix it), `unclear` (refused otherwise). Whether the
 * message carried the case's rule id is recorded separately (`ruleId`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CASES_BY_CLASS } from '../misconfigurations/all-cases';
import type { MisconfigurationCase } from '../misconfigurations/misconfiguration-case';

type Outcome = 'clear' | 'unclear' | 'crash' | 'silent';
const RECORD = path.join(__dirname, '..', 'misconfigurations', 'sweep-record.json');
const FIX_WORDS =
  /\b(add|use|remove|rename|declare|keep|set|give|fix|raise|choose|point|write|escape|change|upgrade|drop|append|list|shorten|move|put|merge|revoke|serve|expose|make|omit)\b/;
const CRASH = /Cannot read propert|is not a function|is not iterable|undefined \(reading|Cannot convert/;

/** The field or object name a message must mention: the last name-like part of the case's object. */
function objectHint(object: string): string {
  const quoted = /"([^"]+)"/.exec(object);
  if (quoted) return quoted[1] as string;
  const parts = object.split(/[.\s[\]()]+/).filter((p) => /[A-Za-z]/.test(p) && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? object;
}

function classify(c: MisconfigurationCase, run: () => void): { outcome: Outcome; ruleId: boolean } {
  try {
    run();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    if (!['Error', 'ConfigError'].includes(e.name) || CRASH.test(e.message)) return { outcome: 'crash', ruleId: false };
    const ruleId = e.message.includes(`[${c.rule}] `);
    const clear = FIX_WORDS.test(e.message) && e.message.includes(objectHint(c.object));
    return { outcome: clear ? 'clear' : 'unclear', ruleId };
  }
  return { outcome: 'silent', ruleId: false };
}

function main(): void {
  const [phase, rootArg, revision] = process.argv.slice(2);
  if (phase !== 'before' && phase !== 'after') {
    throw new Error('usage: misconfiguration-sweep.ts before|after [ROOT REVISION]');
  }
  const root = path.resolve(rootArg ?? path.join(__dirname, '..', '..'));
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { OpenClawOpsApp } = require(
    path.join(root, 'lib', 'openclaw-ops-app'),
  ) as typeof import('../../lib/openclaw-ops-app');
  const { loliceConfig } = require(path.join(root, 'config', 'lolice')) as typeof import('../../config/lolice');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-ops-sweep-'));
  const byClass: Record<string, Record<Outcome | 'ruleId', number>> = {};
  const cases: Record<string, { class: string; outcome: Outcome; ruleId: boolean }> = {};
  try {
    for (const [cls, list] of Object.entries(CASES_BY_CLASS)) {
      const counts = { clear: 0, unclear: 0, crash: 0, silent: 0, ruleId: 0 };
      for (const c of list) {
        const config = structuredClone(loliceConfig);
        c.variant(config as Parameters<MisconfigurationCase['variant']>[0]);
        const result = classify(c, () => {
          const app = new OpenClawOpsApp({ config, terraformOutdir: outdir });
          app.renderLolice();
          app.synthArch();
        });
        counts[result.outcome] += 1;
        if (result.ruleId) counts.ruleId += 1;
        cases[c.id] = { class: cls, ...result };
      }
      byClass[cls] = counts;
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const record = fs.existsSync(RECORD) ? (JSON.parse(fs.readFileSync(RECORD, 'utf8')) as Record<string, unknown>) : {};
  record.command = 'node --require tsx/cjs test/support/misconfiguration-sweep.ts before|after [ROOT REVISION]';
  record.outcomes =
    "silent: synthesized; crash: a TypeError or similar escaped; clear: refused naming the object and a fix; unclear: refused otherwise; ruleId: the message carried the case's rule id";
  record[phase] = { revision: revision ?? 'this checkout', byClass, cases };
  fs.writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
  const total = Object.values(byClass).reduce(
    (sum, c) => ({
      clear: sum.clear + c.clear,
      unclear: sum.unclear + c.unclear,
      crash: sum.crash + c.crash,
      silent: sum.silent + c.silent,
      ruleId: sum.ruleId + c.ruleId,
    }),
    { clear: 0, unclear: 0, crash: 0, silent: 0, ruleId: 0 },
  );
  process.stdout.write(`${phase}: ${JSON.stringify(byClass)}\ntotal: ${JSON.stringify(total)}\n`);
}

main();
