/**
 * Writes a set of files so that a failure leaves every target untouched: a target that already holds
 * its content is left alone, every other target is checked
 * first (a folder where a file goes, a file where a folder goes, a read-only folder), then each
 * file is written to a temp file in its own folder, and only when all of them are written are
 * they renamed over their targets. A failure while staging removes the temp files and the
 * folders staging created.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files to write under one root folder: root-relative path → content. */
export interface FileSet {
  readonly root: string;
  readonly files: ReadonlyMap<string, string>;
}

/** The file operations used, replaceable in tests (e.g. to simulate a full disk). */
export interface AtomicWriteIo {
  writeFile(file: string, content: string, mode: number | undefined): void;
  rename(from: string, to: string): void;
}

const NODE_IO: AtomicWriteIo = {
  writeFile: (file, content, mode) => {
    fs.writeFileSync(file, content, { flag: 'wx', mode: mode ?? 0o644 });
    if (mode !== undefined) fs.chmodSync(file, mode);
  },
  rename: (from, to) => fs.renameSync(from, to),
};

interface PlannedFile {
  readonly target: string;
  readonly content: string;
  readonly mode: number | undefined;
}

/** The error of a write that changed nothing. */
export class NothingWrittenError extends Error {}

/**
 * Writes every file of `sets` or none. Throws {@link NothingWrittenError} (the message names the
 * path and the reason) when a target cannot be written; no target has changed then.
 */
export function writeFilesAtomically(sets: readonly FileSet[], io: AtomicWriteIo = NODE_IO): void {
  const planned = plan(sets);
  for (const file of planned) preflight(file.target);

  const createdDirs: string[] = [];
  const staged: { readonly temp: string; readonly target: string }[] = [];
  let current = '';
  try {
    for (const file of planned) {
      current = file.target;
      createParents(path.dirname(file.target), createdDirs);
      const temp = tempNameFor(file.target);
      staged.push({ temp, target: file.target });
      io.writeFile(temp, file.content, file.mode);
    }
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    for (const dir of createdDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new NothingWrittenError(
      `cannot write ${current} (${reason(error)}): nothing was changed; fix it and run again`,
    );
  }

  const renamed: string[] = [];
  for (const { temp, target } of staged) {
    try {
      io.rename(temp, target);
      renamed.push(target);
    } catch (error) {
      for (const rest of staged.slice(renamed.length)) fs.rmSync(rest.temp, { force: true });
      throw new Error(
        `cannot rename the staged copy of ${target} into place (${reason(error)}): ${renamed.length} of ` +
          `${staged.length} files were already replaced (${renamed.join(', ') || 'none'}); run again once fixed`,
      );
    }
  }
}

function plan(sets: readonly FileSet[]): PlannedFile[] {
  const seen = new Set<string>();
  const planned: PlannedFile[] = [];
  for (const set of sets) {
    for (const [relative, content] of set.files) {
      const target = path.resolve(set.root, relative);
      if (seen.has(target)) throw new NothingWrittenError(`two generated files go to ${target}: nothing was changed`);
      seen.add(target);
      const existing = statOrUndefined(target);
      if (existing?.isFile() && existing.size === Buffer.byteLength(content) && sameContent(target, content)) {
        continue; // already as generated: left alone (its modification time too)
      }
      planned.push({ target, content, mode: existing?.isFile() ? existing.mode & 0o777 : undefined });
    }
  }
  return planned;
}

/** Whether the file at `target` holds exactly `content` (false when it cannot be read). */
function sameContent(target: string, content: string): boolean {
  try {
    return fs.readFileSync(target, 'utf8') === content;
  } catch {
    return false;
  }
}

/**
 * Throws unless `target` can be written: no folder in its place, its parents are folders, and the
 * nearest existing one is writable.
 */
function preflight(target: string): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) {
    throw new NothingWrittenError(
      `${target} is a folder where a generated file goes: nothing was changed; move the folder away`,
    );
  }
  let dir = path.dirname(target);
  for (;;) {
    const stat = statOrUndefined(dir);
    if (stat !== undefined) {
      if (!stat.isDirectory()) {
        throw new NothingWrittenError(
          `${dir} is a file where a folder is needed for ${target}: nothing was changed; move the file away`,
        );
      }
      if (!isWritableDir(dir, stat)) {
        throw new NothingWrittenError(
          `${dir} is read-only, so ${target} cannot be written: nothing was changed; make it writable`,
        );
      }
      return;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/**
 * Writable for this process, and not marked read-only: root ignores permission bits, but a folder
 * without any write bit was made read-only on purpose.
 */
function isWritableDir(dir: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function createParents(dir: string, created: string[]): void {
  if (statOrUndefined(dir) !== undefined) return;
  createParents(path.dirname(dir), created);
  fs.mkdirSync(dir);
  created.push(dir);
}

let counter = 0;
function tempNameFor(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.openclaw-ops-${process.pid}-${counter}.tmp`);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}
