/**
 * A failed synth leaves the checkout untouched: both sides are rendered and validated before
 * anything is written, every target is checked first, and files are staged in their own folder
 * and renamed only when all are written. Each failure is injected into a copy of the live tree
 * and the tree's digest (every path, mode and content) must not change.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loliceConfig } from '../../config/lolice';
import { NothingWrittenError, writeFilesAtomically, type AtomicWriteIo } from '../../lib/checkout/atomic-write';
import { synthesize } from '../../lib/checkout/synthesize';
import { SecretValueOwner } from '../../lib/secrets/secret-declaration';
import { LIVE_LOLICE } from '../support/live-tree';
import { buildApp, configVariant, makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

/** sha256 over every entry below `root`: relative path, type, mode and content. */
function digest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const stat = fs.statSync(full);
      hash.update(`${path.relative(root, full)}\0${entry.isDirectory() ? 'd' : 'f'}\0${stat.mode}\0`);
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex');
}

interface Checkout {
  readonly lolice: string;
  readonly terraform: string;
  readonly digest: () => string;
}

/** A copy of the live lolice tree and an existing Terraform outdir with a previous stack in it. */
function checkout(): Checkout {
  const root = makeTempDir('atomic');
  const lolice = path.join(root, 'lolice');
  const terraform = path.join(root, 'cdktf.out');
  fs.cpSync(LIVE_LOLICE, lolice, { recursive: true });
  fs.mkdirSync(path.join(terraform, 'stacks', 'openclaw-ops'), { recursive: true });
  fs.writeFileSync(path.join(terraform, 'stacks', 'openclaw-ops', 'cdk.tf.json'), '{"previous": true}\n');
  return { lolice, terraform, digest: () => digest(root) };
}

const run = (target: Checkout, config = loliceConfig, io?: AtomicWriteIo): void => {
  synthesize(buildApp(config), { loliceOut: target.lolice, terraformOut: target.terraform }, io);
};

describe('synth writes all or nothing', () => {
  test('a successful run writes both sides and leaves every other live file as it was', () => {
    const target = checkout();
    const before = fs.readFileSync(path.join(target.lolice, 'argoproj/openclaw/pvc.yaml'), 'utf8');
    run(target);
    expect(fs.readFileSync(path.join(target.lolice, 'argoproj/openclaw/pvc.yaml'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(target.lolice, 'argoproj/openclaw/configmap-cron-run-log-shipper.yaml'))).toBe(true);
    expect(fs.readFileSync(path.join(target.terraform, 'stacks/openclaw-ops/cdk.tf.json'), 'utf8')).toContain(
      'aws_ssm_parameter',
    );
    const leftovers = fs
      .readdirSync(path.join(target.lolice, 'argoproj/openclaw'))
      .filter((f) => f.includes('.openclaw-ops-'));
    expect(leftovers).toEqual([]);
  });

  test('fails on a folder where a generated file goes, changing nothing', () => {
    const target = checkout();
    fs.mkdirSync(path.join(target.lolice, 'argoproj/openclaw/configmap-cron-run-log-shipper.yaml'));
    const before = target.digest();
    expect(() => run(target)).toThrow(
      /configmap-cron-run-log-shipper\.yaml is a folder where a generated file goes: nothing was changed/,
    );
    expect(target.digest()).toBe(before);
  });

  test('fails on a file where a folder is needed, changing nothing', () => {
    const target = checkout();
    fs.writeFileSync(path.join(target.lolice, 'argoproj/prometheus-operator/components'), 'not a folder\n');
    const before = target.digest();
    expect(() => run(target)).toThrow(/prometheus-operator\/components is a file where a folder is needed/);
    expect(target.digest()).toBe(before);
  });

  test('fails on a read-only folder (on the arch side, after lolice would have been fine), changing nothing', () => {
    const target = checkout();
    const stackDir = path.join(target.terraform, 'stacks', 'openclaw-ops');
    fs.chmodSync(stackDir, 0o555);
    try {
      const before = target.digest();
      expect(() => run(target)).toThrow(
        /stacks\/openclaw-ops is read-only, so .*cdk\.tf\.json cannot be written: nothing was changed/,
      );
      expect(target.digest()).toBe(before);
    } finally {
      fs.chmodSync(stackDir, 0o755);
    }
  });

  test('fails on a full disk while staging the last file, removing its temp files and new folders', () => {
    const target = checkout();
    const before = target.digest();
    let writes = 0;
    const fullDisk: AtomicWriteIo = {
      writeFile: (file, content, mode) => {
        writes += 1;
        // as a real full disk does: the temp file is created and part of the content lands in it
        // before the write fails, so the staged file must be known before the write starts
        const fd = fs.openSync(file, 'wx', mode ?? 0o644);
        try {
          if (writes === 19) {
            fs.writeSync(fd, content.slice(0, Math.floor(content.length / 2)));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          fs.writeSync(fd, content);
        } finally {
          fs.closeSync(fd);
        }
      },
      rename: (from, to) => fs.renameSync(from, to),
    };
    expect(() => run(target, loliceConfig, fullDisk)).toThrow(/ENOSPC: no space left on device.*nothing was changed/);
    expect(writes).toBe(19);
    expect(target.digest()).toBe(before);
  });

  test('a config error on the arch side writes no lolice file either', () => {
    const target = checkout();
    const before = target.digest();
    const config = configVariant((draft) => {
      const github = draft.secrets.find((s) => s.key === 'GITHUB_TOKEN');
      if (github) github.owner = SecretValueOwner.GENERATED;
    });
    expect(() => run(target, config)).toThrow(/ssm-parameter-owned-elsewhere/);
    expect(target.digest()).toBe(before);
  });

  test('fails on the same target twice before writing anything', () => {
    const root = makeTempDir('atomic-twice');
    const before = digest(root);
    expect(() =>
      writeFilesAtomically([
        { root, files: new Map([['a/b.yaml', 'x']]) },
        { root: path.join(root, 'a'), files: new Map([['b.yaml', 'y']]) },
      ]),
    ).toThrow(NothingWrittenError);
    expect(digest(root)).toBe(before);
  });

  test('keeps the mode of a file it replaces', () => {
    const root = makeTempDir('atomic-mode');
    fs.writeFileSync(path.join(root, 'run.sh'), 'old\n', { mode: 0o755 });
    writeFilesAtomically([{ root, files: new Map([['run.sh', 'new\n']]) }]);
    expect(fs.statSync(path.join(root, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(path.join(root, 'run.sh'), 'utf8')).toBe('new\n');
  });

  test('leaves a file that already holds its content alone, and replaces one that differs by a byte', () => {
    const root = makeTempDir('atomic-unchanged');
    const same = path.join(root, 'same.yaml');
    const differs = path.join(root, 'differs.yaml');
    fs.writeFileSync(same, 'kind: A\n');
    fs.writeFileSync(differs, 'kind: B\n');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(same, past, past);
    fs.utimesSync(differs, past, past);
    const writes: string[] = [];
    const io: AtomicWriteIo = {
      writeFile: (file, content, mode) => {
        writes.push(path.basename(file).split('.')[1] ?? file);
        fs.writeFileSync(file, content, { flag: 'wx', mode: mode ?? 0o644 });
      },
      rename: (from, to) => fs.renameSync(from, to),
    };
    writeFilesAtomically(
      [
        {
          root,
          files: new Map([
            ['same.yaml', 'kind: A\n'],
            ['differs.yaml', 'kind: C\n'],
          ]),
        },
      ],
      io,
    );
    expect(writes).toEqual(['differs']);
    expect(fs.statSync(same).mtimeMs).toBe(past.getTime());
    expect(fs.readFileSync(differs, 'utf8')).toBe('kind: C\n');
    expect(fs.statSync(differs).mtimeMs).not.toBe(past.getTime());
  });

  test('a second synth with nothing changed writes no file', () => {
    const target = checkout();
    run(target);
    const past = new Date('2020-01-01T00:00:00Z');
    const generated = path.join(target.lolice, 'argoproj/openclaw/configmap-openclaw.yaml');
    fs.utimesSync(generated, past, past);
    const before = target.digest();
    run(target);
    expect(target.digest()).toBe(before);
    expect(fs.statSync(generated).mtimeMs).toBe(past.getTime());
  });
});
