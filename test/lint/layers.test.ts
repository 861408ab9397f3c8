/**
 * The folders of lib/ depend one way (ARCHITECTURE.md, "Layers"): every folder has a rung in
 * `LIB_LAYERS`, no two folders import each other, and lint refuses an import that runs back up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { LIB_LAYERS } from '../../eslint.config.mjs';

const root = path.resolve(__dirname, '../..');
const lib = path.join(root, 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The layer of a file under lib/: its first folder, or '.' for the files at lib/'s root. */
function layerOf(file: string): string {
  const parts = path.relative(lib, file).split(path.sep);
  return parts.length === 1 ? '.' : (parts[0] as string);
}

/** Every `from`-pair of layers that an import in lib/ makes, with one example each. */
function layerImports(): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const file of sourceFiles(lib)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1] as string);
      if (!target.startsWith(lib + path.sep)) continue;
      const [from, to] = [layerOf(file), layerOf(`${target}.ts`)];
      if (from !== to) pairs.set(`${from} -> ${to}`, path.relative(root, file));
    }
  }
  return pairs;
}

describe('lib/ layers', () => {
  it('gives every folder of lib/ a rung in LIB_LAYERS', () => {
    const folders = fs
      .readdirSync(lib, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !LIB_LAYERS.includes(folder))).toEqual([]);
    expect(LIB_LAYERS.filter((layer) => layer !== '.' && !folders.includes(layer))).toEqual([]);
  });

  it('has no import from a layer to a later one, so no two folders import each other', () => {
    const upward = [...layerImports()]
      .filter(([pair]) => {
        const [from, to] = pair.split(' -> ') as [string, string];
        return LIB_LAYERS.indexOf(to) > LIB_LAYERS.indexOf(from);
      })
      .map(([pair, file]) => `${pair} (${file})`);
    expect(upward).toEqual([]);
  });

  it('fails lint for an import that runs back up, naming the layers the file may import', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(
      "import { checkConfig } from '../config/check-config';\nexport const probe = checkConfig;\n",
      { filePath: path.join(lib, 'secrets', 'layer-probe.ts') },
    );
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain('lib/secrets/ may import only lib/core/, lib/files/, lib/telemetry/');
  }, 60_000);

  it('lets a layer import an earlier one', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(
      "import { closestName } from '../core/closest-name';\nexport const probe = closestName;\n",
      { filePath: path.join(lib, 'secrets', 'layer-probe.ts') },
    );
    expect((result?.messages ?? []).map((m) => m.ruleId)).not.toContain('import-x/no-restricted-paths');
  }, 60_000);
});
