/**
 * The LogQL alerts at one instant, over streams whose lines carry the time Loki would stamp them
 * with (the record's `ts` / `time`: the run-log shipper prints within seconds). Evaluation is the
 * tests' one LogQL stand-in, `mini-loki.ts`; anything it does not know throws, so an alert that
 * changes shape cannot pass unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiniLoki } from './mini-loki';

/** One log line with the time Loki stamps it with. */
export interface LogLine {
  readonly timeMs: number;
  readonly line: string;
}
/** A Loki stream: its labels and lines. */
export interface LogStream {
  readonly labels: Record<string, string>;
  readonly lines: readonly LogLine[];
}
/** One firing series of an alert expression. */
export interface AlertSample {
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The alert's firing series at `atMs` (the tests' one LogQL stand-in, sorted by labels). */
export function evaluateAlert(expr: string, streams: readonly LogStream[], atMs: number): AlertSample[] {
  return new MiniLoki(streams)
    .query(expr, { atMs })
    .sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
}

/** The project's run-log shipper (`sidecar/run-log-shipper.mjs`). */
export const RUN_LOG_SHIPPER_SCRIPT = join(__dirname, '..', '..', 'sidecar', 'run-log-shipper.mjs');

/**
 * Runs the shipper once (`--once`, fresh state) over a run-log dir and a gateway file-log dir and
 * returns its output lines stamped with the record's own time, as Loki would within seconds.
 */
export function shipOnce(runsDir: string, gatewayLogDir: string): LogLine[] {
  const stateDir = mkdtempSync(join(tmpdir(), 'run-log-shipper-'));
  try {
    const result = spawnSync(process.execPath, [RUN_LOG_SHIPPER_SCRIPT, '--once'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        RUN_LOG_DIR: runsDir,
        GATEWAY_LOG_DIR: gatewayLogDir,
        STATE_FILE: join(stateDir, 'state.json'),
      },
      timeout: 30_000,
    });
    if (result.status !== 0) {
      throw new Error(`run-log shipper exited with ${result.status ?? result.signal}: ${result.stderr}`);
    }
    return result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const record = JSON.parse(line) as { ts?: number; time?: string };
        const timeMs = typeof record.ts === 'number' ? record.ts : Date.parse(record.time ?? '');
        if (!Number.isFinite(timeMs)) throw new Error(`run-log shipper printed a line without ts or time: ${line}`);
        return { timeMs, line };
      });
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
