/**
 * What writing a generated tree into a checkout would change: per file (new, changed, unchanged),
 * per object and per field for YAML files, plus the generated files that the checkout's
 * kustomizations do not pick up.
 */
import { posix } from 'node:path';
import { parseKustomizationText } from './kustomization-text';
import { diffManifestFile, diffObjects, ManifestValue, ObjectDiff, parseManifestFile } from './manifest-diff';

/** How one generated file compares with the checkout. */
export interface FileDiff {
  /** Repo-relative path. */
  readonly file: string;
  readonly status: 'added' | 'changed' | 'removed';
  /** Object diffs of a YAML file (absent for other files, which compare as text). */
  readonly objects?: readonly ObjectDiff[];
}

/** A generated file (or component folder) no kustomization of the checkout lists. */
export interface UnlistedFile {
  /** Repo-relative path of the file or component folder. */
  readonly path: string;
  /** The kustomization that should list it. */
  readonly kustomization: string;
  /** The field to add it to. */
  readonly field: 'resources' | 'components';
}

/** The whole comparison. Files that would not change are left out. */
export interface TreeDiff {
  readonly files: readonly FileDiff[];
  readonly unlisted: readonly UnlistedFile[];
}

/** True when writing the tree would change nothing and every generated file is listed. */
export function isTreeDiffEmpty(diff: TreeDiff): boolean {
  return diff.files.length === 0 && diff.unlisted.length === 0;
}

/**
 * Compares `generated` (repo-relative path → content) with a checkout, read through
 * `readCheckout` (returns undefined for a missing file). Throws when a checkout file cannot be
 * parsed (the message names it).
 */
export function diffTree(
  generated: ReadonlyMap<string, string>,
  readCheckout: (repoPath: string) => string | undefined,
): TreeDiff {
  const files: FileDiff[] = [];
  for (const [file, content] of generated) {
    const current = readCheckout(file);
    if (current === content) continue;
    if (file.endsWith('.json') && current !== undefined) {
      const objects = diffJsonFile(file, current, content);
      if (objects === undefined) files.push({ file, status: 'changed' });
      else if (objects.length > 0) files.push({ file, status: 'changed', objects });
      continue;
    }
    if (!isYaml(file)) {
      files.push({ file, status: current === undefined ? 'added' : 'changed' });
      continue;
    }
    const objects = diffManifestFile(file, current, content);
    if (current === undefined) {
      files.push({ file, status: 'added', objects });
    } else if (objects.length > 0) {
      files.push({ file, status: 'changed', objects });
    }
  }
  return { files, unlisted: unlistedFiles(generated, readCheckout) };
}

/** A JSON document compared as one object (`(document)`); undefined when either side is not a JSON object. */
function diffJsonFile(file: string, before: string, after: string): ObjectDiff[] | undefined {
  const parseObject = (text: string): { [key: string]: ManifestValue } | undefined => {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as { [key: string]: ManifestValue })
        : undefined;
    } catch {
      return undefined;
    }
  };
  const old = parseObject(before);
  const next = parseObject(after);
  if (old === undefined || next === undefined) return undefined;
  const changes = diffObjects(old, next);
  return changes.length === 0 ? [] : [{ file, object: '(document)', status: 'changed', changes }];
}

function isYaml(file: string): boolean {
  return /\.ya?ml$/.test(file);
}

interface KustomizationFile {
  readonly path: string;
  readonly kind: string;
  readonly entries: ReadonlySet<string>;
  readonly components: ReadonlySet<string>;
}

const KUSTOMIZE_KINDS = new Set(['Kustomization', 'Component']);

/** The generated files (and component folders) no kustomization of the checkout lists yet. */
export function unlistedFiles(
  generated: ReadonlyMap<string, string>,
  readCheckout: (repoPath: string) => string | undefined,
): UnlistedFile[] {
  const read = (path: string): string | undefined => generated.get(path) ?? readCheckout(path);
  // Several generated files share a folder: each kustomization is read and parsed once.
  const parsed = new Map<string, KustomizationFile | undefined>();
  const kustomizationAt = (path: string): KustomizationFile | undefined => {
    if (!parsed.has(path)) {
      const text = read(path);
      parsed.set(path, text === undefined ? undefined : parseKustomization(path, text));
    }
    return parsed.get(path);
  };
  const kustomizationOf = (dir: string): KustomizationFile | undefined => {
    for (let current = dir; current !== '.'; current = posix.dirname(current)) {
      const found = kustomizationAt(posix.join(current, 'kustomization.yaml'));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const unlisted = new Map<string, UnlistedFile>();
  for (const [file, content] of generated) {
    if (!isYaml(file) || posix.basename(file) === 'kustomization.yaml') continue;
    const kinds = topLevelKinds(content) ?? parseManifestFile(content, file).map((o) => String(o.value.kind));
    if (kinds.every((kind) => KUSTOMIZE_KINDS.has(kind))) continue;
    const owner = kustomizationOf(posix.dirname(file));
    if (owner === undefined) continue;
    const dir = posix.dirname(owner.path);
    if (!owner.entries.has(posix.relative(dir, file))) {
      unlisted.set(file, { path: file, kustomization: owner.path, field: 'resources' });
      continue;
    }
    if (owner.kind === 'Component') {
      const parent = kustomizationOf(posix.dirname(dir));
      if (parent !== undefined && !parent.components.has(posix.relative(posix.dirname(parent.path), dir))) {
        unlisted.set(dir, { path: dir, kustomization: parent.path, field: 'components' });
      }
    }
  }
  return [...unlisted.values()];
}

/**
 * The `kind` of each document of a block-style YAML file, read from its top-level `kind:` line without
 * parsing the whole file (generated files are block style, keys at column 0). Undefined when a
 * document with content has no such line, or the file uses a form the scan does not follow (flow
 * style, anchors, tags, a directive): the caller then parses the file.
 */
export function topLevelKinds(text: string): string[] | undefined {
  const kinds: string[] = [];
  for (const document of text.split(/^---[ \t]*$/m)) {
    if (!/^[ \t]*[^\s#]/m.test(document)) continue; // blank or comments only
    if (/^(?:[{[&*!%]|\.\.\.)/m.test(document)) return undefined;
    const kindLines = document.match(/^kind:.*$/gm) ?? [];
    const [line] = kindLines;
    const match = kindLines.length === 1 ? /^kind:[ \t]+([A-Za-z][A-Za-z0-9]*)[ \t]*$/.exec(line as string) : null;
    if (match === null) return undefined;
    kinds.push(match[1] as string);
  }
  return kinds;
}

function parseKustomization(path: string, text: string): KustomizationFile {
  const value = parseKustomizationText(text, path);
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const list = (key: string): string[] => {
    const raw = object[key];
    if (!Array.isArray(raw)) return [];
    return raw.map((item: unknown) =>
      typeof item === 'string'
        ? item
        : typeof item === 'object' && item !== null
          ? String((item as { path?: unknown }).path ?? '')
          : '',
    );
  };
  const normalize = (entries: string[]): Set<string> =>
    new Set(entries.filter((e) => e !== '').map((e) => posix.normalize(e)));
  return {
    path,
    kind: typeof object.kind === 'string' ? object.kind : 'Kustomization',
    entries: normalize([...list('resources'), ...list('patchesStrategicMerge'), ...list('patches')]),
    components: normalize(list('components')),
  };
}
