/**
 * `npm run fixture:rebaseline`: the baseline moves to a newer lolice checkout (folder renamed after
 * its commit, placeholders kept, provenance table updated), and a routine edit made both in lolice
 * and in the config keeps the reproduction check green with the intended-change list as it is.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkIntendedChanges } from '../../lib/checkout/intended-changes';
import { diffTree } from '../../lib/checkout/tree-diff';
import { LIVE_LOLICE } from '../support/live-tree';
import { buildApp, configVariant, makeTempDir, removeTempDirs, REPO_ROOT } from '../support/openclaw-ops-harness';
import { LOLICE_INTENDED_CHANGES } from '../../config/lolice-intended-changes';

afterAll(removeTempDirs);

const CONFIGMAP = 'argoproj/openclaw/configmap-openclaw.yaml';

function rebaseline(args: readonly string[]) {
  return spawnSync(process.execPath, ['--require', 'tsx/cjs', 'scripts/rebaseline-fixture.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('fixture:rebaseline', () => {
  const fixtures = makeTempDir('rebaseline-fixtures');
  fs.cpSync(path.dirname(LIVE_LOLICE), fixtures, { recursive: true });
  const oldName = path.basename(LIVE_LOLICE);
  // A newer lolice: the owners changed the heartbeat interval (and the minified libraries are real).
  const newer = makeTempDir('rebaseline-lolice');
  fs.cpSync(LIVE_LOLICE, newer, { recursive: true });
  const configMap = path.join(newer, CONFIGMAP);
  const live = fs.readFileSync(configMap, 'utf8');
  fs.writeFileSync(configMap, live.replace('"every": "30m"', '"every": "45m"'));
  fs.writeFileSync(path.join(newer, 'argoproj/openclaw/board-server/marked.min.js'), '/* the real minified copy */\n');
  const run = rebaseline(['--lolice', newer, '--commit', '0123456789abcdef', '--fixtures', fixtures]);

  test('moves the fixture folder to the new commit, keeps the placeholders, updates the table', () => {
    expect(live).toContain('"every": "30m"');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.readdirSync(fixtures).filter((name) => name.startsWith('lolice-'))).toEqual(['lolice-0123456']);
    const moved = path.join(fixtures, 'lolice-0123456');
    expect(fs.readFileSync(path.join(moved, CONFIGMAP), 'utf8')).toContain('"every": "45m"');
    expect(fs.readFileSync(path.join(moved, 'argoproj/openclaw/board-server/marked.min.js'), 'utf8')).toBe(
      fs.readFileSync(path.join(LIVE_LOLICE, 'argoproj/openclaw/board-server/marked.min.js'), 'utf8'),
    );
    const readme = fs.readFileSync(path.join(fixtures, 'README.md'), 'utf8');
    expect(readme).toContain('| `lolice-0123456/argoproj/openclaw/` | boxp/lolice | `0123456` |');
    expect(readme).not.toContain(`\`${oldName}/`);
  });

  test('the same edit in the config keeps the reproduction check green, intended-change list unchanged', () => {
    const moved = path.join(fixtures, 'lolice-0123456');
    const read = (file: string) =>
      fs.existsSync(path.join(moved, file)) ? fs.readFileSync(path.join(moved, file), 'utf8') : undefined;
    const unchangedConfig = checkIntendedChanges(diffTree(buildApp().renderLolice(), read), LOLICE_INTENDED_CHANGES);
    expect(unchangedConfig.unintended.map((c) => `${c.file} ${c.path ?? ''}`)).toEqual([
      `${CONFIGMAP} data['openclaw.json'].agents.defaults.heartbeat.every`,
    ]);
    const edited = configVariant((draft) => {
      const defaults = (draft.openclawConfig.agents as { defaults: { heartbeat: { every: string } } }).defaults;
      defaults.heartbeat.every = '45m';
    });
    const check = checkIntendedChanges(diffTree(buildApp(edited).renderLolice(), read), LOLICE_INTENDED_CHANGES);
    expect(check.unintended).toEqual([]);
    expect(check.unmatched).toEqual([]);
  });

  test('fails without --commit, changing nothing', () => {
    const result = rebaseline(['--lolice', newer, '--fixtures', fixtures]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lolice PATH and --commit SHA');
  });
});
