/**
 * The run-log shipper against real files: a directory missing for one poll, an in-place truncation,
 * and a polling interval below the floor.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.join(__dirname, '..', '..', 'sidecar', 'run-log-shipper.mjs');

let root: string;
let runs: string;
let stateFile: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'run-log-shipper-robust-'));
  runs = path.join(root, 'cron', 'runs');
  stateFile = path.join(root, 'state', 'shipper.json');
  fs.mkdirSync(runs, { recursive: true });
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Shipped {
  readonly ts?: number;
  readonly note?: string;
}

function shipOnce(env: Record<string, string> = {}): { records: Shipped[]; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [SCRIPT, '--once'], {
    env: { PATH: process.env.PATH, RUN_LOG_DIR: runs, STATE_FILE: stateFile, ...env },
    encoding: 'utf8',
  });
  const records = result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Shipped);
  return { records, stderr: result.stderr, status: result.status };
}

function record(ts: number | undefined, note: string): string {
  return JSON.stringify({
    ...(ts === undefined ? {} : { ts }),
    jobId: 'job-a',
    action: 'finished',
    status: 'ok',
    note,
  });
}

function append(...lines: string[]): void {
  fs.appendFileSync(path.join(runs, 'job-a.jsonl'), lines.map((line) => `${line}\n`).join(''));
}

describe('run-log-shipper robustness (real files)', () => {
  it('does not ship everything again when the run-log directory is missing for one poll', () => {
    append(record(1000, 'a'), record(2000, 'b'));
    expect(shipOnce().records.map((r) => r.note)).toEqual(['a', 'b']);

    // the volume is briefly gone (e.g. remounted), then back with the same files
    const aside = path.join(root, 'aside');
    fs.renameSync(runs, aside);
    const missing = shipOnce();
    expect(missing.status).toBe(0);
    expect(missing.records).toEqual([]);
    fs.renameSync(aside, runs);

    append(record(3000, 'c'));
    expect(shipOnce().records.map((r) => r.note)).toEqual(['c']);
  });

  it('keeps a record written after an in-place truncation, even in the same millisecond as the last one shipped', () => {
    append(record(1000, 'a'), record(2000, 'b'));
    expect(shipOnce().records.map((r) => r.note)).toEqual(['a', 'b']);

    fs.truncateSync(path.join(runs, 'job-a.jsonl'), 0);
    append(record(2000, 'c, same ms as b'), record(undefined, 'd, no ts'));
    expect(shipOnce().records.map((r) => r.note)).toEqual(['c, same ms as b', 'd, no ts']);
    // and nothing twice on the next poll
    expect(shipOnce().records).toEqual([]);
  });

  it('after a prune that keeps shipped lines, ships only the new ones', () => {
    append(record(1000, 'a'), record(2000, 'b'), record(3000, 'c'));
    expect(shipOnce().records).toHaveLength(3);
    const file = path.join(runs, 'job-a.jsonl');
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, `${record(2000, 'b')}\n${record(3000, 'c')}\n${record(4000, 'd')}\n`);
    fs.renameSync(tmp, file);
    expect(shipOnce().records.map((r) => r.note)).toEqual(['d']);
  });

  it.each([
    ['99', 'below the floor'],
    ['2', 'seconds written as milliseconds'],
    ['0', 'zero'],
    ['2s', 'a unit suffix'],
    ['-2000', 'negative'],
    ['1e3', 'exponent notation'],
  ])('refuses POLL_INTERVAL_MS=%s (%s) before reading anything', (value) => {
    append(record(1000, 'a'));
    const result = spawnSync(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH, RUN_LOG_DIR: runs, STATE_FILE: stateFile, POLL_INTERVAL_MS: value },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `run-log-shipper: POLL_INTERVAL_MS="${value}" is refused: expected an integer number of milliseconds >= 100`,
    );
    expect(result.stderr).toMatch(/set POLL_INTERVAL_MS to e\.g\. 2000 or unset it\n$/);
    expect(fs.existsSync(stateFile)).toBe(false);
  });

  it('accepts the floor itself', () => {
    append(record(1000, 'a'));
    expect(shipOnce({ POLL_INTERVAL_MS: '100' }).records).toHaveLength(1);
  });
});
