/**
 * `npm run diff -- --lolice PATH [--arch PATH] [--json]`: what synth would change in the checkouts
 * (engine: lib/checkout/checkout-diff.ts). Exit 0: no change; 1: changes; 2: usage or IO error, like
 * `kubectl diff`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs, runOrAnswer } from './cli-args';
import { loadDefaultApp } from './default-app';

/** Usage text of `npm run diff`. */
export const DIFF_USAGE = `usage: npm run diff -- --lolice PATH [--arch PATH] [--json]
  --lolice PATH  the lolice checkout (its root, holding argoproj/)
  --arch PATH    the arch checkout (its root, holding terraform/)
  --json         print the diff as JSON
  -h, --help     print this text
Shows what synth would change: per file, object and field, the generated files no kustomization
lists, and with --arch the files to add to arch; notes the images an Argo CD Image Updater override
(.argocd-source-*.yaml) runs instead. Exit 0 no change, 1 changes, 2 usage or IO error.
`;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = runOrAnswer(
    'diff',
    parseCliArgs(argv, {
      lolice: { type: 'string', valueName: 'PATH' },
      arch: { type: 'string', valueName: 'PATH' },
      json: { type: 'boolean' },
    }),
    DIFF_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const lolice = parsed.values.lolice as string | undefined;
  const arch = parsed.values.arch as string | undefined;
  if (lolice === undefined) {
    process.stderr.write(`diff: --lolice PATH is required: the lolice checkout to compare with\n${DIFF_USAGE}`);
    return 2;
  }
  try {
    const [{ config, app }, { diffCheckouts, formatCheckoutDiff, isCheckoutDiffEmpty }, overrides] = await Promise.all([
      loadDefaultApp(),
      import('../checkout/checkout-diff'),
      import('../checkout/argocd-image-override'),
    ]);
    const generated = { lolice: app.renderLolice(), arch: app.renderArch(), archConfig: config.arch };
    const diff = diffCheckouts(generated, { lolice, arch });
    const changed = !isCheckoutDiffEmpty(diff);
    const json = parsed.values.json === true;
    // The image that really runs: Argo CD Image Updater's override, where the checkout has one.
    const imageOverrides = overrides.imageOverrides(
      generated.lolice,
      (dir) => (fs.existsSync(path.join(lolice, dir)) ? fs.readdirSync(path.join(lolice, dir)) : []),
      (file) => fs.readFileSync(path.join(lolice, file), 'utf8'),
    );
    process.stdout.write(
      json
        ? `${JSON.stringify({ changed, ...diff, imageOverrides }, null, 2)}\n`
        : formatCheckoutDiff(diff) + imageOverrides.map((o) => `note: ${overrides.formatImageOverride(o)}\n`).join(''),
    );
    return changed ? 1 : 0;
  } catch (error) {
    process.stderr.write(`diff failed: ${(error as Error).message}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
