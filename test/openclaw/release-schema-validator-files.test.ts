/**
 * The loader of release validators (`ReleaseSchemaValidators`) against real files in a temp folder:
 * a validator compiled the way `npm run build` compiles one, a stale or missing or unreadable one,
 * and the V8 code cache written beside a compiled validator (missing, accepted, rejected, unwritable).
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { register } from 'tsx/cjs/api';
import type { ValidateFunction } from 'ajv';
import { compileReleaseSchema, releaseSchemaValidatorCode } from '../../lib/openclaw/schema/compile-release-schema';
import type { JsonSchemaNode } from '../../lib/openclaw/schema/release-schema-files';
import { ReleaseSchemaValidators, validatorHeader } from '../../lib/openclaw/schema/release-schema-validator';

const VERSION = '2026.1.2';
const OTHER = '2026.1.3';

let root: string;
let specsDir: string;
let validatorsDir: string;
let compiledNow: JsonSchemaNode[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'release-schema-validator-'));
  specsDir = join(root, 'openclaw-releases');
  validatorsDir = join(root, 'openclaw-schema');
  mkdirSync(validatorsDir);
  compiledNow = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** A small release schema: a name of at least two characters (ajv's ucs2length) and an integer port. */
function schemaText(version: string): string {
  const schema = {
    type: 'object',
    properties: { name: { type: 'string', minLength: 2 }, port: { type: 'integer' } },
    additionalProperties: false,
  };
  return `${JSON.stringify({ version, schema, uiHints: {} }, null, 2)}\n`;
}

/** Commits the schema of `version` and returns its text. */
function commitSchema(version: string): string {
  const text = schemaText(version);
  mkdirSync(join(specsDir, version), { recursive: true });
  writeFileSync(join(specsDir, version, 'config-schema.json'), text);
  return text;
}

/** Compiles the validator of `version` as `lib/cli/openclaw-schema-codegen.ts` does; returns its file. */
function compileAtBuild(version: string, text: string = commitSchema(version)): string {
  const file = join(validatorsDir, `${version}.cjs`);
  const { schema } = JSON.parse(text) as { schema: JsonSchemaNode };
  writeFileSync(file, `${validatorHeader(text)}codegen 0123456789abcdef\n${releaseSchemaValidatorCode(schema)}\n`);
  return file;
}

/** Writes a hand-made compiled validator for the committed schema of `version` (matching header). */
function handMadeValidator(version: string, body: string): string {
  const text = commitSchema(version);
  const file = join(validatorsDir, `${version}.cjs`);
  writeFileSync(file, `${validatorHeader(text)}codegen hand-made\n${body}\n`);
  return file;
}

function loader(): ReleaseSchemaValidators {
  return new ReleaseSchemaValidators({
    validatorsDir,
    specsDir,
    compile: (schema) => {
      compiledNow.push(schema);
      return compileReleaseSchema(schema);
    },
  });
}

/** The code cache file of a compiled validator: keyed by the first 16 hex digits of its first line's sha256. */
function cacheFileOf(file: string): string {
  const head = readFileSync(file, 'utf8').split('\n')[0];
  return `${file}.${createHash('sha256').update(head).digest('hex').slice(0, 16)}.v8cache`;
}

/** The exit listeners `action` adds (removed again, so the worker's exit does not run them). */
function exitHooksAddedBy(action: () => void): (() => void)[] {
  const before = process.listeners('exit');
  action();
  const added = process.listeners('exit').filter((listener) => !before.includes(listener));
  for (const listener of added) process.removeListener('exit', listener);
  return added as (() => void)[];
}

function expectValidates(validate: ValidateFunction): void {
  expect(validate({ name: 'ab', port: 1 })).toBe(true);
  expect(validate({ name: 'a', port: 1.5 })).toBe(false);
  expect(validate.errors?.map((e) => [e.keyword, e.instancePath])).toEqual([
    ['minLength', '/name'],
    ['type', '/port'],
  ]);
}

describe('which validator', () => {
  test("the build's validator when its first line carries the committed schema's hash, once per release", () => {
    const text = commitSchema(VERSION);
    compileAtBuild(VERSION, text);
    const validators = loader();
    const loaded = validators.load(VERSION);
    expect(loaded?.compiled).toBe('build');
    expect(loaded?.schema).toEqual(JSON.parse(text));
    expectValidates(loaded!.validate);
    expect(compiledNow).toEqual([]);
    expect(validators.load(VERSION)).toBe(loaded);
    // another loader reads the files again
    const again = loader().load(VERSION);
    expect(again).not.toBe(loaded);
    expect(again?.compiled).toBe('build');
  });

  test('the schema is hashed as the text the code generator reads: a byte that is not UTF-8 as U+FFFD', () => {
    mkdirSync(join(specsDir, VERSION), { recursive: true });
    const file = join(specsDir, VERSION, 'config-schema.json');
    const bytes = Buffer.from(schemaText(VERSION).replace('"object"', '"object", "description": "\u00e9?"'));
    bytes[bytes.indexOf('?')] = 0xff;
    writeFileSync(file, bytes);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"description": "\u00e9\ufffd"');
    compileAtBuild(VERSION, text);
    const loaded = loader().load(VERSION);
    expect(loaded?.compiled).toBe('build');
    expect(loaded?.schema.schema.description).toBe('\u00e9\ufffd');
  });

  test('compiled now when the build has not compiled the release', () => {
    const text = commitSchema(VERSION);
    const validators = loader();
    const hooks = exitHooksAddedBy(() => {
      const loaded = validators.load(VERSION);
      expect(loaded?.compiled).toBe('runtime');
      expect(loaded?.schema).toEqual(JSON.parse(text));
      expectValidates(loaded!.validate);
      expect(validators.load(VERSION)).toBe(loaded);
    });
    expect(compiledNow).toEqual([(JSON.parse(text) as { schema: JsonSchemaNode }).schema]);
    expect(hooks).toEqual([]);
    expect(readdirSync(validatorsDir)).toEqual([]);
  });

  test('compiled now when the compiled file is of another schema, and that file is not run', () => {
    commitSchema(VERSION);
    const file = join(validatorsDir, `${VERSION}.cjs`);
    writeFileSync(
      file,
      `${validatorHeader(schemaText(OTHER))}codegen 0123456789abcdef\nthrow new Error('stale validator run');\n`,
    );
    const loaded = loader().load(VERSION);
    expect(loaded?.compiled).toBe('runtime');
    expectValidates(loaded!.validate);
    expect(compiledNow).toHaveLength(1);
  });

  test('compiled now when the hash is not on the first line', () => {
    const text = commitSchema(VERSION);
    const { schema } = JSON.parse(text) as { schema: JsonSchemaNode };
    writeFileSync(
      join(validatorsDir, `${VERSION}.cjs`),
      `'use strict';\n${validatorHeader(text)}codegen 0123456789abcdef\n${releaseSchemaValidatorCode(schema)}\n`,
    );
    expect(loader().load(VERSION)?.compiled).toBe('runtime');
  });

  test('compiled now when the compiled file cannot be read (a folder in its place)', () => {
    commitSchema(VERSION);
    mkdirSync(join(validatorsDir, `${VERSION}.cjs`));
    const loaded = loader().load(VERSION);
    expect(loaded?.compiled).toBe('runtime');
    expectValidates(loaded!.validate);
  });

  test('no validator, and nothing compiled, for a release without a committed schema', () => {
    compileAtBuild(VERSION);
    expect(loader().load(OTHER)).toBeUndefined();
    expect(compiledNow).toEqual([]);
  });

  test("the default compiler is ajv's, loaded on first use", () => {
    commitSchema(VERSION);
    // vitest's require() cannot load TypeScript; the bundled CLIs load the compiler from their bundle
    const unregister = register();
    try {
      const loaded = new ReleaseSchemaValidators({ validatorsDir, specsDir }).load(VERSION);
      expect(loaded?.compiled).toBe('runtime');
      expectValidates(loaded!.validate);
    } finally {
      unregister();
    }
  });

  test('reading a compiled first line leaves no file open', () => {
    compileAtBuild(VERSION);
    mkdirSync(join(specsDir, OTHER), { recursive: true });
    writeFileSync(join(specsDir, OTHER, 'config-schema.json'), schemaText(OTHER));
    mkdirSync(join(validatorsDir, `${OTHER}.cjs`));
    const probe = (): number => {
      const fd = openSync(__filename, 'r');
      closeSync(fd);
      return fd;
    };
    const compile = (): ValidateFunction => compileReleaseSchema({});
    const first = probe();
    for (let run = 0; run < 50; run += 1) {
      const validators = new ReleaseSchemaValidators({ validatorsDir, specsDir, compile });
      exitHooksAddedBy(() => expect(validators.load(VERSION)?.compiled).toBe('build'));
      expect(validators.load(OTHER)?.compiled).toBe('runtime');
    }
    // a descriptor leaked per read would take the lowest free numbers: 100 of them
    expect(probe()).toBeLessThan(first + 50);
  });
});

describe('what a compiled validator may run', () => {
  test('ajv runtime helpers only: any other module is refused with the one it asked for', () => {
    handMadeValidator(
      VERSION,
      "'use strict';\nconst fs = require('node:fs');\nmodule.exports = () => fs !== undefined;",
    );
    expect(() => loader().load(VERSION)).toThrow(
      new Error(
        'compiled schema validator requires node:fs, which the loader does not provide: ' +
          'expected only ajv/dist/runtime/ucs2length; add the module to validatorRequire',
      ),
    );
  });

  test('a validator exported as module.exports, or as exports.default, with its file and folder', () => {
    const file = handMadeValidator(
      VERSION,
      'module.exports = (data) => data === 1;\nmodule.exports.where = [__filename, __dirname];',
    );
    const loaded = loader().load(VERSION);
    expect(loaded?.compiled).toBe('build');
    expect(loaded?.validate(1)).toBe(true);
    expect(loaded?.validate(2)).toBe(false);
    expect((loaded?.validate as unknown as { where: string[] }).where).toEqual([file, validatorsDir]);

    handMadeValidator(OTHER, 'exports.default = (data) => data === 2;');
    const other = loader().load(OTHER);
    expect(other?.validate(2)).toBe(true);
    expect(other?.validate(1)).toBe(false);
  });

  test("an error thrown by a compiled validator names the validator's file", () => {
    const file = handMadeValidator(VERSION, "'use strict';\nthrow new Error('broken validator');");
    let thrown: unknown;
    try {
      loader().load(VERSION);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('broken validator');
    expect((thrown as Error).stack).toContain(`${file}:3:`);
  });
});

describe('the code cache of a compiled validator', () => {
  test('written beside it at exit, one exit hook for all the validators of a loader', () => {
    const file = compileAtBuild(VERSION);
    const other = compileAtBuild(OTHER);
    const validators = loader();
    const hooks = exitHooksAddedBy(() => {
      validators.load(VERSION);
      validators.load(OTHER);
    });
    expect(hooks).toHaveLength(1);
    expect(readdirSync(validatorsDir).sort()).toEqual([`${VERSION}.cjs`, `${OTHER}.cjs`].sort());
    hooks[0]();
    const caches = [cacheFileOf(file), cacheFileOf(other)];
    expect(readdirSync(validatorsDir).sort()).toEqual(
      [`${VERSION}.cjs`, `${OTHER}.cjs`, ...caches.map((cache) => cache.slice(validatorsDir.length + 1))].sort(),
    );
    expect(readFileSync(caches[0]).length).toBeGreaterThan(0);
    // written once: the caches are no longer queued
    rmSync(caches[0]);
    validators.writeCodeCaches();
    expect(readdirSync(validatorsDir)).not.toContain(caches[0].slice(validatorsDir.length + 1));
  });

  test('an accepted cache is not written again, and needs no exit hook', () => {
    const file = compileAtBuild(VERSION);
    const first = loader();
    exitHooksAddedBy(() => first.load(VERSION));
    first.writeCodeCaches();
    const cache = cacheFileOf(file);
    const written = readFileSync(cache);

    const second = loader();
    const hooks = exitHooksAddedBy(() => {
      expect(second.load(VERSION)?.compiled).toBe('build');
      expectValidates(second.load(VERSION)!.validate);
    });
    expect(hooks).toEqual([]);
    rmSync(cache);
    second.writeCodeCaches();
    expect(() => readFileSync(cache)).toThrow(/ENOENT/);
    expect(written.length).toBeGreaterThan(0);
  });

  test('a cache V8 rejects is written again', () => {
    const file = compileAtBuild(VERSION);
    const cache = cacheFileOf(file);
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const validators = loader();
    const hooks = exitHooksAddedBy(() => expectValidates(validators.load(VERSION)!.validate));
    expect(hooks).toHaveLength(1);
    validators.writeCodeCaches();
    const rewritten = readFileSync(cache);
    expect(rewritten.equals(Buffer.alloc(4096, 7))).toBe(false);
    // the rewritten cache is accepted
    expect(exitHooksAddedBy(() => loader().load(VERSION))).toEqual([]);
  });

  test('none is written while the startup snapshot is built', () => {
    vi.spyOn(startupSnapshot, 'isBuildingSnapshot').mockReturnValue(true);
    compileAtBuild(VERSION);
    const validators = loader();
    const hooks = exitHooksAddedBy(() => expectValidates(validators.load(VERSION)!.validate));
    expect(hooks).toEqual([]);
    validators.writeCodeCaches();
    expect(readdirSync(validatorsDir)).toEqual([`${VERSION}.cjs`]);
  });

  test('a cache that cannot be renamed into place leaves no temp file and throws nothing', () => {
    const file = compileAtBuild(VERSION);
    const cache = cacheFileOf(file);
    mkdirSync(join(cache, 'in-the-way'), { recursive: true });
    const validators = loader();
    exitHooksAddedBy(() => validators.load(VERSION));
    expect(() => validators.writeCodeCaches()).not.toThrow();
    expect(readdirSync(validatorsDir).sort()).toEqual([`${VERSION}.cjs`, cache.slice(validatorsDir.length + 1)].sort());
    expect(readdirSync(cache)).toEqual(['in-the-way']);
  });

  test('a cache that cannot be written (its folder gone) throws nothing', () => {
    compileAtBuild(VERSION);
    const validators = loader();
    exitHooksAddedBy(() => validators.load(VERSION));
    rmSync(validatorsDir, { recursive: true });
    expect(() => validators.writeCodeCaches()).not.toThrow();
    expect(() => readdirSync(validatorsDir)).toThrow(/ENOENT/);
  });
});
