/**
 * Generated YAML documents for the differential of the direct YAML writer against the `yaml`
 * library: the live lolice manifests (the real thing), each mutated a few times at random with
 * strings from YAML's awkward corners, numbers, nulls, nested and empty collections, shared
 * objects and holes, plus comments at paths that exist (and now and then at one that does not).
 * Seeded, so a failure names a case that can be replayed.
 */
import { parseAllDocuments } from 'yaml';
import type { YamlComment, YamlPath } from '../../lib/files/yaml-emitter';
import { LIVE_LOLICE } from './live-tree';
import { readTree } from './openclaw-ops-harness';
import { seededRandom } from './seeded-random';

/** A seeded generator of the choices a case makes. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Pieces strings are built from: YAML indicators, look-alikes of other types, blanks and breaks. */
const PIECES: readonly string[] = [
  'a',
  'b',
  'Z',
  'name',
  'value',
  'command',
  'env',
  'x-y',
  'a.b',
  '/path/to',
  'http://h:80/p',
  '0',
  '1',
  '42',
  '-1',
  '0.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  'true',
  'False',
  'NULL',
  'null',
  '~',
  'yes',
  'on',
  '',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  ':',
  ': ',
  ' :',
  '#',
  ' #',
  '# ',
  '-',
  '- ',
  '?',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '---',
  '...',
  '\\',
  'é',
  '日本',
  '😀',
  '\u2028',
  '\u00a0',
  '\x01',
  '\x7f',
  '\x85',
  '${VAR}',
  '$(x)',
  '=',
  '<',
  'a b',
  'k: v',
  '- item',
];

/** A string from 1 to 6 pieces. */
export function randomString(random: Random): string {
  const count = 1 + random.int(6);
  let text = '';
  for (let i = 0; i < count; i += 1) text += random.pick(PIECES);
  return text;
}

function randomScalar(random: Random): unknown {
  switch (random.int(10)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, 1, -7, 3.25, 1e21, 1e-7, 2 ** 53, -0, Number.NaN, Number.POSITIVE_INFINITY, 0.1]);
    case 3:
      return random.int(100000);
    default:
      return randomString(random);
  }
}

function randomValue(random: Random, depth: number): unknown {
  if (depth > 2 || random.chance(0.6)) return randomScalar(random);
  switch (random.int(6)) {
    case 0:
      return {};
    case 1:
      return [];
    case 2:
      return { [randomString(random)]: randomValue(random, depth + 1), name: randomValue(random, depth + 1) };
    case 3:
      return [randomValue(random, depth + 1), randomValue(random, depth + 1)];
    case 4:
      return Array.from({ length: 1 + random.int(3) }, () => randomString(random));
    default:
      return Array.from({ length: 1 + random.int(3) }, () => ({
        name: randomString(random),
        value: random.chance(0.8) ? randomString(random) : randomScalar(random),
      }));
  }
}

/** Every path of `value` (maps by key, sequences by index), the root included. */
export function pathsOf(value: unknown, at: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [at];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...at, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...at, key]));
  }
  return paths;
}

type Container = Record<string, unknown> | unknown[];

function containers(value: unknown, found: Container[] = []): Container[] {
  if (Array.isArray(value)) {
    found.push(value);
    value.forEach((item) => containers(item, found));
  } else if (typeof value === 'object' && value !== null) {
    found.push(value as Record<string, unknown>);
    Object.values(value).forEach((item) => containers(item, found));
  }
  return found;
}

/** One random change to `root` in place. */
function mutate(root: Record<string, unknown>, random: Random): void {
  const target = random.pick(containers(root));
  if (Array.isArray(target)) {
    const operation = random.int(8);
    if (operation === 0 && target.length > 0) target[random.int(target.length)] = undefined;
    else if (operation === 1)
      target.length += 1; // a hole
    else if (target.length > 0 && operation < 5) target[random.int(target.length)] = randomValue(random, 0);
    else target.push(randomValue(random, 0));
    return;
  }
  const keys = Object.keys(target);
  const operation = random.int(10);
  if (operation === 0 && keys.length > 0) {
    // a shared object: the library writes an anchor and an alias
    target[randomString(random)] = target[random.pick(keys)];
  } else if (operation < 3 && keys.length > 0) {
    // rename a key, keeping the order of the others
    const old = random.pick(keys);
    const renamed = random.chance(0.3) ? random.pick(['command', 'env', 'value', 'name']) : randomString(random);
    const entries = Object.entries(target).map(([key, item]): [string, unknown] => [key === old ? renamed : key, item]);
    for (const key of keys) delete target[key];
    for (const [key, item] of entries) target[key] = item;
  } else if (operation < 7 && keys.length > 0) {
    target[random.pick(keys)] = randomValue(random, 0);
  } else {
    const key = random.chance(0.3) ? random.pick(['command', 'env', 'value']) : randomString(random);
    target[key] = randomValue(random, 0);
  }
}

function randomComment(random: Random): string {
  const lines = 1 + random.int(3);
  return Array.from({ length: lines }, () =>
    random.chance(0.15) ? '' : randomString(random).replace(/\n/g, ' '),
  ).join('\n');
}

/** A generated case: a document (JSON-like value) and comments for it. */
export interface YamlCase {
  readonly seed: number;
  readonly value: Record<string, unknown>;
  readonly comments: readonly YamlComment[];
}

/** The documents of every YAML file of the live lolice tree, as plain values. */
export function liveManifests(): Record<string, unknown>[] {
  return [...readTree(LIVE_LOLICE)]
    .filter(([file]) => /\.ya?ml$/.test(file))
    .flatMap(([, bytes]) => parseAllDocuments(bytes.toString('utf8')).map((document) => document.toJS() as unknown))
    .filter(
      (value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value),
    );
}

/** `count` cases from the live manifests: each a copy with 0 to 4 changes and 0 to 3 comments. */
export function yamlCases(count: number, seed = 1): YamlCase[] {
  const manifests = liveManifests();
  const cases: YamlCase[] = [];
  for (let i = 0; i < count; i += 1) {
    const caseSeed = seed * 100_003 + i;
    const random = new Random(caseSeed);
    const value = structuredClone(random.pick(manifests));
    const changes = random.int(5);
    for (let c = 0; c < changes; c += 1) mutate(value, random);
    const paths = pathsOf(value);
    const comments: YamlComment[] = [];
    const commentCount = random.int(4);
    for (let c = 0; c < commentCount; c += 1) {
      const at = random.chance(0.05) ? [...random.pick(paths), 'missing'] : random.pick(paths);
      comments.push({ path: at, text: randomComment(random) });
    }
    cases.push({ seed: caseSeed, value, comments });
  }
  return cases;
}
