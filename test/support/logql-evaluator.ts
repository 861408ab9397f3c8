/**
 * A stand-in for Loki's evaluation of the LogQL alerts (no Loki binary exists offline). It runs
 * the exact shape the alert expressions have:
 *   sum by (<labels>) (count_over_time(<selector> <line filter> | json a="x", ... | k="v" ... [<range>])) <op> <n>
 * at one instant, over streams whose lines carry the time Loki would stamp them with (the
 * record's `ts` / `time`: the run-log shipper prints within seconds). Anything outside that shape
 * throws, so an alert that changes shape cannot pass unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      current += ch;
      if (ch === '\\' && quote === '"') current += text[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === '`') quote = ch;
    if (text.startsWith(separator, i)) {
      parts.push(current);
      current = '';
      i += separator.length - 1;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

const literal = (text: string): string => (text.startsWith('`') ? text.slice(1, -1) : (JSON.parse(text) as string));
const seconds = (d: string): number => {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
  const m = /^(\d+)(s|m|h|d)$/.exec(d);
  if (!m) throw new Error(`evaluator: unsupported range ${d}`);
  return Number(m[1]) * (units[m[2] as string] as number);
};

/**
 * The alert expression at one instant over `streams`: the series whose value passes the threshold,
 * sorted by labels. Throws for any expression outside the supported shape.
 */
export function evaluateAlert(expr: string, streams: readonly LogStream[], atMs: number): AlertSample[] {
  const shape = /^sum by \(([^)]*)\) \(count_over_time\((.*) \[(\w+)\]\)\) (>=|>) (\d+(?:\.\d+)?)$/s.exec(expr);
  if (!shape) throw new Error(`evaluator: unsupported alert shape ${expr}`);
  const [, by, inner, range, op, threshold] = shape as unknown as [string, string, string, string, string, string];
  const selector = /^\{([^}]*)\}\s*(.*)$/s.exec(inner);
  if (!selector) throw new Error(`evaluator: no stream selector in ${inner}`);
  const matchers = splitTopLevel(selector[1] as string, ',').map((m) => {
    const mm = /^(\w+)="([^"]*)"$/.exec(m);
    if (!mm) throw new Error(`evaluator: unsupported matcher ${m}`);
    return [mm[1] as string, mm[2] as string] as const;
  });
  const rest = selector[2] as string;
  const lineFilter = /^\|= ("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(.*)$/s.exec(rest);
  if (!lineFilter) throw new Error(`evaluator: expected a |= line filter first in ${rest}`);
  const needle = literal(lineFilter[1] as string);
  const stages = splitTopLevel(lineFilter[2] as string, '|').filter((s) => s !== '');
  const fromMs = atMs - seconds(range) * 1000;
  const groups = new Map<string, AlertSample>();
  for (const stream of streams) {
    if (!matchers.every(([label, value]) => stream.labels[label] === value)) continue;
    for (const { timeMs, line } of stream.lines) {
      if (timeMs <= fromMs || timeMs > atMs || !line.includes(needle)) continue;
      let labels: Record<string, string> | undefined = { ...stream.labels };
      for (const stage of stages) {
        if (stage.startsWith('json ')) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            throw new Error(`evaluator: line passed the filter but is not JSON: ${line}`);
          }
          for (const extraction of splitTopLevel(stage.slice(5), ',')) {
            const em = /^(\w+)=("[^"]*")$/.exec(extraction);
            if (!em) throw new Error(`evaluator: unsupported json extraction ${extraction}`);
            let value: unknown = parsed;
            for (const part of literal(em[2] as string).split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
            labels[em[1] as string] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
          }
        } else {
          const fm = /^(\w+)=("(?:[^"\\]|\\.)*")$/.exec(stage);
          if (!fm) throw new Error(`evaluator: unsupported stage ${stage}`);
          if (labels[fm[1] as string] !== literal(fm[2] as string)) {
            labels = undefined;
            break;
          }
        }
      }
      if (!labels) continue;
      const kept: Record<string, string> = {};
      for (const label of by.split(',').map((l) => l.trim())) if (labels[label]) kept[label] = labels[label] as string;
      const key = JSON.stringify(kept);
      groups.set(key, { labels: kept, value: (groups.get(key)?.value ?? 0) + 1 });
    }
  }
  const limit = Number(threshold);
  return [...groups.values()].filter((s) => (op === '>=' ? s.value >= limit : s.value > limit)).sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
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
      env: { PATH: process.env.PATH, RUN_LOG_DIR: runsDir, GATEWAY_LOG_DIR: gatewayLogDir, STATE_FILE: join(stateDir, 'state.json') },
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
