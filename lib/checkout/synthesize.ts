import * as fs from 'node:fs';
import * as path from 'node:path';
import { AtomicWriteIo, FileSet, writeFilesAtomically } from './atomic-write';
import { addKustomizationEntries } from './kustomization-entries';
import type { RenderedTree } from '../files/lolice-tree';
import { unlistedFiles } from './tree-diff';
import {
  buildSynthRecord,
  formatSynthRecord,
  type OutsideChange,
  outsideChanges,
  parseSynthRecord,
  SYNTH_RECORD_PATH,
} from './synth-record';
import { compareText } from '../core/compare-text';

/** Renders each side (running its validations) without writing anything. */
export interface SideRenderers {
  renderLolice(): RenderedTree;
  renderArch(): RenderedTree;
}

/** Where `synth` writes. */
export interface SynthesizeOptions {
  /** The lolice tree's root (repo-relative paths below it). */
  readonly loliceOut: string;
  /** The cdktf outdir (`manifest.json`, `stacks/<stack>/cdk.tf.json`). */
  readonly terraformOut: string;
  /**
   * One side only.
   *
   * @default - both
   */
  readonly only?: 'lolice' | 'arch';
  /**
   * Replace fields changed in the checkout since the last synth instead of refusing.
   *
   * @default false
   */
  readonly overwrite?: boolean;
}

/** Synth refused: fields were changed in the checkout since the last synth; nothing was written. */
export class OutsideChangesError extends Error {
  constructor(public readonly changes: readonly OutsideChange[]) {
    super(`${changes.length} field(s) changed in the checkout since the last synth`);
  }
}

/**
 * Whether `dir` is a checkout synth keeps a record in: it is a git work tree (has `.git`) or
 * already holds a record. A plain output folder (`dist/lolice`) gets no record.
 */
export function isRecordedCheckout(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.git')) || fs.existsSync(path.join(dir, SYNTH_RECORD_PATH));
}

function readIfFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined; // the write step reports it

    throw error;
  }
}

/**
 * The checkout's kustomization.yaml files with the generated files they do not list yet added to
 * `resources` (and component folders to `components`), so a synth into a checkout is complete.
 * A plain output folder has no hand-written kustomization, so nothing is added there.
 */
export function completedKustomizations(root: string, lolice: RenderedTree): RenderedTree {
  const read = (file: string) => readIfFile(path.join(root, file));
  const byFile = new Map<string, { resources: string[]; components: string[] }>();
  for (const entry of unlistedFiles(lolice, read)) {
    const lists = byFile.get(entry.kustomization) ?? { resources: [], components: [] };
    lists[entry.field].push(path.posix.relative(path.posix.dirname(entry.kustomization), entry.path));
    byFile.set(entry.kustomization, lists);
  }
  const edited = new Map<string, string>();
  for (const [file, lists] of [...byFile].sort(([a], [b]) => compareText(a, b))) {
    const original = lolice.get(file) ?? read(file) ?? '';
    let text = original;
    text = addKustomizationEntries(text, file, 'resources', lists.resources.sort()) ?? text;
    text = addKustomizationEntries(text, file, 'components', lists.components.sort()) ?? text;
    if (text !== original) edited.set(file, text);
  }
  return edited;
}

/**
 * The lolice files to write into `root` with the record, or an {@link OutsideChangesError} when the
 * checkout changed fields since the last synth (and `overwrite` is off). A checkout without a record
 * is written as it is (the diff is the review) and gets its first record.
 */
export function withSynthRecord(root: string, lolice: RenderedTree, overwrite: boolean): RenderedTree {
  if (!isRecordedCheckout(root)) return lolice;
  const recordText = readIfFile(path.join(root, SYNTH_RECORD_PATH));
  if (recordText !== undefined && !overwrite) {
    const changes = outsideChanges(parseSynthRecord(recordText), lolice, (file) => readIfFile(path.join(root, file)));
    if (changes.length > 0) throw new OutsideChangesError(changes);
  }
  return new Map([...lolice, [SYNTH_RECORD_PATH, formatSynthRecord(buildSynthRecord(lolice))]]);
}

export interface SynthesizeResult {
  readonly loliceFiles?: number;
  readonly archFiles?: number;
}

/**
 * Renders and validates both sides first, then writes every file of both at once
 * ({@link writeFilesAtomically}): a failure anywhere leaves both output folders untouched. Only
 * the generated files (and, in a checkout, the synth record) are written; nothing is deleted.
 * Throws {@link OutsideChangesError} when the checkout changed a field since the last synth.
 */
export function synthesize(app: SideRenderers, options: SynthesizeOptions, io?: AtomicWriteIo): SynthesizeResult {
  const lolice = options.only === 'arch' ? undefined : app.renderLolice();
  const arch = options.only === 'lolice' ? undefined : app.renderArch();
  const sets: FileSet[] = [];
  if (lolice !== undefined) {
    const files = withSynthRecord(options.loliceOut, lolice, options.overwrite ?? false);
    sets.push({
      root: options.loliceOut,
      files: new Map([...files, ...completedKustomizations(options.loliceOut, lolice)]),
    });
  }
  if (arch !== undefined) sets.push({ root: options.terraformOut, files: arch });
  writeFilesAtomically(sets, io);
  return { loliceFiles: lolice?.size, archFiles: arch?.size };
}
