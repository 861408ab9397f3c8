/**
 * Moves the reproduction baseline (test/fixtures/live/lolice-<commit>/) to a newer lolice checkout:
 * copies the folders the fixture holds (argoproj/openclaw, argoproj/prometheus-operator) from the
 * checkout, keeps the fixture's placeholders for the third-party minified files, renames the folder
 * after the new commit and updates the provenance table. The intended-change list
 * (lib/checkout/intended-changes.ts) is kept as it is: afterwards the reproduction test
 * (test/gitops/live-tree-reproduction.test.ts) names every difference that is neither intended nor
 * in the config yet — make those edits in config/, not in the list.
 * Usage: npm run fixture:rebaseline -- --lolice PATH --commit SHA
 * Nothing is changed when a check fails (the new folder is built beside the old one first).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs } from '../lib/cli/cli-args';

const USAGE = `usage: npm run fixture:rebaseline -- --lolice PATH --commit SHA [--fixtures DIR]
  --lolice PATH   the newer lolice checkout (its root, holding argoproj/)
  --commit SHA    its commit (7 to 40 hex digits), which names the fixture folder
  --fixtures DIR  the fixture folder (default: test/fixtures/live)
`;

/** Files the fixture keeps as one-line placeholders instead of the live third-party copies. */
const PLACEHOLDERS = ['argoproj/openclaw/board-server/marked.min.js', 'argoproj/openclaw/board-server/purify.min.js'];

function fail(message: string, code = 1): never {
  process.stderr.write(`fixture:rebaseline: ${message}\n`);
  process.exit(code);
}

const parsed = parseCliArgs(process.argv.slice(2), {
  lolice: { type: 'string', valueName: 'PATH' },
  commit: { type: 'string', valueName: 'SHA' },
  fixtures: { type: 'string', valueName: 'DIR' },
});
if (parsed.kind === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (parsed.kind === 'usage-error') fail(`${parsed.message}\n${USAGE}`, 2);
const lolice = parsed.values.lolice as string | undefined;
const commit = (parsed.values.commit as string | undefined)?.slice(0, 7);
if (lolice === undefined || commit === undefined || !/^[0-9a-f]{7}$/.test(commit)) {
  fail(`--lolice PATH and --commit SHA (7 to 40 lowercase hex digits) are required\n${USAGE}`, 2);
}

const FIXTURES =
  (parsed.values.fixtures as string | undefined) ?? path.resolve(__dirname, '..', 'test', 'fixtures', 'live');
const current = fs.readdirSync(FIXTURES).filter((name) => /^lolice-[0-9a-f]+$/.test(name));
if (current.length !== 1 || current[0] === undefined) {
  fail(`expected exactly one lolice-<commit> folder in ${FIXTURES}, found ${current.length}: restore it from git`);
}
const oldName = current[0];
const oldRoot = path.join(FIXTURES, oldName);
const newName = `lolice-${commit}`;
const folders = ['argoproj/openclaw', 'argoproj/prometheus-operator'];
for (const folder of folders) {
  if (!fs.existsSync(path.join(lolice, folder))) {
    fail(`${path.join(lolice, folder)} does not exist, expected the lolice checkout's ${folder}: check --lolice`);
  }
}

const staging = path.join(FIXTURES, `.${newName}.staging`);
fs.rmSync(staging, { recursive: true, force: true });
try {
  for (const folder of folders) {
    fs.cpSync(path.join(lolice, folder), path.join(staging, folder), {
      recursive: true,
      filter: (source) => path.basename(source) !== '.git',
    });
  }
  for (const file of PLACEHOLDERS) {
    if (fs.existsSync(path.join(staging, file))) {
      fs.copyFileSync(path.join(oldRoot, file), path.join(staging, file));
    }
  }
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true });
  fail(`copying from ${lolice} failed (${(error as Error).message}): nothing was changed`);
}
const readme = path.join(FIXTURES, 'README.md');
const oldCommit = oldName.slice('lolice-'.length);
const table = fs
  .readFileSync(readme, 'utf8')
  .split('\n')
  .map((line) =>
    line.startsWith(`| \`${oldName}/`)
      ? line.replace(`\`${oldName}/`, `\`${newName}/`).replace(`| \`${oldCommit}\` |`, `| \`${commit}\` |`)
      : line,
  )
  .join('\n');
// The old folder moves aside first, so a failed rename leaves it in place.
const aside = path.join(FIXTURES, `.${oldName}.old`);
fs.renameSync(oldRoot, aside);
try {
  fs.renameSync(staging, path.join(FIXTURES, newName));
} catch (error) {
  fs.renameSync(aside, oldRoot);
  fs.rmSync(staging, { recursive: true, force: true });
  fail(`moving the new fixture into place failed (${(error as Error).message}): nothing was changed`);
}
fs.rmSync(aside, { recursive: true });
fs.writeFileSync(readme, table);
process.stdout.write(
  `test/fixtures/live/${oldName} -> test/fixtures/live/${newName} (${folders.join(', ')}); README table updated ` +
    `(set the date by hand). Next: npx vitest run test/gitops/live-tree-reproduction.test.ts; make each ` +
    `difference it names in config/ (the intended-change list stays as it is)\n`,
);
