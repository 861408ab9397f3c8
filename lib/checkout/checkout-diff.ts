/**
 * The engine of `npm run diff`: what synth would change in a lolice checkout (and, optionally, what
 * a user adds or changes in an arch checkout), per file, object and field, plus the generated files
 * the checkout's kustomizations do not list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArchConfig } from '../ssm/arch-config';
import { ARCH_COPIED_FILES, ARCH_SIBLING_WORKING_DIR, archRepoFiles, archWorkingDir } from './arch-repo-files';
import { describeManifestValue, type FieldChange } from './manifest-diff';
import { diffTree, isTreeDiffEmpty, type TreeDiff } from './tree-diff';

/** The arch side of a diff. */
export interface ArchCheckoutDiff extends TreeDiff {
  /** The stack's folder in arch. */
  readonly workingDir: string;
  /** Convention files the folder lacks, with where to copy them from. */
  readonly missing: readonly { readonly path: string; readonly copyFrom: string }[];
}

/** A whole diff. */
export interface CheckoutDiff {
  readonly lolice: TreeDiff;
  readonly arch?: ArchCheckoutDiff;
}

/** A checkout that cannot be read (exit 2). */
export class CheckoutReadError extends Error {}

/** What synth generates, rendered (and so validated) on both sides. */
export interface GeneratedSides {
  /** The lolice tree (repo-relative path → content). */
  readonly lolice: ReadonlyMap<string, string>;
  /** The cdktf output (outdir-relative path → content). */
  readonly arch: ReadonlyMap<string, string>;
  /** The arch settings (stack name, backend key). */
  readonly archConfig: ArchConfig;
}

/** The checkout folders to compare with. */
export interface Checkouts {
  readonly lolice: string;
  /** @default - arch is not compared */
  readonly arch?: string;
}

/** Compares what synth generates with the checkouts. */
export function diffCheckouts(generated: GeneratedSides, checkouts: Checkouts): CheckoutDiff {
  assertFolder(checkouts.lolice, '--lolice');
  if (checkouts.arch !== undefined) assertFolder(checkouts.arch, '--arch');
  const lolice = diffTree(generated.lolice, reader(checkouts.lolice));
  if (checkouts.arch === undefined) return { lolice };

  const archFiles = archRepoFiles(generated.arch, generated.archConfig, generated.archConfig.stackName);
  const workingDir = archWorkingDir(generated.archConfig);
  const readArch = reader(checkouts.arch);
  const archTree = diffTree(archFiles, readArch);
  const missing = ARCH_COPIED_FILES.filter((file) => readArch(`${workingDir}/${file}`) === undefined).map((file) => ({
    path: `${workingDir}/${file}`,
    copyFrom: `${ARCH_SIBLING_WORKING_DIR}/${file}`,
  }));
  return { lolice, arch: { ...archTree, workingDir, missing } };
}

/** True when synth would change nothing on either side. */
export function isCheckoutDiffEmpty(diff: CheckoutDiff): boolean {
  const archEmpty = diff.arch === undefined || (isTreeDiffEmpty(diff.arch) && diff.arch.missing.length === 0);
  return isTreeDiffEmpty(diff.lolice) && archEmpty;
}

/** The diff as text, one line per file, object and field. */
export function formatCheckoutDiff(diff: CheckoutDiff): string {
  const lines: string[] = [];
  formatTree('lolice', diff.lolice, lines);
  if (diff.arch !== undefined) {
    formatTree(`arch (${diff.arch.workingDir})`, diff.arch, lines);
    for (const missing of diff.arch.missing) lines.push(`  missing ${missing.path} (copy ${missing.copyFrom})`);
  }
  lines.push(summary(diff));
  return `${lines.join('\n')}\n`;
}

function formatTree(title: string, tree: TreeDiff, lines: string[]): void {
  lines.push(`${title}:`);
  if (isTreeDiffEmpty(tree)) lines.push('  no changes');
  for (const file of tree.files) {
    lines.push(
      `  ${file.status === 'added' ? 'new file' : file.status === 'removed' ? 'removed file' : 'changed'} ${file.file}`,
    );
    for (const object of file.objects ?? []) {
      if (file.status === 'added') {
        lines.push(`    + ${object.object}`);
        continue;
      }
      lines.push(`    ${object.status === 'added' ? '+' : object.status === 'removed' ? '-' : '~'} ${object.object}`);
      for (const change of object.changes) lines.push(`        ${formatChange(change)}`);
    }
  }
  for (const item of tree.unlisted) {
    lines.push(`  not listed: ${item.path} (add it to ${item.field} in ${item.kustomization})`);
  }
}

function formatChange(change: FieldChange): string {
  switch (change.kind) {
    case 'added':
      return `+ ${change.path}: ${describeManifestValue(change.new)}`;
    case 'removed':
      return `- ${change.path}: ${describeManifestValue(change.old)}`;
    case 'reordered':
      return `↕ ${change.path}: order ${describeManifestValue(change.old)} → ${describeManifestValue(change.new)}`;
    default:
      return `~ ${change.path}: ${describeManifestValue(change.old)} → ${describeManifestValue(change.new)}`;
  }
}

function summary(diff: CheckoutDiff): string {
  const trees = [diff.lolice, ...(diff.arch ? [diff.arch] : [])];
  const files = trees.reduce((n, t) => n + t.files.length, 0);
  const fields = trees.reduce(
    (n, t) => n + t.files.reduce((m, f) => m + (f.objects ?? []).reduce((k, o) => k + o.changes.length, 0), 0),
    0,
  );
  const unlisted = trees.reduce((n, t) => n + t.unlisted.length, 0);
  const missing = diff.arch?.missing.length ?? 0;
  if (isCheckoutDiffEmpty(diff)) return 'no changes';
  return (
    `${files} files would change (${fields} field changes), ${unlisted} not listed by a kustomization` +
    (diff.arch ? `, ${missing} arch convention files missing` : '')
  );
}

function assertFolder(dir: string, flag: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    throw new CheckoutReadError(
      `${flag} ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: expected a checkout folder`,
    );
  }
  if (!stat.isDirectory()) throw new CheckoutReadError(`${flag} ${dir} is not a folder: expected a checkout folder`);
}

function reader(root: string): (repoPath: string) => string | undefined {
  return (repoPath) => {
    const file = path.join(root, repoPath);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new CheckoutReadError(
        `cannot read ${file} (${code ?? String(error)}): expected a file or nothing at this path`,
      );
    }
  };
}
