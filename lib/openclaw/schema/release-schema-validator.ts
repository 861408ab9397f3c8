import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { repoPath } from '../../core/repo-root';
import {
  hasReleaseSchema,
  releaseSchemaPath,
  type JsonSchemaNode,
  type ReleaseConfigSchema,
} from './release-schema-files';

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

/** Where a {@link ReleaseSchemaValidators} finds its files; every option defaults to the repository's. */
export interface ReleaseSchemaValidatorsOptions {
  /** The compiled validators, `<version>.cjs` (default {@link SCHEMA_VALIDATORS_DIR}). */
  readonly validatorsDir?: string;
  /** The committed schemas, `<version>/config-schema.json` (default `openclaw-releases/`). */
  readonly specsDir?: string;
  /** Compiles a validator when the build's is missing or stale (default: ajv, loaded on first use). */
  readonly compile?: (schema: JsonSchemaNode) => ValidateFunction;
}

/**
 * The validators of the committed release schemas, loaded once per release: the one `npm run build`
 * compiled when its first line matches the committed schema, else one compiled now. A compiled
 * validator is run with a V8 code cache beside it, written when the process exits.
 */
export class ReleaseSchemaValidators {
  private readonly validatorsDir: string;
  private readonly specsDir: string | undefined;
  private readonly compile: (schema: JsonSchemaNode) => ValidateFunction;
  private readonly loaded = new Map<string, LoadedReleaseSchema>();
  /** Code caches to write when the process exits (one exit hook for all of them). */
  private readonly cachesToWrite = new Map<string, Script>();

  public constructor(options: ReleaseSchemaValidatorsOptions = {}) {
    this.validatorsDir = options.validatorsDir ?? SCHEMA_VALIDATORS_DIR;
    this.specsDir = options.specsDir;
    this.compile = options.compile ?? compileAtRunTime;
  }

  /** The committed schema of `version` with its validator; undefined when the release has no committed schema. */
  public load(version: string): LoadedReleaseSchema | undefined {
    const cached = this.loaded.get(version);
    if (cached) return cached;
    if (!hasReleaseSchema(version, this.specsDir)) return undefined;
    const text = readFileSync(releaseSchemaPath(version, this.specsDir), 'utf8');
    const schema = JSON.parse(text) as ReleaseConfigSchema;
    const compiledFile = join(this.validatorsDir, `${version}.cjs`);
    let head: string | undefined;
    try {
      head = firstLine(compiledFile);
    } catch {
      // missing or unreadable: compiled now
    }
    const result: LoadedReleaseSchema = head?.startsWith(validatorHeader(text))
      ? { schema, validate: this.loadCompiled(compiledFile, head), compiled: 'build' }
      : { schema, validate: this.compile(schema.schema), compiled: 'runtime' };
    this.loaded.set(version, result);
    return result;
  }

  /** Writes the code caches queued since the last call (at process exit; a cache that cannot be written is skipped). */
  public writeCodeCaches(): void {
    for (const [cacheFile, script] of this.cachesToWrite) {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        rmSync(temp, { force: true });
      }
    }
    this.cachesToWrite.clear();
  }

  /**
   * Loads a compiled validator with a V8 code cache beside it (`<file>.<key>.v8cache`): the validator is one
   * large function, and parsing and compiling it would cost a synth a quarter of a second on every run.
   * The cache is an optimisation only: V8 rejects a stale one (then it is rewritten), and any error
   * reading or writing it is ignored.
   */
  private loadCompiled(file: string, head: string): ValidateFunction {
    // keyed by the compiled file's first line (schema and generator hashes): V8 checks only the length
    const key = createHash('sha256').update(head).digest('hex').slice(0, 16);
    const cacheFile = `${file}.${key}.v8cache`;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet, or unreadable: compiled without
    }
    const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    const mod = { exports: {} as { default?: ValidateFunction } };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run(mod.exports, validatorRequire, mod, file, dirname(file));
    const validate = (mod.exports.default ?? mod.exports) as ValidateFunction;
    // While synth's startup snapshot is built the validator goes into the snapshot itself, so a run
    // neither reads nor compiles it; no code cache is written then (no exit hook in a snapshot).
    if (startupSnapshot.isBuildingSnapshot()) return validate;
    if (cachedData === undefined || script.cachedDataRejected === true) {
      // at exit, so the cache also holds the functions compiled lazily while the run validated
      if (this.cachesToWrite.size === 0) process.once('exit', () => this.writeCodeCaches());
      this.cachesToWrite.set(cacheFile, script);
    }
    return validate;
  }
}

/** The loader the project uses: the repository's schemas and the validators the build compiled. */
const releaseSchemaValidators = new ReleaseSchemaValidators();

/**
 * The committed schema of `version` with its validator: the one `npm run build` compiled when it
 * matches the committed schema, else compiled now. Undefined when the release has no committed schema.
 */
export function loadReleaseSchemaValidator(version: string): LoadedReleaseSchema | undefined {
  return releaseSchemaValidators.load(version);
}

/** Compiles a validator with ajv, loaded only here: a synth whose validators the build compiled never loads it. */
function compileAtRunTime(schema: JsonSchemaNode): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (synth speed)
  const { compileReleaseSchema } = require('./compile-release-schema') as typeof import('./compile-release-schema');
  return compileReleaseSchema(schema);
}

/** The first line of a file (at most 512 bytes are read); throws when the file cannot be read. */
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString().split('\n')[0];
  } finally {
    closeSync(fd);
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
