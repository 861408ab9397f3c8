/**
 * writeFilesAtomically on small trees: what it writes (modes, new folders), and each failure path
 * with its message (rename failures, a target twice, the error code in the reason).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NothingWrittenError, writeFilesAtomically, type AtomicWriteIo } from '../../lib/checkout/atomic-write';
import { makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

const NODE_LIKE: AtomicWriteIo = {
  writeFile: (file, content, mode) => fs.writeFileSync(file, content, { flag: 'wx', mode: mode ?? 0o644 }),
  rename: (from, to) => fs.renameSync(from, to),
};

/** Every entry below `root`, relative, folders with a trailing "/". */
function listing(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => `${path.relative(root, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

describe('writeFilesAtomically', () => {
  it('creates missing folders and writes new files with mode 0644, leaving no temp file', () => {
    const root = makeTempDir('aw-new');
    writeFilesAtomically([
      {
        root,
        files: new Map([
          ['a/b/c.yaml', 'c\n'],
          ['d.txt', 'd\n'],
        ]),
      },
    ]);
    expect(listing(root)).toEqual(['a/', 'a/b/', 'a/b/c.yaml', 'd.txt']);
    expect(fs.readFileSync(path.join(root, 'a/b/c.yaml'), 'utf8')).toBe('c\n');
    expect(fs.statSync(path.join(root, 'd.txt')).mode & 0o777).toBe(0o644);
  });

  it('keeps a mode that umask would change (the mode is set after the write)', () => {
    const root = makeTempDir('aw-mode');
    fs.writeFileSync(path.join(root, 'run.sh'), 'old\n');
    fs.chmodSync(path.join(root, 'run.sh'), 0o777);
    writeFilesAtomically([{ root, files: new Map([['run.sh', 'new\n']]) }]);
    expect(fs.statSync(path.join(root, 'run.sh')).mode & 0o777).toBe(0o777);
  });

  it('hands the io the existing mode of a replaced file and nothing for a new one', () => {
    const root = makeTempDir('aw-io-mode');
    fs.writeFileSync(path.join(root, 'old.sh'), 'old\n', { mode: 0o750 });
    fs.chmodSync(path.join(root, 'old.sh'), 0o750);
    const modes: (number | undefined)[] = [];
    writeFilesAtomically(
      [
        {
          root,
          files: new Map([
            ['old.sh', 'x'],
            ['new.txt', 'y'],
          ]),
        },
      ],
      { ...NODE_LIKE, writeFile: (f, c, m) => (modes.push(m), NODE_LIKE.writeFile(f, c, m)) },
    );
    expect(modes).toEqual([0o750, undefined]);
  });

  it('stages every file before renaming any', () => {
    const root = makeTempDir('aw-order');
    const calls: string[] = [];
    writeFilesAtomically(
      [
        {
          root,
          files: new Map([
            ['a', '1'],
            ['b', '2'],
          ]),
        },
      ],
      {
        writeFile: (f, c, m) => (
          calls.push(`write ${path.basename(f).replace(/-\d+-\d+/, '')}`),
          NODE_LIKE.writeFile(f, c, m)
        ),
        rename: (from, to) => (calls.push(`rename ${path.basename(to)}`), NODE_LIKE.rename(from, to)),
      },
    );
    expect(calls).toEqual(['write .a.openclaw-ops.tmp', 'write .b.openclaw-ops.tmp', 'rename a', 'rename b']);
  });

  it('names the files already replaced when a rename fails, and removes the other staged copies', () => {
    const root = makeTempDir('aw-rename');
    let renames = 0;
    const io: AtomicWriteIo = {
      ...NODE_LIKE,
      rename: (from, to) => {
        renames += 1;
        if (renames === 2) throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
        NODE_LIKE.rename(from, to);
      },
    };
    expect(() =>
      writeFilesAtomically(
        [
          {
            root,
            files: new Map([
              ['a', '1'],
              ['b', '2'],
              ['c', '3'],
            ]),
          },
        ],
        io,
      ),
    ).toThrow(
      `cannot rename the staged copy of ${path.join(root, 'b')} into place (EXDEV: cross-device link): 1 of 3 files ` +
        `were already replaced (${path.join(root, 'a')}); run again once fixed`,
    );
    expect(listing(root)).toEqual(['a']);
  });

  it('lists every file already replaced, comma-separated, when a later rename fails', () => {
    const root = makeTempDir('aw-rename-late');
    let renames = 0;
    const io: AtomicWriteIo = {
      ...NODE_LIKE,
      rename: (from, to) => {
        renames += 1;
        if (renames === 3) throw new Error('EIO: i/o error');
        NODE_LIKE.rename(from, to);
      },
    };
    expect(() =>
      writeFilesAtomically(
        [
          {
            root,
            files: new Map([
              ['a', '1'],
              ['b', '2'],
              ['c', '3'],
            ]),
          },
        ],
        io,
      ),
    ).toThrow(`2 of 3 files were already replaced (${path.join(root, 'a')}, ${path.join(root, 'b')})`);
    expect(listing(root)).toEqual(['a', 'b']);
  });

  it('fails rather than write through a file that already sits at its temp name (exclusive create)', () => {
    const root = makeTempDir('aw-exclusive');
    // the temp name carries the pid and a counter: learn the counter from one write
    let seen = '';
    writeFilesAtomically([{ root, files: new Map([['probe', '1']]) }], {
      ...NODE_LIKE,
      writeFile: (f, c, m) => ((seen = f), NODE_LIKE.writeFile(f, c, m)),
    });
    const counter = Number(/-(\d+)\.tmp$/.exec(seen)?.[1]);
    const planted = path.join(root, `.x.openclaw-ops-${process.pid}-${counter + 1}.tmp`);
    fs.writeFileSync(planted, 'not ours\n');
    expect(() => writeFilesAtomically([{ root, files: new Map([['x', 'new\n']]) }])).toThrow(
      /cannot write .*\/x \(EEXIST: .*\): nothing was changed/,
    );
    // the target was not written through the foreign file (the clean-up does remove the file at the
    // temp name, as it would remove a partial write of its own)
    expect(listing(root)).toEqual(['probe']);
  });

  it('says "none" when the first rename fails', () => {
    const root = makeTempDir('aw-rename-first');
    const io: AtomicWriteIo = {
      ...NODE_LIKE,
      rename: () => {
        throw new Error('EBUSY: resource busy');
      },
    };
    expect(() => writeFilesAtomically([{ root, files: new Map([['a', '1']]) }], io)).toThrow(
      /\(EBUSY: resource busy\): 0 of 1 files were already replaced \(none\)/,
    );
    expect(listing(root)).toEqual([]);
  });

  it('gives the reason of a failed write with its code, once, and the path', () => {
    const root = makeTempDir('aw-write');
    const failing = (error: unknown): AtomicWriteIo => ({
      ...NODE_LIKE,
      writeFile: () => {
        throw error;
      },
    });
    const target = path.join(root, 'x/a');
    const write = (error: unknown) => () =>
      writeFilesAtomically([{ root, files: new Map([['x/a', '1']]) }], failing(error));
    expect(write(Object.assign(new Error('i/o error'), { code: 'EIO' }))).toThrow(
      `cannot write ${target} (EIO: i/o error): nothing was changed; fix it and run again`,
    );
    expect(write(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))).toThrow(`(EIO: i/o error)`);
    expect(write(new Error('plain'))).toThrow(`cannot write ${target} (plain)`);
    expect(write('a string')).toThrow(NothingWrittenError);
    expect(write('a string')).toThrow(`(a string)`);
    expect(listing(root)).toEqual([]);
  });

  it('refuses one target reached twice, naming it', () => {
    const root = makeTempDir('aw-twice');
    expect(() =>
      writeFilesAtomically([
        { root, files: new Map([['a/b.yaml', 'x']]) },
        { root: path.join(root, 'a'), files: new Map([['b.yaml', 'y']]) },
      ]),
    ).toThrow(`two generated files go to ${path.join(root, 'a/b.yaml')}: nothing was changed`);
  });

  it('refuses a folder without write bits before writing anything', () => {
    const root = makeTempDir('aw-ro');
    fs.mkdirSync(path.join(root, 'ro'));
    fs.chmodSync(path.join(root, 'ro'), 0o555);
    try {
      expect(() =>
        writeFilesAtomically([
          {
            root,
            files: new Map([
              ['first.txt', '1'],
              ['ro/deep/file', '2'],
            ]),
          },
        ]),
      ).toThrow(
        `${path.join(root, 'ro')} is read-only, so ${path.join(root, 'ro/deep/file')} cannot be written: nothing was changed; make it writable`,
      );
      expect(listing(root)).toEqual(['ro/']);
    } finally {
      fs.chmodSync(path.join(root, 'ro'), 0o755);
    }
  });

  it('refuses a file where a folder is needed, several levels up', () => {
    const root = makeTempDir('aw-file-dir');
    fs.writeFileSync(path.join(root, 'a'), 'file\n');
    expect(() => writeFilesAtomically([{ root, files: new Map([['a/b/c.yaml', 'x']]) }])).toThrow(
      `${path.join(root, 'a')} is a file where a folder is needed for ${path.join(root, 'a/b/c.yaml')}: nothing was changed; move the file away`,
    );
  });
});
