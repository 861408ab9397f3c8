/**
 * A real Prometheus on loopback, loaded with synthetic OpenClaw series, for tests that must prove
 * a query returns data (not only that it parses).
 *
 * Steps: write OpenMetrics text to a temp dir, `promtool tsdb create-blocks-from openmetrics`, start
 * `prometheus` (Debian 2.42) on 127.0.0.1 with a free port and a minimal config, wait for
 * `/-/ready`. Every wait is bounded; `stop()` always kills the process and removes the temp dir.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricNamer } from '../../lib/telemetry/otlp-prometheus-naming';
import { GrafanaMacroValues, NamedQuery, substituteGrafanaMacros } from '../../lib/query/promql';
import { toolPath } from './provision/tool-path';
import { syntheticOpenMetrics } from './synthetic-series';

/** One series of an instant-query result. */
export interface InstantSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A running test Prometheus. */
export interface PrometheusHarness {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The time (unix seconds) the loaded data ends at: query here. */
  readonly evalTime: number;
  /** Instant query; `time` defaults to {@link evalTime}. Throws on a Prometheus error. */
  query(expr: string, time?: number): Promise<InstantSample[]>;
  /** Kills Prometheus and removes the temp dir (idempotent). */
  stop(): Promise<void>;
}

/** Options for {@link startPrometheusHarness}. */
export interface PrometheusHarnessOptions {
  /** OpenMetrics text to load (from `syntheticOpenMetrics`). */
  readonly openMetrics: string;
  /** Unix seconds the data ends at. */
  readonly evalTime: number;
  /**
   * How long to wait for `/-/ready`.
   * @default 30000
   */
  readonly timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function run(binary: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(binary, [...args], { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`prometheus harness: ${binary} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
    });
  });
}

const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** Starts a Prometheus loaded with `openMetrics`; call `stop()` in `afterAll`. */
export async function startPrometheusHarness(options: PrometheusHarnessOptions): Promise<PrometheusHarness> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-prom-'));
  let child: ChildProcess | undefined;
  let stderr = '';
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running !== undefined && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        running.kill('SIGKILL');
        await Promise.race([exited, sleep(2000)]);
      }
    }
    if (running !== undefined) liveChildren.delete(running);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const promtool = toolPath('promtool');
    const prometheus = toolPath('prometheus');
    const input = join(dir, 'series.om');
    const data = join(dir, 'data');
    const config = join(dir, 'prometheus.yml');
    writeFileSync(input, options.openMetrics);
    writeFileSync(config, 'global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n');
    await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', input, data]);
    rmSync(input);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(
      prometheus,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    liveChildren.add(child);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`prometheus harness: prometheus exited with code ${child.exitCode} before ready:\n${stderr}`);
      }
      try {
        const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`prometheus harness: prometheus not ready at ${url} within ${timeoutMs} ms:\n${stderr}`);
      }
      await sleep(100);
    }
    const query = async (expr: string, time: number = options.evalTime): Promise<InstantSample[]> => {
      const response = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        body: new URLSearchParams({ query: expr, time: String(time) }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data?: { resultType: string; result: unknown };
      };
      if (body.status !== 'success' || body.data === undefined) {
        throw new Error(
          `prometheus harness: query ${JSON.stringify(expr)} failed: ${body.error ?? response.statusText}`,
        );
      }
      const { resultType, result } = body.data;
      if (resultType === 'scalar') {
        const [, value] = result as [number, string];
        return Number.isNaN(Number(value)) ? [] : [{ metric: {}, value: Number(value) }];
      }
      if (resultType !== 'vector') {
        throw new Error(
          `prometheus harness: query ${JSON.stringify(expr)} returned a ${resultType}, expected an instant vector`,
        );
      }
      return (result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((sample) => ({
        metric: sample.metric,
        value: Number(sample.value[1]),
      }));
    };
    return { url, evalTime: options.evalTime, query, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Options for {@link assertQueriesReturnData}. */
export interface ReturnDataOptions {
  /**
   * Values for Grafana macros before the query runs.
   * @default { rateInterval: '5m', interval: '1m', range: '1h' }
   */
  readonly macros?: GrafanaMacroValues;
  /**
   * Evaluation time.
   * @default harness.evalTime
   */
  readonly time?: number;
}

/**
 * Runs every query (Grafana macros substituted) against the harness and throws one error naming
 * every query that returned no data or failed. Dashboard and alert tests feed their queries here.
 */
export async function assertQueriesReturnData(
  harness: PrometheusHarness,
  queries: readonly NamedQuery[],
  options: ReturnDataOptions = {},
): Promise<void> {
  const problems: string[] = [];
  for (const query of queries) {
    const expr = substituteGrafanaMacros(query.expr, options.macros);
    try {
      const samples = await harness.query(expr, options.time);
      const finite = samples.filter((sample) => Number.isFinite(sample.value));
      if (finite.length === 0) {
        problems.push(`query ${JSON.stringify(query.name)} returned no data: ${expr}`);
      }
    } catch (error) {
      problems.push(`query ${JSON.stringify(query.name)} failed: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} of ${queries.length} queries returned no data against synthetic OpenClaw series; check names with checkPromQL and the namer:\n${problems.join('\n')}`,
    );
  }
}

/**
 * A Prometheus holding every recordable OpenClaw series as lolice's Prometheus would store them
 * under `namer`, ending at the current 30 s step (the common case of the live tests).
 */
export function startSyntheticOpenClawPrometheus(namer: MetricNamer): Promise<PrometheusHarness> {
  const evalTime = Math.floor(Date.now() / 1000 / 30) * 30;
  return startPrometheusHarness({ openMetrics: syntheticOpenMetrics([{ namer }], { endSeconds: evalTime }), evalTime });
}
