/**
 * The synth record: what synth last wrote into a checkout, kept in the checkout
 * ({@link SYNTH_RECORD_PATH}, committed with the generated files), so the next synth tells a change
 * made in the checkout since then (Renovate, a hand hotfix) from a change in the config, like
 * Terraform's "objects have changed outside of Terraform".
 *
 * It holds a content hash per file and a short hash of every field synth wrote (file, object,
 * field path and value together), never a value: a secret that ever lands in a generated file
 * does not land in the record.
 *
 * A field differs between the checkout and the new synth:
 * - the checkout's value is one synth wrote (its hash is recorded): the config changed, synth may write;
 * - otherwise it was changed in the checkout: an outside change, which synth refuses to overwrite;
 * - the checkout lacks a field synth wrote with the value it would write again: it was removed in
 *   the checkout, an outside change too.
 */
import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { compareText } from '../core/compare-text';

/** Where the record lives, relative to the checkout root. */
export const SYNTH_RECORD_PATH = '.openclaw-ops/synth-record.json';

/** The record file's content. */
export interface SynthRecord {
  readonly version: 1;
  /** Repo-relative path → sha256 of the content synth wrote. */
  readonly files: Readonly<Record<string, string>>;
  /** Sorted short hashes of every field synth wrote. */
  readonly fields: readonly string[];
}

/** A field value: a scalar, or a whole list/object when it is the smallest unit that differs. */
export type FieldValue = null | boolean | number | string | FieldValue[] | { [key: string]: FieldValue };

/** One field of a generated file. */
export interface FileField {
  /** `Kind/namespace/name`, or `(file)` for a file that is not YAML. */
  readonly object: string;
  /** e.g. `spec.template.spec.containers[name=board-server].image`, `data['openclaw.json'].cron.enabled`. */
  readonly path: string;
  readonly value: FieldValue;
}

/** A field that was changed in the checkout since the last synth. */
export interface OutsideChange {
  readonly file: string;
  readonly object: string;
  readonly path: string;
  /** Absent: the checkout removed the field (or the file). */
  readonly checkout?: FieldValue;
  /** Absent: the config does not write the field. */
  readonly config?: FieldValue;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function fieldHash(file: string, field: FileField): string {
  return sha256(`${file}\u0000${field.object}\u0000${field.path}\u0000${JSON.stringify(field.value)}`).slice(0, 16);
}

function isObject(value: unknown): value is { [key: string]: FieldValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyPart(key: string): string {
  // The path syntax of `npm run diff` (manifest-diff.ts), so both name a field the same way.
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `['${key}']`;
}

/** The leaves of `value` under `path`; JSON documents in `*.json` keys are descended into. */
function leaves(value: FieldValue, path: string, out: { path: string; value: FieldValue }[]): void {
  if (typeof value === 'string' && /\.json'\]$/.test(path)) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isObject(parsed)) {
        leaves(parsed, path, out);
        return;
      }
    } catch {
      // not JSON: a plain string leaf
    }
  }
  if (Array.isArray(value)) {
    const keyed = value.length > 0 && value.every((item) => isObject(item) && typeof item.name === 'string');
    if (!keyed) {
      out.push({ path, value });
      return;
    }
    for (const item of value) leaves(item, `${path}[name=${String((item as { name: string }).name)}]`, out);
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out.push({ path, value });
    for (const key of keys) leaves(value[key] as FieldValue, `${path}${keyPart(key)}`.replace(/^\./, ''), out);
    return;
  }
  out.push({ path, value });
}

function objectId(value: { [key: string]: FieldValue }, index: number): string {
  const kind = typeof value.kind === 'string' ? value.kind : `(document ${index})`;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  return [kind, namespace, name].filter((part) => part !== undefined).join('/');
}

/** Every field of a file: per object, per leaf. A file that is not YAML objects is one field. */
export function fileFields(file: string, text: string): FileField[] {
  const whole: FileField[] = [{ object: '(file)', path: '(content)', value: text }];
  if (!/\.ya?ml$/.test(file)) return whole;
  const fields: FileField[] = [];
  const documents = parseAllDocuments(text, { version: '1.1' });
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) return whole;
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (!isObject(value)) return whole;
    const object = objectId(value, index);
    const out: { path: string; value: FieldValue }[] = [];
    leaves(value, '', out);
    for (const leaf of out) fields.push({ object, path: leaf.path, value: leaf.value });
  }
  return fields;
}

/** The record of writing `files` (repo-relative path → content). */
export function buildSynthRecord(files: ReadonlyMap<string, string>): SynthRecord {
  const fileHashes: Record<string, string> = {};
  const fields = new Set<string>();
  for (const [file, text] of [...files.entries()].sort(([a], [b]) => compareText(a, b))) {
    fileHashes[file] = sha256(text);
    for (const field of fileFields(file, text)) fields.add(fieldHash(file, field));
  }
  return { version: 1, files: fileHashes, fields: [...fields].sort() };
}

/** The record as written to disk (stable: sorted, one hash per line). */
export function formatSynthRecord(record: SynthRecord): string {
  return `${JSON.stringify(record, null, 1)}\n`;
}

/** Parses a record file; throws naming the file when it is not one. */
export function parseSynthRecord(text: string): SynthRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${SYNTH_RECORD_PATH} is not valid json (${(error as Error).message}): expected the record synth ` +
        `writes; restore it from git, or delete it to synth as into a fresh checkout`,
    );
  }
  const record = parsed as Partial<SynthRecord>;
  if (record.version !== 1 || !isObject(record.files) || !Array.isArray(record.fields)) {
    throw new Error(
      `${SYNTH_RECORD_PATH} has an unknown format: expected version 1 with files and fields; restore it ` +
        `from git, or delete it to synth as into a fresh checkout`,
    );
  }
  return record as SynthRecord;
}

/**
 * The changes made in the checkout since `record` that synthesizing `generated` would revert.
 * `checkout(file)` reads a checkout file (undefined when absent).
 */
export function outsideChanges(
  record: SynthRecord,
  generated: ReadonlyMap<string, string>,
  checkout: (file: string) => string | undefined,
): OutsideChange[] {
  const recorded = new Set(record.fields);
  const changes: OutsideChange[] = [];
  for (const [file, text] of generated) {
    const current = checkout(file);
    const recordedHash = record.files[file];
    if (recordedHash === undefined) continue; // a file synth never wrote here: the diff is the review
    if (current === undefined) {
      changes.push({ file, object: '(file)', path: '(file deleted in the checkout)' });
      continue;
    }
    if (sha256(current) === recordedHash || current === text) continue;
    const key = (f: FileField) => `${f.object}\u0000${f.path}`;
    const mine = new Map(fileFields(file, text).map((f) => [key(f), f]));
    const theirs = new Map(fileFields(file, current).map((f) => [key(f), f]));
    for (const id of new Set([...theirs.keys(), ...mine.keys()])) {
      const ours = mine.get(id);
      const found = theirs.get(id);
      if (ours !== undefined && found !== undefined && JSON.stringify(ours.value) === JSON.stringify(found.value)) {
        continue;
      }
      const outside =
        found !== undefined ? !recorded.has(fieldHash(file, found)) : recorded.has(fieldHash(file, ours as FileField));
      if (!outside) continue;
      const field = (found ?? ours) as FileField;
      changes.push({ file, object: field.object, path: field.path, checkout: found?.value, config: ours?.value });
    }
  }
  return changes;
}
