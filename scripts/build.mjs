// Bundles the CLIs into build/cli/*.js with esbuild (one file each, CommonJS, Node 20), so
// `npm run synth`, cdk8s.yaml, cdktf.json and the tests run compiled JavaScript instead of
// loading hundreds of modules through a TypeScript loader. Deterministic: same sources, same bytes.
// Skipped when no input changed since the last build (build/cli/inputs.json lists them); --force
// rebuilds. The bundles keep lib/cli's depth (build/cli/ ↔ lib/cli/), so the repo-relative paths
// that lib/ builds from __dirname (e.g. ../../sidecar/run-log-shipper.mjs) resolve the same way.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'build', 'cli');
const stamp = join(outdir, 'inputs.json');
const entries = ['synth', 'verify', 'diff'];
/** Inputs esbuild does not see: the build itself and the installed dependency versions. */
const alwaysInputs = ['scripts/build.mjs', 'package-lock.json'];

function upToDate() {
  try {
    const builtAt = statSync(stamp).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(stamp, 'utf8'));
    return (
      entries.every((name) => existsSync(join(outdir, `${name}.js`))) &&
      inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt)
    );
  } catch {
    return false; // no stamp, or an input is gone
  }
}

if (process.argv.includes('--force') || !upToDate()) {
  const { build } = await import('esbuild'); // loaded only when there is something to build
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries.map((name) => `lib/cli/${name}.ts`),
    outdir: 'build/cli',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8',
    metafile: true,
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...alwaysInputs])].sort();
  writeFileSync(stamp, `${JSON.stringify({ inputs }, null, 2)}\n`);
}
