import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { repoPath } from '../../core/repo-root';
import { hasReleaseSchema, releaseSchemaPath, type ReleaseConfigSchema } from './release-schema-files';

/** Where `npm run build` writes one compiled validator per committed schema (`<version>.cjs`). */
export const SCHEMA_VALIDATORS_DIR = repoPath('build', 'openclaw-schema');

/**
 * The start of a compiled validator's first line: the sha256 of the schema file it was compiled from.
 * `scripts/build.mjs` adds ` codegen <hash of the code generator>`, so a changed generator recompiles.
 */
export function validatorHeader(schemaText: string): string {
  return `// openclaw-ops schema sha256 ${createHash('sha256').update(schemaText).digest('hex')} `;
}

/** A release's schema with its validator. */
export interface LoadedReleaseSchema {
  readonly schema: ReleaseConfigSchema;
  readonly validate: ValidateFunction;
  /** `build`: the validator compiled at build time; `runtime`: compiled now (no fresh build). */
  readonly compiled: 'build' | 'runtime';
}

const loaded = new Map<string, LoadedReleaseSchema>();

/**
 * The committed schema of `version` with its validator: the one `npm run build` compiled when it
 * matches the committed schema, else compiled now. Undefined when the release has no committed schema.
 */
export function loadReleaseSchemaValidator(version: string): LoadedReleaseSchema | undefined {
  const cached = loaded.get(version);
  if (cached) return cached;
  if (!hasReleaseSchema(version)) return undefined;
  const text = readFileSync(releaseSchemaPath(version), 'utf8');
  const schema = JSON.parse(text) as ReleaseConfigSchema;
  const compiledFile = join(SCHEMA_VALIDATORS_DIR, `${version}.cjs`);
  let result: LoadedReleaseSchema | undefined;
  const head = firstLine(compiledFile);
  if (head?.startsWith(validatorHeader(text))) {
    const key = createHash('sha256').update(head).digest('hex').slice(0, 16);
    result = { schema, validate: loadCompiled(compiledFile, key), compiled: 'build' };
  }
  if (!result) {
    // loaded only here: ajv's compiler is not needed when the build compiled the validator
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (synth speed)
    const { compileReleaseSchema } = require('./compile-release-schema') as typeof import('./compile-release-schema');
    result = { schema, validate: compileReleaseSchema(schema.schema), compiled: 'runtime' };
  }
  loaded.set(version, result);
  return result;
}

/** The first line of a file (at most 512 bytes are read), or undefined when it cannot be read. */
function firstLine(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(512);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8').split('\n')[0];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What a compiled validator may `require`: ajv's standalone code imports its runtime helpers by
 * name; they are bundled here, so loading a validator reads no module from node_modules.
 */
function validatorRequire(id: string): unknown {
  if (id === 'ajv/dist/runtime/ucs2length') return { default: ucs2length };
  throw new Error(
    `compiled schema validator requires ${id}, which the loader does not provide: ` +
      'expected only ajv/dist/runtime/ucs2length; add the module to validatorRequire',
  );
}

/** Code caches to write when the process exits (one exit hook for all of them). */
const cachesToWrite = new Map<string, Script>();

function writeCodeCaches(): void {
  for (const [cacheFile, script] of cachesToWrite) {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      rmSync(temp, { force: true });
    }
  }
  cachesToWrite.clear();
}

/**
 * Loads a compiled validator with a V8 code cache beside it (`<file>.<key>.v8cache`): the validator is one
 * large function, and parsing and compiling it would cost a synth a quarter of a second on every run.
 * The cache is an optimisation only: V8 rejects a stale one (then it is rewritten), and any error
 * reading or writing it is ignored.
 */
function loadCompiled(file: string, key: string): ValidateFunction {
  // keyed by the compiled file's first line (schema and generator hashes): V8 checks only the length
  const cacheFile = `${file}.${key}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = { exports: {} as { default?: ValidateFunction } };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(mod.exports, validatorRequire, mod, file, SCHEMA_VALIDATORS_DIR);
  const validate = (mod.exports.default ?? mod.exports) as ValidateFunction;
  // While synth's startup snapshot is built the validator goes into the snapshot itself, so a run
  // neither reads nor compiles it; no code cache is written then (no exit hook in a snapshot).
  if (startupSnapshot.isBuildingSnapshot()) return validate;
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // at exit, so the cache also holds the functions compiled lazily while the run validated
    if (cachesToWrite.size === 0) process.once('exit', writeCodeCaches);
    cachesToWrite.set(cacheFile, script);
  }
  return validate;
}
