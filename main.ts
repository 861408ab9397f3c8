/**
 * openclaw-ops: the deployment's config → one construct graph → the files of both repos.
 *
 * `npm run synth`, `cdk8s synth` (cdk8s.yaml) and `cdktf synth|diff|deploy` (cdktf.json) run this file,
 * bundled by scripts/build.mjs and started by build/main (from a V8 startup snapshot, docs/performance.md). The flags are in lib/cli/synth.ts
 * (`npm run synth -- --help`); the other commands (diff, adopt, verify, upgrade-check) live in lib/cli/.
 */
import { DEFAULT_IMAGES_FILE } from './lib/cli/default-app';
import { runOrAnswer } from './lib/cli/cli-args';
import { parseSynthArgs, SYNTH_USAGE, writeSynth } from './lib/cli/synth';

/** The synth command: exit 0 when both sides were written, 1 when the graph refused, 2 for a usage error. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = runOrAnswer('synth', parseSynthArgs(argv), SYNTH_USAGE);
  if (typeof args === 'number') return args;
  try {
    // 1. The config: the deployment's values (lolice's facts live in config/, never in lib/).
    const [{ loliceConfig }, { default: images }] = await Promise.all([
      import('./config/lolice'),
      import('./config/lolice-images.json'),
    ]);
    // 2. The app: one construct graph for lolice (cdk8s) and arch (cdktf); building it checks the config.
    const { OpenClawOpsApp } = await import('./lib/openclaw-ops-app');
    const app = new OpenClawOpsApp({ config: loliceConfig, terraformOutdir: args.options.terraformOut });
    // 3. Synth: render and check both sides, then write them all or nothing.
    const imagesFile = { path: DEFAULT_IMAGES_FILE, images };
    await writeSynth({ app, config: loliceConfig, imagesFile }, args.options);
    return 0;
  } catch (error) {
    process.stderr.write(`synth failed: ${(error as Error).message}\n`);
    return 1;
  }
}

// (`module` is not defined while the startup snapshot is built: lib/cli/synth-snapshot.ts runs main then)
if (typeof module !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
