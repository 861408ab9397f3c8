import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RenderedTree } from '../files/lolice-tree';
import { type ArchApp, createArchApp } from './arch-app';
import { compareText } from '../core/compare-text';

/**
 * Synthesizes the arch app into a private temp folder and returns what it wrote (outdir-relative
 * path → content, sorted), so the arch side is rendered and validated before anything is written
 * to the real output folder. The temp folder is always removed.
 */
export function renderArchApp(build: (app: ArchApp) => void): RenderedTree {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-ops-arch-'));
  try {
    const app = createArchApp(outdir);
    build(app);
    app.synth();
    const files = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile())
          files.set(path.relative(outdir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
      }
    };
    walk(outdir);
    return new Map([...files.entries()].sort(([a], [b]) => compareText(a, b)));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
