/**
 * `npm run adopt -- --lolice PATH`: writes the fields changed in the lolice checkout since the last
 * synth (Renovate's image bumps, a hand hotfix) into the config where a config path holds them (image
 * tags, in the images data file), and lists those it cannot place, so the next synth keeps them
 * instead of refusing. Like `pulumi refresh`, but into the source. Exit 0: everything placed (or
 * nothing to adopt); 1: some changes are listed for the person to place; 2: usage or IO error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs, runOrAnswer } from './cli-args';
import { DEFAULT_IMAGES_FILE, loadDefaultApp } from './default-app';

/** Usage text of `npm run adopt`. */
export const ADOPT_USAGE = `usage: npm run adopt -- --lolice PATH
  --lolice PATH  the lolice checkout synth wrote into (its root, holding ${'.openclaw-ops/synth-record.json'})
  -h, --help     print this text
Writes the image tags changed in the checkout since the last synth into ${DEFAULT_IMAGES_FILE} and lists
the changes no config path holds. Exit 0 all placed, 1 some left to place by hand, 2 usage or IO error.
`;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = runOrAnswer(
    'adopt',
    parseCliArgs(argv, { lolice: { type: 'string', valueName: 'PATH' } }),
    ADOPT_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const lolice = parsed.values.lolice as string | undefined;
  if (lolice === undefined) {
    process.stderr.write(`adopt: --lolice PATH is required: the lolice checkout to adopt from\n${ADOPT_USAGE}`);
    return 2;
  }
  try {
    const [{ app, imagesFile }, record, placement, { repoPath }] = await Promise.all([
      loadDefaultApp(),
      import('../checkout/synth-record'),
      import('../checkout/outside-change-placement'),
      import('../core/repo-root'),
    ]);
    const recordFile = path.join(lolice, record.SYNTH_RECORD_PATH);
    if (!fs.existsSync(recordFile)) {
      process.stderr.write(
        `adopt: ${lolice} has no ${record.SYNTH_RECORD_PATH}, expected the record of a synth into it: ` +
          `nothing can be told apart from the config yet; run npm run synth -- --lolice-out ${lolice} first\n`,
      );
      return 2;
    }
    const changes = record.outsideChanges(
      record.parseSynthRecord(fs.readFileSync(recordFile, 'utf8')),
      app.renderLolice(),
      (file) => {
        const target = path.join(lolice, file);
        return fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
      },
    );
    const images = new Map<string, { readonly repository: string; readonly tag: string }>();
    const conflicting = new Set<string>();
    const unplaced: string[] = [];
    for (const change of changes) {
      const where = placement.placeChange(change, imagesFile);
      if (where.kind !== 'image') {
        unplaced.push(placement.formatOutsideChange(change, imagesFile));
        continue;
      }
      const seen = images.get(where.name);
      if (seen !== undefined && (seen.repository !== where.image.repository || seen.tag !== where.image.tag)) {
        conflicting.add(where.name);
      }
      images.set(where.name, where.image);
    }
    for (const name of conflicting) {
      images.delete(name);
      unplaced.push(
        `${imagesFile.path} ${name}: the checkout uses two different values for this one image: make the ` +
          `containers agree in the checkout, or set ${name} by hand`,
      );
    }
    const placed = [...images].map(([name, image]) => ({ kind: 'image' as const, name, image }));
    if (placed.length > 0) {
      const target = repoPath(...imagesFile.path.split('/'));
      const temp = `${target}.adopt-tmp`;
      fs.writeFileSync(temp, placement.writeImagesFile(imagesFile.images, placed));
      fs.renameSync(temp, target);
    }
    for (const { name, image } of placed) {
      process.stdout.write(`adopted: ${imagesFile.path} ${name} = ${image.repository}:${image.tag}\n`);
    }
    for (const line of unplaced) process.stdout.write(`not placed: ${line}\n`);
    if (changes.length === 0)
      process.stdout.write(`nothing to adopt: ${lolice} has no change made since the last synth\n`);
    return unplaced.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`adopt failed: ${(error as Error).message}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
