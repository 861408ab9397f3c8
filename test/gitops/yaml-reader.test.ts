/**
 * The plain block YAML reader against the `yaml` library: for every text the reader accepts, the
 * library parses it without error to the same value (same keys, same order). The texts are the live
 * lolice tree's YAML files (the real thing), each changed a few times at random, line by line: lines
 * indented more or less, inserted, repeated, removed or swapped, and pieces from YAML's awkward
 * corners put into them. Seeded, so a failure names a case that can be replayed.
 */
import { parse } from 'yaml';
import { readPlainBlockYaml } from '../../lib/files/yaml-reader';
import { LIVE_LOLICE } from '../support/live-tree';
import { readTree, renderLolice } from '../support/openclaw-ops-harness';
import { Random, randomString } from '../support/yaml-cases';

/** The live tree's YAML files and those synth writes into it (the real thing). */
const YAML_FILES: ReadonlyMap<string, string> = new Map(
  [
    ...[...readTree(LIVE_LOLICE)].map(([file, content]) => [file, content.toString('utf8')] as const),
    ...[...renderLolice()].map(([file, content]) => [`generated/${file}`, content] as const),
  ].filter(([file]) => /\.ya?ml$/.test(file)),
);
/** The kustomizations among them: the texts the reader is for. */
const KUSTOMIZATIONS: readonly string[] = [...YAML_FILES]
  .filter(([file]) => file.endsWith('kustomization.yaml'))
  .map(([, text]) => text);
const LIVE_YAML: readonly string[] = [...YAML_FILES.values()];

/** Lines a kustomization could hold, and lines it should not. */
function randomLine(random: Random): string {
  const indent = ' '.repeat(random.pick([0, 0, 1, 2, 2, 4, 6]));
  switch (random.int(9)) {
    case 0:
      return `${indent}# ${randomString(random)}`;
    case 1:
      return indent;
    case 2:
      return `${indent}- ${random.pick(['a.yaml', 'overlays/b.yaml', randomString(random)])}`;
    case 3:
      return `${indent}-`;
    case 4:
      return `${indent}${random.pick(['resources', 'components', 'kind', 'path', '__proto__', '<<', 'a b'])}:`;
    case 5:
      return `${indent}${random.pick(['kind', 'namespace', 'name', randomString(random)])}: ${randomString(random)}`;
    case 6:
      return `${indent}- ${random.pick(['path', 'name'])}: ${random.pick(['p.yaml', randomString(random)])}`;
    case 7:
      return random.pick(['---', '...', '%YAML 1.2', '- - a', '? a', ': a']);
    default:
      return `${indent}${randomString(random)}`;
  }
}

/** One random change to the lines of a text. */
function mutate(lines: string[], random: Random): void {
  const at = random.int(lines.length + 1);
  const line = lines[at] ?? '';
  switch (random.int(8)) {
    case 0: // indented more or less
      lines[at] = random.chance(0.5) ? `${' '.repeat(1 + random.int(2))}${line}` : line.replace(/^ {1,2}/, '');
      break;
    case 1:
      lines.splice(at, 0, randomLine(random));
      break;
    case 2: // repeated (a key twice, an entry twice)
      lines.splice(at, 0, line);
      break;
    case 3:
      lines.splice(at, 1);
      break;
    case 4: {
      const other = random.int(lines.length);
      [lines[at], lines[other]] = [lines[other] ?? '', line];
      break;
    }
    case 5: // something at the end of a line: a comment, an indicator, another type's look-alike
      lines[at] =
        `${line}${random.pick([' # c', '#c', ':', ': x', ' ', '\t', '\r', random.pick(["'", '"', '{}', '[a]', '&a', '*a', '!t', '|', '>', '~', '\\', 'é', '%', '@', '`'])])}`;
      break;
    case 6: // the value of a key or entry replaced
      lines[at] = line.replace(/(:|-) .*$/, `$1 ${randomString(random)}`);
      break;
    default:
      lines[at] = randomLine(random);
  }
}

function generatedTexts(count: number, seed: number): string[] {
  const random = new Random(seed);
  const texts = [...LIVE_YAML];
  while (texts.length < count) {
    // most cases start from a kustomization, the reader's texts
    const base = random.pick(random.chance(0.6) ? KUSTOMIZATIONS : LIVE_YAML);
    const lines = base.split('\n');
    const changes = random.int(4); // 0 to 3: an unchanged text now and then
    for (let i = 0; i < changes; i += 1) mutate(lines, random);
    texts.push(lines.join('\n'));
  }
  return texts;
}

/** The library's answer: its value as JSON (key order kept), or its error. */
function libraryAnswer(text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (error) {
    return `error: ${(error as Error).message.split('\n')[0]}`;
  }
}

describe('readPlainBlockYaml', () => {
  it('reads every kustomization of the live tree and of synth as the library does', () => {
    expect(KUSTOMIZATIONS.length).toBeGreaterThanOrEqual(4);
    for (const text of KUSTOMIZATIONS) expect(JSON.stringify(readPlainBlockYaml(text))).toBe(libraryAnswer(text));
  });

  it('accepts only texts the library reads to the same value, over 6,000 generated texts', () => {
    const texts = generatedTexts(6000, 0x5eed);
    let read = 0;
    for (const [index, text] of texts.entries()) {
      const value = readPlainBlockYaml(text);
      if (value === undefined) continue;
      read += 1;
      expect({ index, text, value: JSON.stringify(value) }).toEqual({ index, text, value: libraryAnswer(text) });
    }
    // both answers are reached: most texts are read, and a good share declined
    expect(read / texts.length).toBeGreaterThan(0.2);
    expect(read / texts.length).toBeLessThan(0.8);
  });

  it('reads indentless and indented sequences, entries that are mappings, empty values and comments', () => {
    const text = [
      '# a kustomization',
      'kind:   Kustomization   ',
      'resources:',
      '- a.yaml   # trailing comment',
      '- github.com/x/y?ref=v0.1.0',
      'patches:',
      '  - path: p.yaml',
      '    target:',
      '        kind: Deployment',
      '  -',
      '  - options:',
      'empty:',
      'components: # the components',
      '-   c/d',
      '',
    ].join('\n');
    expect(readPlainBlockYaml(text)).toEqual({
      kind: 'Kustomization',
      resources: ['a.yaml', 'github.com/x/y?ref=v0.1.0'],
      patches: [{ path: 'p.yaml', target: { kind: 'Deployment' } }, null, { options: null }],
      empty: null,
      components: ['c/d'],
    });
    expect(JSON.stringify(readPlainBlockYaml(text))).toBe(libraryAnswer(text));
  });

  it('declines what it does not follow, so the library reads it', () => {
    for (const text of [
      '',
      '# only a comment\n',
      '  kind: Kustomization',
      'kind: "Kustomization"',
      'count: 3',
      'flag: true',
      'nothing: ~',
      'a: b: c',
      'a:b: c',
      'http://h:80/p: x',
      'a: b\na: c',
      '__proto__: x',
      'resources:\n- a\n  b',
      'a: b\n  c: d',
      'a:\n  b: c\n d: e',
      '- a\nb: c',
      'a: b\n- c',
      '- - a',
      '---\na: b',
      'a: |\n  text',
      'a:\tb',
      'a: b\r\n',
      'a: é',
      'a:\n  plain\n  continued',
    ]) {
      expect(readPlainBlockYaml(text)).toBeUndefined();
    }
  });
});
