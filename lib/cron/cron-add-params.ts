/**
 * The `cron.add` RPC parameters for a declared job, the `cron-jobs.json` document and the
 * `openclaw gateway call cron.add` command lines.
 *
 * Verified against OpenClaw source (openclaw/openclaw, via the code index):
 * - `CronAddParamsSchema` (`src/gateway/protocol/schema/cron.ts`): `name` (non-empty), optional
 *   `agentId`, `description`, `enabled`, `deleteAfterRun`, then `schedule`, `sessionTarget`,
 *   `wakeMode`, `payload`, optional `delivery`; `additionalProperties: false` at every level, so
 *   our opt-ins (`allowInsecureHttp`, `receiver`) must not be sent and are stripped here.
 * - `openclaw gateway call <method> --params <json>` (`src/cli/gateway-cli/register.ts`) parses
 *   `--params` with `JSON.parse` and, with `--json`, prints only the JSON result.
 * Assumed (read at a later upstream revision than v2026.2.19, not at the release commit): that
 * the v2026.2.17–19 schema has the same top-level members; docs/FACTS.md (OpenClaw) lists the same ones.
 */
import type { CronJobDeclaration } from './cron-job-declaration';
import { shellSingleQuote } from './shell-quote';
import { compareText } from '../core/compare-text';

/** A JSON value as sent to the gateway. */
type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** `cron.add` params: a JSON object with keys sorted recursively. */
export type CronAddParams = { readonly [key: string]: JsonValue };

function sortedJson(value: unknown, path: string): JsonValue | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`cron job field ${path} is ${String(value)}: expected a finite number`);
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => sortedJson(item, `${path}[${i}]`) ?? null);
  }
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) {
      const item = sortedJson((value as Record<string, unknown>)[key], `${path}.${key}`);
      if (item !== undefined) {
        out[key] = item;
      }
    }
    return out;
  }
  throw new Error(`cron job field ${path} has type ${typeof value}: expected JSON data`);
}

/**
 * The exact `cron.add` params for `job`: the declaration without our opt-ins
 * (`allowInsecureHttp`, `allowLongTimeout`, `receiver`), `enabled` made explicit (default `true`, so re-applying
 * re-enables a job disabled by hand), keys sorted. The same object is the `patch` of `cron.update`.
 */
export function toCronAddParams(job: CronJobDeclaration): CronAddParams {
  const { allowInsecureHttp: _insecure, allowLongTimeout: _longTimeout, receiver: _receiver, ...rest } = job;
  const params = sortedJson({ ...rest, enabled: job.enabled ?? true }, 'job');
  return params as CronAddParams;
}

/** Throws when a name is empty or repeated (the outputs are keyed by name). */
export function assertUniqueJobNames(jobs: readonly CronJobDeclaration[]): void {
  const seen = new Set<string>();
  jobs.forEach((job, index) => {
    if (typeof job.name !== 'string' || job.name.trim() === '') {
      throw new Error(`cron job #${index + 1} has an empty name: every job needs a unique non-empty name`);
    }
    if (seen.has(job.name)) {
      throw new Error(
        `cron job name "${job.name}" is declared twice: jobs are upserted by name, give each a unique name`,
      );
    }
    seen.add(job.name);
  });
}

/**
 * Jobs sorted by name (the order of every generated file), names checked.
 * @throws when a job name is empty or repeated
 */
export function sortedJobsForDelivery(jobs: readonly CronJobDeclaration[]): CronJobDeclaration[] {
  assertUniqueJobNames(jobs);
  return [...jobs].sort((a, b) => compareText(a.name, b.name));
}

/**
 * `cron-jobs.json`: `{ "jobs": { "<name>": <cron.add params> } }`, names and keys sorted,
 * 2-space indented, trailing newline. This is our declaration record, not OpenClaw's `jobs.json`
 * store (which holds ids and runtime state and must stay writable by the gateway).
 * @throws when a job name is empty or repeated
 */
export function cronJobsDocument(jobs: readonly CronJobDeclaration[]): string {
  const out: { [name: string]: CronAddParams } = {};
  for (const job of sortedJobsForDelivery(jobs)) {
    out[job.name] = toCronAddParams(job);
  }
  return `${JSON.stringify({ jobs: out }, null, 2)}\n`;
}

/**
 * The `openclaw gateway call cron.add --params '<json>'` line per job (sorted by name), with the
 * JSON single-quoted for a POSIX shell. For documentation; {@link applyCronJobsScript} is the
 * idempotent way to apply them.
 * @throws when a job name is empty or repeated
 */
export function cronAddInvocations(jobs: readonly CronJobDeclaration[]): string[] {
  return sortedJobsForDelivery(jobs).map(
    (job) => `openclaw gateway call cron.add --params ${shellSingleQuote(JSON.stringify(toCronAddParams(job)))}`,
  );
}
