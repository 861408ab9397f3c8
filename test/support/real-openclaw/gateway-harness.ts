/**
 * The real OpenClaw gateway, booted once for a test file on loopback with its loopback fakes.
 *
 * - Config, state, HOME and TMPDIR live in a fresh temp dir; TMPDIR's `jiti/` (the extensions
 *   transpiled at boot: 35–90 s cold) and `node-compile-cache/` point into the cache folder, so
 *   later runs boot warm (5–10 s).
 * - Every process (gateway, CLI, RPC client) runs the release's Node with the loopback-only
 *   preload (`loopback-only-preload.mjs`): the reserved receiver name is redirected to 127.0.0.1,
 *   everything else off loopback is refused.
 * - The gateway is spawned as the leader of its own process group; `stop()` signals that group
 *   (and only it), then removes the temp dir. Every wait is bounded.
 */
import { ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { freePort } from '../free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { shellSingleQuote } from '../../../lib/cron/shell-quote';
import { bootConfig, BootConfig, dummyEnv } from './gateway-config';
import {
  FakeEndpoint,
  FakeModelOptions,
  startFakeModel,
  startOtlpReceiver,
  startWebhookReceiver,
} from './fake-endpoints';
import type { OpenClawRelease } from '../../../lib/openclaw/release/ensure-release';

/** The test-only preload every OpenClaw process of the harness runs with. */
export const LOOPBACK_PRELOAD = join(
  __dirname,
  '..',
  '..',
  '..',
  'lib',
  'openclaw',
  'release',
  'probe',
  'loopback-only-preload.mjs',
);
/** The test-only preload that runs the gateway's clock faster (CLOCK_WARP_FACTOR). */
export const CLOCK_WARP_PRELOAD = join(__dirname, 'clock-warp-preload.mjs');
const RPC_CLIENT = join(__dirname, 'gateway-rpc-client.mjs');
/** Set to 1 to keep the gateway's temp dir (config, state, file log, preload report) after the run. */
export const KEEP_DIR_ENV = 'OPENCLAW_GATEWAY_TEST_KEEP_DIR';

/** One line of the preload's report. */
export interface PreloadEvent {
  readonly event: 'active' | 'redirect' | 'refused';
  readonly pid: number;
  readonly host?: string;
  readonly port?: number;
  readonly kind?: string;
  readonly argv?: readonly string[];
}

/** Result of one CLI run. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link startRealGateway}. */
export interface RealGatewayOptions {
  readonly release: OpenClawRelease;
  /** The synthesized `openclaw.json` (parsed). */
  readonly document: unknown;
  /** The reserved receiver name only the preload resolves (to 127.0.0.1), e.g. `cron-receiver.test`. */
  readonly reservedHost: string;
  /** Persistent folder for the transpile and compile caches. */
  readonly cacheDir: string;
  /** What the fake model answers. */
  readonly model: FakeModelOptions;
  /**
   * Longest wait for the gateway to listen.
   * @default 600000 (a cold boot on a loaded 2-core machine)
   */
  readonly bootTimeoutMs?: number;
  /**
   * Runs the gateway's clock this many times faster than real time (clock-warp-preload.mjs), so
   * schedules such as the stuck-session threshold and the heartbeat pass without waiting for them.
   * The CLI and the RPC client read the same (fast) clock, with real-time timeouts.
   * @default 1 (real time)
   */
  readonly clockWarp?: number;
}

/** A running real gateway and its fakes. */
export interface RealGateway {
  readonly port: number;
  readonly boot: BootConfig;
  /** Dummy values of every `${VAR}` in the config. */
  readonly env: Readonly<Record<string, string>>;
  readonly otlp: FakeEndpoint;
  readonly model: FakeEndpoint;
  readonly webhook: FakeEndpoint;
  /** Folders: `state` (OPENCLAW_STATE_DIR), `logs` (the file log), ... */
  readonly dirs: {
    readonly root: string;
    readonly state: string;
    readonly home: string;
    readonly tmp: string;
    readonly logs: string;
  };
  /** The file log (`logging.file`). */
  readonly logFile: string;
  /** Milliseconds from spawn to listening. */
  readonly bootMs: number;
  /** An executable that runs the real CLI in this environment (for `OPENCLAW_BIN`). */
  readonly openclawBin: string;
  /** The environment CLI processes (and scripts calling the CLI) get. */
  readonly cliEnv: Readonly<Record<string, string>>;
  /** Runs the real CLI. */
  cli(args: readonly string[], timeoutMs?: number): Promise<CliResult>;
  /** Runs a shell script with {@link cliEnv} and `OPENCLAW_BIN` set. */
  shell(scriptPath: string, timeoutMs?: number): Promise<CliResult>;
  /** One gateway RPC through OpenClaw's own client (what `openclaw gateway call` does). */
  rpc(
    method: string,
    params: unknown,
    options?: { readonly timeoutMs?: number; readonly expectFinal?: boolean },
  ): Promise<unknown>;
  /** The preload's report so far. */
  preloadEvents(): PreloadEvent[];
  /** Gateway stdout and stderr so far (tail). */
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function linkCache(tmp: string, cacheDir: string, name: string): void {
  const target = join(cacheDir, name);
  mkdirSync(target, { recursive: true });
  symlinkSync(target, join(tmp, name));
}

function run(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs: number,
  detached = false,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Signals the process group led by `pid` (a group this harness created with `detached`). */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A client process kept open for RPCs. */
class RpcClient {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {}

  static async start(
    nodeBinary: string,
    nodeArgs: readonly string[],
    packageDir: string,
    env: Record<string, string>,
  ): Promise<RpcClient> {
    const child = spawn(nodeBinary, [...nodeArgs, RPC_CLIENT, packageDir], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const client = new RpcClient(child);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      client.stderr = (client.stderr + chunk).slice(-4000);
    });
    const ready = new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.on('line', (line) => {
        let message: { ready?: boolean; error?: string; id?: number; ok?: boolean; result?: unknown };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          return; // the bundle may print; only JSON lines are ours
        }
        if (message.ready !== undefined) {
          if (message.ready) resolve();
          else reject(new Error(`gateway rpc client: ${message.error ?? 'not ready'}`));
          return;
        }
        const waiter = message.id === undefined ? undefined : client.pending.get(message.id);
        if (waiter === undefined || message.id === undefined) return;
        client.pending.delete(message.id);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new Error(message.error ?? 'unknown error'));
      });
      child.once('exit', (code) => {
        reject(new Error(`gateway rpc client exited with ${code}: ${client.stderr}`));
        for (const waiter of client.pending.values())
          waiter.reject(new Error(`gateway rpc client exited with ${code}: ${client.stderr}`));
        client.pending.clear();
      });
    });
    await Promise.race([
      ready,
      sleep(120_000).then(() => {
        throw new Error(`gateway rpc client not ready within 120 s: ${client.stderr}`);
      }),
    ]);
    return client;
  }

  call(method: string, params: unknown, timeoutMs: number, expectFinal: boolean): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin?.write(`${JSON.stringify({ id, method, params, timeoutMs, expectFinal })}\n`);
    });
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    this.child.stdin?.end();
    if (pid === undefined) return;
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
    killGroup(pid, 'SIGKILL');
  }
}

/** Boots the fakes and the real gateway; call `stop()` in `afterAll`. */
export async function startRealGateway(options: RealGatewayOptions): Promise<RealGateway> {
  const { release } = options;
  const root = mkdtempSync(join(tmpdir(), 'openclaw-gateway-'));
  const dirs = {
    root,
    state: join(root, 'state'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    logs: join(root, 'logs'),
  };
  for (const dir of [dirs.state, dirs.home, dirs.tmp, dirs.logs]) mkdirSync(dir, { recursive: true });
  linkCache(dirs.tmp, options.cacheDir, 'jiti');
  linkCache(dirs.tmp, options.cacheDir, 'node-compile-cache');
  const reportFile = join(root, 'preload-report.jsonl');
  writeFileSync(reportFile, '');

  const fakes: FakeEndpoint[] = [];
  let gateway: ChildProcess | undefined;
  let rpcClient: RpcClient | undefined;
  let output = '';
  const stop = async (): Promise<void> => {
    await rpcClient?.stop();
    rpcClient = undefined;
    const pid = gateway?.pid;
    gateway = undefined;
    if (pid !== undefined && groupAlive(pid)) {
      killGroup(pid, 'SIGTERM');
      for (let i = 0; i < 100 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    }
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
    if (process.env[KEEP_DIR_ENV] === '1') process.stderr.write(`real gateway: kept ${root} (${KEEP_DIR_ENV}=1)\n`);
    else rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', () => {
    if (gateway?.pid !== undefined) killGroup(gateway.pid, 'SIGKILL');
  });

  try {
    const [otlp, model, webhook] = await Promise.all([
      startOtlpReceiver(),
      startFakeModel(options.model),
      startWebhookReceiver(),
    ]);
    fakes.push(otlp, model, webhook);
    const port = await freePort();
    const boot = bootConfig(
      options.document,
      { gatewayPort: port, otlpOrigin: otlp.origin, modelOrigin: model.origin },
      dirs.logs,
    );
    const configPath = join(root, 'openclaw.json');
    writeFileSync(configPath, `${JSON.stringify(boot.document, null, 2)}\n`);
    const logFile = String((boot.document.logging as { file: string }).file);
    const env = dummyEnv(options.document);
    const nodeBin = join(release.nodeBinary, '..');
    const cliEnv: Record<string, string> = {
      PATH: `${nodeBin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: dirs.home,
      TMPDIR: dirs.tmp,
      OPENCLAW_CONFIG_PATH: configPath,
      OPENCLAW_STATE_DIR: dirs.state,
      LOOPBACK_PRELOAD_HOST: options.reservedHost,
      LOOPBACK_PRELOAD_REPORT: reportFile,
      NO_COLOR: '1',
      ...env,
    };
    // Every OpenClaw process of the harness shares the gateway's clock (the gateway checks the time
    // its clients sign requests with); only the gateway's timers run faster.
    const warp = options.clockWarp ?? 1;
    if (warp > 1) {
      Object.assign(cliEnv, { CLOCK_WARP_FACTOR: String(warp), CLOCK_WARP_ORIGIN: String(Date.now()) });
      cliEnv.CLOCK_WARP_TIMERS = '0';
    }
    // the flag OpenClaw would otherwise respawn itself to add, the loopback-only preload, the clock
    const nodeArgs = [
      '--disable-warning=ExperimentalWarning',
      '--import',
      LOOPBACK_PRELOAD,
      ...(warp > 1 ? ['--import', CLOCK_WARP_PRELOAD] : []),
    ];
    const openclawBin = join(root, 'openclaw');
    writeFileSync(
      openclawBin,
      `#!/bin/sh\nexec ${[release.nodeBinary, ...nodeArgs, release.openclawEntry].map(shellSingleQuote).join(' ')} "$@"\n`,
    );
    chmodSync(openclawBin, 0o755);

    const started = Date.now();
    const child = spawn(
      release.nodeBinary,
      [...nodeArgs, release.openclawEntry, 'gateway', 'run', '--port', String(port), '--bind', 'loopback'],
      {
        env: warp > 1 ? { ...cliEnv, CLOCK_WARP_TIMERS: '1' } : cliEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    gateway = child;
    const append = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
      if (process.env[KEEP_DIR_ENV] === '1') appendFileSync(join(root, 'gateway-output.log'), chunk);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    const bootTimeoutMs = options.bootTimeoutMs ?? 600_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `real gateway exited (${child.exitCode ?? child.signalCode}) before listening:\n${output.slice(-4000)}`,
        );
      }
      try {
        await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
        break;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > bootTimeoutMs) {
        throw new Error(
          `real gateway not listening on 127.0.0.1:${port} within ${bootTimeoutMs} ms:\n${output.slice(-4000)}`,
        );
      }
      await sleep(250);
    }
    const bootMs = Date.now() - started;
    rpcClient = await RpcClient.start(release.nodeBinary, nodeArgs, release.packageDir, cliEnv);
    const client = rpcClient;

    return {
      port,
      boot,
      env,
      otlp,
      model,
      webhook,
      dirs,
      logFile,
      bootMs,
      openclawBin,
      cliEnv,
      cli: (args, timeoutMs = 90_000) => run(openclawBin, args, cliEnv, timeoutMs, true),
      shell: (scriptPath, timeoutMs = 180_000) =>
        run('/bin/sh', [scriptPath], { ...cliEnv, OPENCLAW_BIN: openclawBin }, timeoutMs, true),
      rpc: (method, params, rpcOptions = {}) =>
        client.call(method, params, rpcOptions.timeoutMs ?? 30_000, rpcOptions.expectFinal ?? false),
      preloadEvents: () =>
        readFileSync(reportFile, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as PreloadEvent),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
