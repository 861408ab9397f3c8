/**
 * Intended changes: what a config means to change in the GitOps repo as it is (the deployment's
 * list is config data, e.g. `config/lolice-intended-changes.ts`). Everything else a generated file
 * holds must equal the live file: {@link checkIntendedChanges} subtracts the list from a semantic
 * diff of both trees and returns the remainder and the entries nothing matched.
 */
import type { FieldChangeKind } from './manifest-diff';
import type { TreeDiff } from './tree-diff';

/** One intended change. */
export interface IntendedChange {
  /** Repo-relative file. */
  readonly file: string;
  /**
   * The object (`Kind/namespace/name`, or `Kind` for kustomize files).
   *
   * @default - the whole file is new
   */
  readonly object?: string;
  /**
   * A field path; every change at or below it matches.
   *
   * @default - the whole object is new
   */
  readonly path?: string;
  /** @default 'added' */
  readonly kind?: FieldChangeKind;
  /** Why, with the design section. */
  readonly why: string;
}

/** A change the diff found that the list does not explain. */
export interface UnintendedChange {
  readonly file: string;
  readonly object?: string;
  readonly path?: string;
  readonly kind: FieldChangeKind | 'file-added' | 'file-changed' | 'file-removed' | 'object-removed';
  readonly old?: unknown;
  readonly new?: unknown;
}

/** What remains of a tree diff after subtracting the intended changes, and the entries nothing matched. */
export interface IntendedChangeCheck {
  readonly unintended: readonly UnintendedChange[];
  readonly unmatched: readonly IntendedChange[];
}

/** Subtracts `intended` from `diff`. */
export function checkIntendedChanges(diff: TreeDiff, intended: readonly IntendedChange[]): IntendedChangeCheck {
  const used = new Set<IntendedChange>();
  const unintended: UnintendedChange[] = [];
  const claim = (predicate: (entry: IntendedChange) => boolean): boolean => {
    const entry = intended.find(predicate);
    if (entry !== undefined) used.add(entry);
    return entry !== undefined;
  };
  for (const file of diff.files) {
    if (file.status === 'added') {
      if (!claim((e) => e.file === file.file && e.object === undefined))
        unintended.push({ file: file.file, kind: 'file-added' });
      continue;
    }
    if (file.status === 'removed') {
      unintended.push({ file: file.file, kind: 'file-removed' });
      continue;
    }
    if (file.objects === undefined) {
      unintended.push({ file: file.file, kind: 'file-changed' });
      continue;
    }
    for (const object of file.objects) {
      const sameObject = (e: IntendedChange): boolean => e.file === file.file && e.object === object.object;
      if (object.status === 'added') {
        if (!claim((e) => sameObject(e) && e.path === undefined))
          unintended.push({ file: file.file, object: object.object, kind: 'added' });
        continue;
      }
      if (object.status === 'removed') {
        unintended.push({ file: file.file, object: object.object, kind: 'object-removed' });
        continue;
      }
      for (const change of object.changes) {
        const covered = claim(
          (e) =>
            sameObject(e) &&
            e.path !== undefined &&
            (e.kind ?? 'added') === change.kind &&
            (change.path === e.path || change.path.startsWith(`${e.path}.`) || change.path.startsWith(`${e.path}[`)),
        );
        if (!covered) {
          unintended.push({
            file: file.file,
            object: object.object,
            path: change.path,
            kind: change.kind,
            old: change.old,
            new: change.new,
          });
        }
      }
    }
  }
  return { unintended, unmatched: intended.filter((e) => !used.has(e)) };
}
