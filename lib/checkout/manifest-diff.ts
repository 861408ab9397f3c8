/**
 * Semantic diff of Kubernetes manifest files: objects matched by kind, namespace and name; fields
 * compared as parsed YAML (key order, quoting, comments and layout aside); JSON documents inside
 * ConfigMaps (`data` keys ending in `.json`) compared as parsed JSON; list items with a key
 * (`name`, `secretKey`, `id`, `mountPath`) matched by that key.
 */
import { parseAllDocuments } from 'yaml';

/** A value of a parsed manifest. */
export type ManifestValue = null | boolean | number | string | ManifestValue[] | { [key: string]: ManifestValue };

/** One Kubernetes object of a file. */
export interface ManifestObject {
  /** `Kind/name`, `Kind/namespace/name`, or `Kind` alone for an object without a name (a kustomize file). */
  readonly id: string;
  readonly value: { [key: string]: ManifestValue };
}

/** What happened to a field. `reordered`: the same keyed items in another order. */
export type FieldChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

/** One field that differs. */
export interface FieldChange {
  /** e.g. `spec.template.spec.containers[name=openclaw].env[name=GH_TOKEN]`, `data['openclaw.json'].cron`. */
  readonly path: string;
  readonly kind: FieldChangeKind;
  /** The value before (absent when added). */
  readonly old?: ManifestValue;
  /** The value after (absent when removed). */
  readonly new?: ManifestValue;
}

/** How one object differs. */
export interface ObjectDiff {
  /** Repo-relative file. */
  readonly file: string;
  /** `Kind/name` (or `Kind/namespace/name`). */
  readonly object: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** The differing fields (`changed` only). */
  readonly changes: readonly FieldChange[];
}

/** Keys that identify an item of a list of objects, tried in order. */
const LIST_ITEM_KEYS = ['name', 'secretKey', 'id', 'mountPath'] as const;

/**
 * Parses a manifest file into its objects. YAML 1.1 rules, as Kubernetes reads them (`0555` is
 * octal). Throws naming the file on a YAML error or a document that is not an object.
 */
export function parseManifestFile(text: string, file: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const document of parseAllDocuments(text, { version: '1.1' })) {
    const [error] = document.errors;
    if (error !== undefined) {
      throw new Error(`${file} is not valid yaml: ${error.message}`);
    }
    const value: unknown = document.toJS();
    if (value === null) continue; // an empty document (`toJS()` never gives `undefined`)
    if (!isMap(value)) {
      throw new Error(
        `${file}: a yaml document is not an object (received ${typeof value}): expected Kubernetes objects`,
      );
    }
    objects.push({ id: objectId(value), value });
  }
  return objects;
}

function objectId(value: { [key: string]: ManifestValue }): string {
  const kind = typeof value.kind === 'string' ? value.kind : '(document)';
  const metadata = isMap(value.metadata) ? value.metadata : {};
  if (typeof metadata.name !== 'string') return kind;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  return namespace === undefined ? `${kind}/${metadata.name}` : `${kind}/${namespace}/${metadata.name}`;
}

/**
 * Compares two versions of one file (`before` absent: a new file; `after` absent: a removed file).
 * Returns one entry per object that differs, in the order of the files.
 */
export function diffManifestFile(file: string, before: string | undefined, after: string | undefined): ObjectDiff[] {
  // an absent side reads as an empty stream, which has no document
  const old = parseManifestFile(before ?? '', file);
  const next = parseManifestFile(after ?? '', file);
  const oldById = new Map(old.map((o) => [o.id, o]));
  const nextIds = new Set(next.map((o) => o.id));
  const diffs: ObjectDiff[] = [];
  for (const object of next) {
    const previous = oldById.get(object.id);
    if (previous === undefined) {
      diffs.push({ file, object: object.id, status: 'added', changes: [] });
      continue;
    }
    const changes = diffObjects(previous.value, object.value);
    if (changes.length > 0) diffs.push({ file, object: object.id, status: 'changed', changes });
  }
  for (const object of old) {
    if (!nextIds.has(object.id)) diffs.push({ file, object: object.id, status: 'removed', changes: [] });
  }
  return diffs;
}

/** The field changes between two versions of one object. */
export function diffObjects(
  before: { [key: string]: ManifestValue },
  after: { [key: string]: ManifestValue },
): FieldChange[] {
  const changes: FieldChange[] = [];
  const isConfigMap = before.kind === 'ConfigMap' && after.kind === 'ConfigMap';
  diffValue(before, after, '', changes, isConfigMap);
  return changes;
}

function diffValue(
  before: ManifestValue | undefined,
  after: ManifestValue | undefined,
  path: string,
  out: FieldChange[],
  isConfigMap = false,
): void {
  if (before === undefined) {
    if (isMap(after) && Object.keys(after).length > 0) {
      diffMaps({}, after, path, out, false);
    } else {
      out.push({ path, kind: 'added', new: after });
    }
    return;
  }
  if (after === undefined) {
    if (isMap(before) && Object.keys(before).length > 0) {
      diffMaps(before, {}, path, out, false);
    } else {
      out.push({ path, kind: 'removed', old: before });
    }
    return;
  }
  if (isMap(before) && isMap(after)) {
    diffMaps(before, after, path, out, isConfigMap);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffLists(before, after, path, out);
    return;
  }
  if (!deepEqual(before, after)) out.push({ path, kind: 'changed', old: before, new: after });
}

function diffMaps(
  before: { [key: string]: ManifestValue },
  after: { [key: string]: ManifestValue },
  path: string,
  out: FieldChange[],
  isConfigMap: boolean,
): void {
  const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
  for (const key of keys) {
    const childPath = joinKey(path, key);
    if (isConfigMap && path === 'data' && key.endsWith('.json')) {
      const oldJson = parseJson(before[key]);
      const newJson = parseJson(after[key]);
      if (oldJson !== undefined && newJson !== undefined) {
        diffValue(oldJson, newJson, childPath, out);
        continue;
      }
    }
    diffValue(before[key], after[key], childPath, out, isConfigMap && path === '' && key === 'data');
  }
}

function diffLists(before: ManifestValue[], after: ManifestValue[], path: string, out: FieldChange[]): void {
  const key = listItemKey(before, after);
  if (key === undefined) {
    if (before.every(isScalar) && after.every(isScalar)) {
      if (!deepEqual(before, after)) out.push({ path, kind: 'changed', old: before, new: after });
      return;
    }
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) diffValue(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  const itemKey = (item: ManifestValue): string => String((item as { [k: string]: ManifestValue })[key]);
  const oldByKey = new Map(before.map((item) => [itemKey(item), item]));
  const newByKey = new Map(after.map((item) => [itemKey(item), item]));
  const oldOrder = before.map(itemKey).filter((k) => newByKey.has(k));
  const newOrder = after.map(itemKey).filter((k) => oldByKey.has(k));
  if (!deepEqual(oldOrder, newOrder)) {
    out.push({ path, kind: 'reordered', old: oldOrder, new: newOrder });
  }
  for (const item of after) {
    const id = itemKey(item);
    const itemPath = `${path}[${key}=${id}]`;
    const previous = oldByKey.get(id);
    if (previous === undefined) out.push({ path: itemPath, kind: 'added', new: item });
    else diffValue(previous, item, itemPath, out);
  }
  for (const item of before) {
    const id = itemKey(item);
    if (!newByKey.has(id)) out.push({ path: `${path}[${key}=${id}]`, kind: 'removed', old: item });
  }
}

/** The key that identifies every item of both lists uniquely, if any. */
function listItemKey(before: readonly ManifestValue[], after: readonly ManifestValue[]): string | undefined {
  const items = [...before, ...after];
  if (!items.every(isMap)) return undefined;
  return LIST_ITEM_KEYS.find((key) =>
    [before, after].every((list) => {
      const values = list.map((item) => (item as { [k: string]: ManifestValue })[key]);
      return (
        values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === values.length
      );
    }),
  );
}

function joinKey(path: string, key: string): string {
  const segment = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `['${key}']`;
  if (path === '') return segment;
  return segment.startsWith('[') ? `${path}${segment}` : `${path}.${segment}`;
}

function parseJson(value: ManifestValue | undefined): ManifestValue | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as ManifestValue;
  } catch {
    return undefined;
  }
}

function isMap(value: unknown): value is { [key: string]: ManifestValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: ManifestValue): boolean {
  return value === null || typeof value !== 'object';
}

function deepEqual(a: ManifestValue | undefined, b: ManifestValue | undefined): boolean {
  if (a === b) return true;
  // Maps never get here (diffMaps compares them key by key); lists of scalars and key orders do.
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  return false;
}

/** A value for a one-line report: JSON, shortened past `max` characters. */
export function describeManifestValue(value: ManifestValue | undefined, max = 160): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
