/**
 * The release validators are compiled without ajv's `verbose` option, and the messages read each
 * error's value and parent schema back (`lib/openclaw/schema/schema-error-details.ts`). Differential
 * against ajv's own verbose details, for committed release schemas, over documents generated from
 * each (`test/support/schema-breaking-documents.ts`: every place the schema describes,
 * through its unions and references, times a palette of bad values): the validator the project
 * loads reports the same errors as a verbose one compiled from the same input view, each error's
 * value and parent schema read back are the very ones ajv gave, and the issues are the same.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readdirSync } from 'node:fs';
import { repoPath } from '../../lib/core/repo-root';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { newReleaseSchemaAjv } from '../../lib/openclaw/schema/compile-release-schema';
import { toInputSchema } from '../../lib/openclaw/schema/input-schema';
import { hasReleaseSchema } from '../../lib/openclaw/schema/release-schema-files';
import { loadReleaseSchemaValidator } from '../../lib/openclaw/schema/release-schema-validator';
import { errorDetailsOf } from '../../lib/openclaw/schema/schema-error-details';
import { schemaIssues } from '../../lib/openclaw/schema/schema-issues';
import { schemaBreakingDocuments } from '../support/schema-breaking-documents';
import { VERBOSE_DETAILS } from '../support/verbose-error-details';

const COMMITTED = readdirSync(repoPath('openclaw-releases'))
  .filter((version) => hasReleaseSchema(version))
  .sort((a, b) => OpenClawVersion.parse(a).compare(OpenClawVersion.parse(b)));
/**
 * Compiling a verbose validator of a later release takes seconds, so not every release is compared:
 * the two of February (no references), 2026.4.29 (the most plugins with references: feishu, qqbot,
 * webhooks; the releases up to 2026.7.35 have the webhooks one of them), 2026.8.1 (imap's, and
 * if/then) and the newest committed one (tuple items), whichever it is.
 */
const COMPARED = [...new Set(['2026.2.17', '2026.2.19', '2026.4.29', '2026.8.1', COMMITTED[COMMITTED.length - 1]!])];
/**
 * The release synth validates against: every generated document. The others (each a few seconds of
 * compiling a verbose validator): the documents at each place reached through a `$ref` and at every
 * STEP-th other place.
 */
const CONFIGURED = '2026.2.19';
const STEP = 97;
const MAX_DEPTH = 12;

/** The object a schema path names from the root, up to its last segment (ajv's `parentSchema` outside references). */
function fromRoot(root: unknown, schemaPath: string): unknown {
  return schemaPath
    .split('/')
    .slice(1, -1)
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

/** An error as a non-verbose validator reports it. */
function plain(error: ErrorObject): ErrorObject {
  const { schema: _schema, parentSchema: _parent, data: _data, ...rest } = error;
  return rest;
}

const SHOW = (path: string): boolean => !path.endsWith('token');

interface Tally {
  documents: number;
  errors: number;
  parents: number;
  keywords: Set<string>;
  /** Errors whose parent is not what their schema path names from the root (inside a `$ref`). */
  restarted: number;
  /** Errors about a key, inside propertyNames. */
  propertyNames: number;
  mismatches: string[];
}

function compare(version: string): Tally {
  const loaded = loadReleaseSchemaValidator(version)!;
  const input = toInputSchema(loaded.schema.schema);
  const verbose: ValidateFunction = newReleaseSchemaAjv(false, true).compile(input);
  const documents = schemaBreakingDocuments(
    input,
    MAX_DEPTH,
    (place, index) => version === CONFIGURED || place.referenced || index % STEP === 0,
  );
  const tally: Tally = {
    documents: documents.length,
    errors: 0,
    parents: 0,
    keywords: new Set(),
    restarted: 0,
    propertyNames: 0,
    mismatches: [],
  };
  const mismatch = (id: string, what: string): void => void tally.mismatches.push(`${version} ${id}: ${what}`);
  for (const { id, document } of documents) {
    const verboseValid = verbose(document);
    const verboseErrors = verbose.errors ?? [];
    const loadedValid = loaded.validate(document);
    const loadedErrors = loaded.validate.errors ?? [];
    if (verboseValid !== loadedValid || JSON.stringify(verboseErrors.map(plain)) !== JSON.stringify(loadedErrors)) {
      mismatch(id, 'the loaded validator reports other errors than the verbose one');
      continue;
    }
    const details = errorDetailsOf(document, () => input);
    for (const error of verboseErrors) {
      tally.errors++;
      tally.keywords.add(error.keyword);
      if (fromRoot(input, error.schemaPath) !== error.parentSchema) tally.restarted++;
      if (error.propertyName !== undefined) tally.propertyNames++;
      const expected = VERBOSE_DETAILS.parentSchema(error);
      if (expected) tally.parents++;
      if (!Object.is(details.value(error), error.data))
        mismatch(id, `value of ${error.schemaPath} at ${error.instancePath}`);
      if (details.parentSchema(error) !== expected)
        mismatch(id, `parent schema of ${error.schemaPath} at ${error.instancePath}`);
    }
    const fromVerbose = schemaIssues(verboseErrors, VERBOSE_DETAILS, version, SHOW);
    const fromLoaded = schemaIssues(
      loadedErrors,
      errorDetailsOf(document, () => toInputSchema(loaded.schema.schema)),
      version,
      SHOW,
    );
    if (JSON.stringify(fromLoaded) !== JSON.stringify(fromVerbose)) mismatch(id, 'other issues');
  }
  return tally;
}

/** The keywords the configured release's generated documents break (messages differ by keyword). */
const KEYWORDS = [
  'additionalProperties',
  'anyOf',
  'const',
  'enum',
  'exclusiveMinimum',
  'format',
  'maximum',
  'minLength',
  'minimum',
  'pattern',
  'required',
  'type',
];

describe.each(COMPARED)('openclaw %s: the details read back are the ones ajv verbose gives', (version) => {
  const every = version === CONFIGURED;
  const which = every ? 'every generated document (at least 25,000)' : 'the documents at sampled places (at least 250)';
  test(`over ${which}`, () => {
    const tally = compare(version);
    expect(tally.mismatches.slice(0, 20)).toEqual([]);
    expect(tally.documents).toBeGreaterThanOrEqual(every ? 25_000 : 250);
    expect(tally.errors).toBeGreaterThan(tally.documents);
    // no error's parent is a boolean schema, so every one is compared as an object
    expect(tally.parents).toBe(tally.errors);
    // errors inside references (a schema path that restarts there) are compared, where there are any
    const references = JSON.stringify(loadReleaseSchemaValidator(version)!.schema.schema).includes('"$ref"');
    expect(tally.restarted > 0).toBe(references);
    if (every) {
      expect([...tally.keywords]).toEqual(expect.arrayContaining(KEYWORDS));
      expect(tally.propertyNames).toBeGreaterThan(0);
    }
  }, 120_000);
});

test('the releases compared are committed, the newest among them', () => {
  expect(COMMITTED).toEqual(expect.arrayContaining(COMPARED));
  expect(COMPARED).toContain(COMMITTED[COMMITTED.length - 1]);
  expect(COMPARED.length).toBeGreaterThanOrEqual(4);
});
