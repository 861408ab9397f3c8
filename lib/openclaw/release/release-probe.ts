import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenClawRelease } from './ensure-release';
import { repoPath } from '../../core/repo-root';

/** The script the release's Node runs (plain JavaScript: it runs outside the project's toolchain). */
export const RELEASE_PROBE_SCRIPT = repoPath('lib', 'openclaw', 'release', 'probe', 'release-probe.mjs');

/** One problem the real config loader reported. */
export interface RealConfigIssue {
  /** Dotted config path, `''` for the whole document. */
  readonly path: string;
  readonly message: string;
}

/** What the real config loader of a release said about one `openclaw.json`. */
export interface RealConfigVerdict {
  readonly valid: boolean;
  readonly issues: readonly RealConfigIssue[];
  readonly warnings: readonly RealConfigIssue[];
  readonly legacyIssues: readonly RealConfigIssue[];
  /** Time the loader took for this file, in ms. */
  readonly ms: number;
}

/** What the release's own SSRF helpers (`openclaw/plugin-sdk`) said about one host. */
export interface RealHostVerdict {
  readonly host: string;
  /** `isBlockedHostnameOrIp(host)`: refused before DNS. */
  readonly blocked: boolean;
  /** `isPrivateIpAddress(host)`: the check applied to every DNS answer as well. */
  readonly privateIp: boolean;
  /** `isBlockedHostname(host)`: refused by name alone. */
  readonly blockedName: boolean;
}

type ProbeOperation =
  | { readonly kind: 'validate-configs'; readonly files: readonly string[] }
  | { readonly kind: 'classify-hosts'; readonly hosts: readonly string[] }
  | { readonly kind: 'config-schema' }
  | { readonly kind: 'cron-timestamps'; readonly cases: readonly CronTimestampCase[] }
  | { readonly kind: 'webhook-posts'; readonly urls: readonly string[] };

/** What the release's cron webhook POST path did with one `delivery.to`. */
export interface WebhookPostVerdict {
  /**
   * `posted`: the (stubbed) fetch was called; `skipped`: the URL normalization refused it;
   * `blocked`: the SSRF guard refused it; `failed`: anything else.
   */
  readonly outcome: 'posted' | 'skipped' | 'blocked' | 'failed';
  readonly reason: string;
}

/** One one-shot instant for cron.add's timestamp limits, with the time of the add. */
export interface CronTimestampCase {
  readonly at: string;
  /** Epoch ms of the cron.add call. */
  readonly now: number;
}

/** What the release's cron.add said about one instant. */
export interface CronTimestampVerdict {
  readonly ok: boolean;
  readonly message: string;
}

/** What the gateway of a release answers `config.schema` with, for one `openclaw.json`. */
export interface RealConfigSchema {
  /** Which function of the release built it (`<chunk>#<function>`). */
  readonly via: string;
  /** The draft-07 JSON Schema of `openclaw.json`, plugin and channel schemas merged in. */
  readonly schema: unknown;
  /** The hints per dotted path (`sensitive: true` marks a secret). */
  readonly uiHints: unknown;
  /** The release version the schema reports. */
  readonly version: string;
}

interface ProbeFileVerdict extends RealConfigVerdict {
  readonly file: string;
}

type ProbeAnswer =
  | { readonly kind: 'validate-configs'; readonly results: readonly ProbeFileVerdict[] }
  | { readonly kind: 'classify-hosts'; readonly results: readonly RealHostVerdict[] }
  | { readonly kind: 'config-schema'; readonly result: RealConfigSchema }
  | { readonly kind: 'cron-timestamps'; readonly results: readonly CronTimestampVerdict[] }
  | { readonly kind: 'webhook-posts'; readonly results: readonly WebhookPostVerdict[] };

export interface ReleaseProbeOptions {
  /**
   * Environment of the child process in addition to a private HOME, TMPDIR and OPENCLAW_STATE_DIR:
   * values for the `${VAR}`s the configs reference. Nothing else of this process's environment is passed.
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Longest run of the child. @default 5 minutes */
  readonly timeoutMs?: number;
  /** A module the child loads first (`node --import`), e.g. the loopback-only preload. @default none */
  readonly preload?: string;
}

/**
 * Runs a batch of operations in ONE child process on the release's Node, with a throwaway HOME and
 * state folder, and returns the answers in order.
 */
async function runReleaseProbe(
  release: OpenClawRelease,
  operations: readonly ProbeOperation[],
  workDir: string,
  options: ReleaseProbeOptions,
): Promise<ProbeAnswer[]> {
  const home = join(workDir, 'home');
  mkdirSync(join(home, 'state'), { recursive: true });
  const requestFile = join(workDir, 'request.json');
  const responseFile = join(workDir, 'response.json');
  writeFileSync(requestFile, JSON.stringify({ packageDir: release.packageDir, operations }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    OPENCLAW_STATE_DIR: join(home, 'state'),
    NO_COLOR: '1',
    ...options.env,
  };
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const preload = options.preload ? ['--import', options.preload] : [];
    const child = spawn(release.nodeBinary, [...preload, RELEASE_PROBE_SCRIPT, requestFile, responseFile], {
      cwd: workDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (exitCode) => resolve({ code: exitCode, output: Buffer.concat(chunks).toString('utf8') }));
  });
  if (code !== 0) {
    const last = output
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-3)
      .join(' | ');
    throw new Error(
      `openclaw ${release.version} probe (${release.nodeBinary} ${RELEASE_PROBE_SCRIPT}) exited ` +
        `${code === null ? `after the ${timeoutMs / 1000} s timeout` : String(code)}: ${last || 'no output'}; ` +
        'if the install is damaged, delete it and run `npm run openclaw:install`',
    );
  }
  const response = JSON.parse(readFileSync(responseFile, 'utf8')) as { answers: ProbeAnswer[] };
  return response.answers;
}

async function withWorkDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-release-probe-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Validates `openclaw.json` documents with the release's REAL config loader (`createConfigIO(...)
 * .readConfigFileSnapshot()`), all in one child process (~0.2 s a document after a ~1 s start).
 * `options.env` must give every `${VAR}` the documents reference (unless testing a missing one).
 */
export async function validateConfigsWithRelease(
  release: OpenClawRelease,
  documents: ReadonlyMap<string, unknown>,
  options: ReleaseProbeOptions = {},
): Promise<Map<string, RealConfigVerdict>> {
  return withWorkDir(async (dir) => {
    const names = [...documents.keys()];
    const files = names.map((_, index) => join(dir, `config-${index}`, 'openclaw.json'));
    names.forEach((name, index) => {
      mkdirSync(join(dir, `config-${index}`));
      writeFileSync(files[index]!, `${JSON.stringify(documents.get(name), null, 2)}\n`);
    });
    const [answer] = await runReleaseProbe(release, [{ kind: 'validate-configs', files }], dir, options);
    if (answer?.kind !== 'validate-configs' || answer.results.length !== names.length) {
      throw new Error(
        `openclaw ${release.version} probe answered ${answer?.kind ?? 'nothing'} for ${names.length} configs`,
      );
    }
    return new Map(
      names.map((name, index) => {
        const { file: _file, ...verdict } = answer.results[index]!;
        return [name, verdict];
      }),
    );
  });
}

/** One document: {@link validateConfigsWithRelease} for a single `openclaw.json`. */
export async function validateConfigWithRelease(
  release: OpenClawRelease,
  document: unknown,
  options: ReleaseProbeOptions = {},
): Promise<RealConfigVerdict> {
  const verdicts = await validateConfigsWithRelease(release, new Map([['openclaw.json', document]]), options);
  return verdicts.get('openclaw.json')!;
}

/**
 * Asks the release's own SSRF helpers (`isBlockedHostnameOrIp`, `isPrivateIpAddress`,
 * `isBlockedHostname` from `openclaw/plugin-sdk`) about every host, in one child process.
 */
export async function classifyHostsWithRelease(
  release: OpenClawRelease,
  hosts: readonly string[],
  options: ReleaseProbeOptions = {},
): Promise<RealHostVerdict[]> {
  return withWorkDir(async (dir) => {
    const [answer] = await runReleaseProbe(release, [{ kind: 'classify-hosts', hosts }], dir, options);
    if (answer?.kind !== 'classify-hosts' || answer.results.length !== hosts.length) {
      throw new Error(
        `openclaw ${release.version} probe answered ${answer?.kind ?? 'nothing'} for ${hosts.length} hosts`,
      );
    }
    return [...answer.results];
  });
}

/**
 * Builds the JSON Schema the release's gateway serves as `config.schema` for `document` (its plugins
 * and channels decide what is merged in), in one child process on the release's Node.
 */
export async function extractConfigSchemaWithRelease(
  release: OpenClawRelease,
  document: unknown,
  options: ReleaseProbeOptions = {},
): Promise<RealConfigSchema> {
  return withWorkDir(async (dir) => {
    const configFile = join(dir, 'openclaw.json');
    writeFileSync(configFile, `${JSON.stringify(document, null, 2)}\n`);
    const [answer] = await runReleaseProbe(release, [{ kind: 'config-schema' }], dir, {
      ...options,
      env: { ...options.env, OPENCLAW_CONFIG_PATH: configFile },
    });
    if (answer?.kind !== 'config-schema') {
      throw new Error(`openclaw ${release.version} probe answered ${answer?.kind ?? 'nothing'} for config-schema`);
    }
    return answer.result;
  });
}

/**
 * Asks the release's cron.add timestamp check (`validateScheduleTimestamp`, 2026.2.x) about every
 * case, in one child process.
 */
export async function checkCronTimestampsWithRelease(
  release: OpenClawRelease,
  cases: readonly CronTimestampCase[],
  options: ReleaseProbeOptions = {},
): Promise<CronTimestampVerdict[]> {
  return withWorkDir(async (dir) => {
    const [answer] = await runReleaseProbe(release, [{ kind: 'cron-timestamps', cases }], dir, options);
    if (answer?.kind !== 'cron-timestamps' || answer.results.length !== cases.length) {
      throw new Error(`openclaw ${release.version} probe answered ${answer?.kind ?? 'nothing'} for cron timestamps`);
    }
    return [...answer.results];
  });
}

/**
 * Runs each URL through the release's cron webhook POST path (the gateway's URL normalization, then
 * `fetchWithSsrFGuard`) with stubbed DNS and fetch, in one child process (2026.2.x).
 */
export async function postWebhooksWithRelease(
  release: OpenClawRelease,
  urls: readonly string[],
  options: ReleaseProbeOptions = {},
): Promise<WebhookPostVerdict[]> {
  return withWorkDir(async (dir) => {
    const [answer] = await runReleaseProbe(release, [{ kind: 'webhook-posts', urls }], dir, options);
    if (answer?.kind !== 'webhook-posts' || answer.results.length !== urls.length) {
      throw new Error(`openclaw ${release.version} probe answered ${answer?.kind ?? 'nothing'} for webhook posts`);
    }
    return [...answer.results];
  });
}
