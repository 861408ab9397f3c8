/**
 * Entry of synth's V8 startup snapshot (scripts/build.mjs builds it with `node --build-snapshot`).
 * Evaluating this file evaluates every module a synth needs, so a run started from the snapshot
 * skips loading, compiling and initialising them. Nothing the modules evaluate reads the file system,
 * the arguments or the working directory, which belong to the run, not the build (the warm-up below
 * renders into memory and a temp folder, and keeps nothing).
 *
 * The snapshot is keyed by the hash of this bundle (given by the build), the Node version and
 * NODE_OPTIONS. A run compares that key with the one the last build wrote beside the launcher
 * (`synth.snapshot-key`) and with its own Node and NODE_OPTIONS; on any difference it runs the
 * launcher's bundle instead (with its code cache): a stale snapshot is slow, never wrong.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { loliceConfig } from '../../config/lolice';
import { OpenClawOpsApp } from '../openclaw-ops-app';
import { synthesize } from '../checkout/synthesize';
import '../checkout/outside-change-placement';
import { main } from '../../main';
import { openClawOpsConfigSchema } from '../config/config-schema';
import { dropSchemaBuilders } from '../core/zod-parse-only';

/** Read while the snapshot is built: the build's key (the environment of a run is read in the run). */
const BUILT_KEY = snapshotKey(process.env.OPENCLAW_OPS_SNAPSHOT_BUNDLE ?? '');

/**
 * Three synths of the configured app into a throw-away checkout (a temp folder with `.git` and a
 * kustomization that lists nothing): the first writes every file, the second completes the
 * kustomization and checks the record, the third finds nothing to write. Every function a real
 * run calls is then compiled into the snapshot. The folder is removed; nothing of it is kept.
 */
function warmUpSynth(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-ops-snapshot-'));
  try {
    const options = { loliceOut: path.join(dir, 'lolice'), terraformOut: path.join(dir, 'cdktf.out') };
    fs.mkdirSync(path.join(options.loliceOut, '.git'), { recursive: true });
    fs.writeFileSync(
      path.join(options.loliceOut, 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
    );
    for (let run = 0; run < 3; run += 1) synthesize(new OpenClawOpsApp({ config: loliceConfig }), options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function snapshotKey(bundleHash: string): string {
  return JSON.stringify([bundleHash, process.version, process.env.NODE_OPTIONS ?? '']);
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  // One render of both sides in memory (the arch side in a temp folder it removes), so the functions a
  // synth runs are compiled into the snapshot too, not compiled again by every run. Its output is
  // thrown away: each run builds its own app from its own arguments.
  warmUpSynth();
  // The config schema is finished and a run only parses with it: without its builder methods the
  // snapshot's context part, which every run deserialises, is a sixth smaller (docs/performance.md).
  dropSchemaBuilders(openClawOpsConfigSchema);
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // Started from the snapshot, node leaves the script argument as given (relative or absolute).
    const launcher = path.resolve(process.argv[1] ?? 'synth.js');
    process.argv[1] = launcher;
    const runtimeRequire = createRequire(launcher);
    let current: string | undefined;
    try {
      current = snapshotKey(fs.readFileSync(path.join(path.dirname(launcher), 'synth.snapshot-key'), 'utf8').trim());
    } catch {
      current = undefined;
    }
    if (current !== BUILT_KEY || path.basename(launcher) !== 'synth.js') {
      runtimeRequire(launcher);
      return;
    }
    void main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  });
}
