/**
 * A deterministic (seeded) generator of webhook hosts for the SSRF differential: IPv4 and IPv6 in
 * their text forms, every IPv6 form that embeds an IPv4 address, numeric IPv4 spellings, and DNS
 * names of every shape a cron webhook URL could carry (single labels, in-cluster names, blocked
 * suffixes, trailing dots, upper case, brackets). Each host is tagged with the family it came from.
 */

import { seededRandom } from './seeded-random';

export { seededRandom };

export interface GeneratedHost {
  readonly host: string;
  /** The family the generator drew it from, e.g. `ipv6-isatap`. */
  readonly family: string;
}

/** IPv4 ranges the guard blocks, as [first, last] 32-bit values, plus neighbours worth probing. */
const V4_RANGES: readonly (readonly [number, number])[] = [
  [0x00000000, 0x00ffffff],
  [0x0a000000, 0x0affffff],
  [0x7f000000, 0x7fffffff],
  [0xa9fe0000, 0xa9feffff],
  [0xac100000, 0xac1fffff],
  [0xc0a80000, 0xc0a8ffff],
  [0x64400000, 0x647fffff],
];

const NAMESPACES = ['monitoring', 'openclaw', 'kube-system', 'default', 'argocd', 'litellm', 'cron-rx', 'ns1'];
const WORDS = [
  'cron',
  'receiver',
  'hooks',
  'api',
  'rx',
  'webhook',
  'grafana',
  'loki',
  'prometheus',
  'svc',
  'pod',
  'local',
  'internal',
  'localhost',
  'example',
  'metadata',
  'google',
  'corp',
  'k8s',
  'edge',
  'a',
  'x1',
  'mail',
  'app',
];
const TLDS = ['com', 'net', 'org', 'dev', 'io', 'jp', 'cloud', 'xn--p1ai', 'co.uk', 'example'];
const SUFFIXES = [
  '.svc',
  '.svc.cluster.local',
  '.cluster.local',
  '.pod.cluster.local',
  '.localhost',
  '.local',
  '.internal',
  '.localdomain',
  '.home.arpa',
  '.test',
];

export function generateHosts(seed: number, minimum: number): GeneratedHost[] {
  const rnd = seededRandom(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const u32 = (): number => (int(0x10000) * 0x10000 + int(0x10000)) >>> 0;
  const hex16 = (): number => int(0x10000);
  const out = new Map<string, string>();
  const add = (family: string, host: string): void => {
    if (!out.has(host)) {
      out.set(host, family);
    }
  };

  // an IPv4 value: half of the time inside (or at the edge of) a blocked range
  const v4 = (): number => {
    if (rnd() < 0.5) {
      return u32();
    }
    const [first, last] = pick(V4_RANGES);
    const edge = int(6);
    if (edge === 0) return (first - 1) >>> 0;
    if (edge === 1) return (last + 1) >>> 0;
    if (edge === 2) return first;
    if (edge === 3) return last;
    return (first + int(last - first + 1)) >>> 0;
  };
  const dotted = (v: number): string => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  const h = (n: number): string => n.toString(16);
  const v6 = (groups: readonly number[]): string => groups.map(h).join(':');
  const hiLo = (v: number): [number, number] => [v >>> 16, v & 0xffff];

  /** Variants of an IPv6 text: compressed, upper case, zero-padded, bracketed, trailing dot. */
  const v6Forms = (family: string, groups: readonly number[]): void => {
    const full = v6(groups);
    add(family, full);
    add(family, compress(groups));
    const variant = int(6);
    if (variant === 0) add(`${family}-upper`, compress(groups).toUpperCase());
    if (variant === 1) add(`${family}-padded`, groups.map((g) => h(g).padStart(4, '0')).join(':'));
    if (variant === 2) add(`${family}-bracketed`, `[${compress(groups)}]`);
    if (variant === 3) add(`${family}-bracketed-dot`, `[${compress(groups)}].`);
    if (variant === 4)
      add(
        `${family}-dotted-tail`,
        `${groups.slice(0, 6).map(h).join(':')}:${dotted(groups[6]! * 0x10000 + groups[7]!)}`,
      );
    if (variant === 5) add(`${family}-zone`, `${compress(groups)}%eth0`);
  };

  for (let i = 0; i < 1500; i++) {
    const v = v4();
    add('ipv4', dotted(v));
    if (i % 5 === 0) add('ipv4-trailing-dot', `${dotted(v)}.`);
    if (i % 7 === 0) add('ipv4-bracketed', `[${dotted(v)}]`);
  }
  // numeric IPv4 spellings
  for (let i = 0; i < 1200; i++) {
    const v = v4();
    const b = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    switch (i % 8) {
      case 0:
        add('ipv4-decimal', String(v));
        break;
      case 1:
        add('ipv4-hex', `0x${h(v)}`);
        break;
      case 2:
        add('ipv4-octal-dotted', b.map((x) => `0${x.toString(8)}`).join('.'));
        break;
      case 3:
        add('ipv4-hex-dotted', b.map((x) => `0x${h(x)}`).join('.'));
        break;
      case 4:
        add('ipv4-short-3', `${b[0]}.${b[1]}.${(b[2]! << 8) + b[3]!}`);
        break;
      case 5:
        add('ipv4-short-2', `${b[0]}.${(v & 0xffffff) >>> 0}`);
        break;
      case 6:
        add('ipv4-leading-zero', `${b[0]}.${b[1]}.0${b[2]}.${b[3]}`);
        break;
      default:
        add('ipv4-out-of-range', `${b[0]}.${b[1]}.${b[2]}.${256 + int(700)}`);
        break;
    }
  }
  // plain IPv6: global unicast, documentation, and the special prefixes
  for (let i = 0; i < 800; i++) {
    const g = Array.from({ length: 8 }, hex16);
    const prefix = i % 8;
    if (prefix === 0) g[0] = 0x2000 + int(0x2000);
    if (prefix === 1) {
      g[0] = 0xfe80 + int(0x40);
    }
    if (prefix === 2) {
      g[0] = 0xfec0 + int(0x40);
    }
    if (prefix === 3) {
      g[0] = 0xfc00 + int(0x200);
    }
    if (prefix === 4) {
      g[0] = 0xff00 + int(0x100);
    }
    if (prefix === 5) {
      g[0] = 0x2001;
      g[1] = 0xdb8;
    }
    if (prefix === 6) {
      g.fill(0, 0, 7);
      g[7] = int(3);
    }
    v6Forms('ipv6', g);
  }
  const embedded = (family: string, build: (v: number) => number[], count: number): void => {
    for (let i = 0; i < count; i++) {
      v6Forms(family, build(v4()));
    }
  };
  embedded('ipv6-mapped', (v) => [0, 0, 0, 0, 0, 0xffff, ...hiLo(v)], 500);
  embedded('ipv6-compatible', (v) => [0, 0, 0, 0, 0, 0, ...hiLo(v)], 300);
  embedded('ipv6-nat64', (v) => [0x64, 0xff9b, 0, 0, 0, 0, ...hiLo(v)], 500);
  embedded(
    'ipv6-nat64-local',
    (v) => [0x64, 0xff9b, 1, rnd() < 0.5 ? 0 : hex16(), 0, rnd() < 0.7 ? 0 : hex16(), ...hiLo(v)],
    600,
  );
  embedded('ipv6-6to4', (v) => [0x2002, ...hiLo(v), hex16(), hex16(), hex16(), hex16(), hex16()], 500);
  embedded('ipv6-teredo', (v) => [0x2001, 0, hex16(), hex16(), hex16(), hex16(), ...hiLo(~v >>> 0)], 500);
  embedded(
    'ipv6-isatap',
    (v) => {
      const prefixes = [
        [0x2001, 0xdb8, hex16(), hex16()],
        [0xfe80, 0, 0, 0],
        [0xfd00 + int(0xff), hex16(), 0, 0],
        [0x2002, hex16(), hex16(), 0],
        [0x2600 + int(0x100), hex16(), hex16(), hex16()],
        [0x64, 0xff9b, 1, 0],
      ];
      return [...pick(prefixes), pick([0, 0x200, 0x100, 0x300]), 0x5efe, ...hiLo(v)];
    },
    800,
  );
  // malformed IPv6 text
  for (let i = 0; i < 400; i++) {
    const g = Array.from({ length: 8 }, hex16);
    switch (i % 6) {
      case 0:
        add('ipv6-malformed', v6([...g, hex16()]));
        break;
      case 1:
        add('ipv6-malformed', `${h(g[0]!)}::${h(g[1]!)}::${h(g[2]!)}`);
        break;
      case 2:
        add('ipv6-malformed', `${h(g[0]!)}${h(int(16))}${h(int(16))}::1`);
        break;
      case 3:
        add('ipv6-malformed', `${g.slice(0, 3).map(h).join(':')}:g${h(int(16))}::`);
        break;
      case 4:
        add('ipv6-malformed', `:${v6(g.slice(0, 7))}`);
        break;
      default:
        add('ipv6-malformed', `::ffff:${dotted(v4())}.1`);
        break;
    }
  }
  // names
  const label = (): string => pick(WORDS) + (rnd() < 0.3 ? `-${int(100)}` : '');
  for (let i = 0; i < 3000; i++) {
    let name: string;
    let family: string;
    switch (i % 12) {
      case 0:
        name = label();
        family = 'name-single-label';
        break;
      case 1:
        name = `${label()}.${pick(NAMESPACES)}`;
        family = 'name-namespace';
        break;
      case 2:
        name = `${label()}.${pick(NAMESPACES)}.svc`;
        family = 'name-svc';
        break;
      case 3:
        name = `${label()}.${pick(NAMESPACES)}${pick(SUFFIXES)}`;
        family = 'name-suffix';
        break;
      case 4:
        name = `${label()}.${pick(TLDS)}`;
        family = 'name-public';
        break;
      case 5:
        name = `${label()}.${label()}.${pick(TLDS)}`;
        family = 'name-public';
        break;
      case 6:
        name = pick([
          'localhost',
          'localhost.localdomain',
          'metadata.google.internal',
          'metadata',
          'local',
          'internal',
        ]);
        family = 'name-blocklist';
        break;
      case 7:
        name = `${label()}.${label()}${pick(SUFFIXES)}`;
        family = 'name-suffix';
        break;
      case 8:
        name = `${label()}..${pick(TLDS)}`;
        family = 'name-empty-label';
        break;
      case 9:
        name = `${int(256)}.${int(256)}.${label()}.${pick(TLDS)}`;
        family = 'name-numeric-labels';
        break;
      case 10:
        name = `0x${h(int(256))}.${label()}`;
        family = 'name-hex-label';
        break;
      default:
        name = `${int(1000)}-${int(1000)}.${pick(NAMESPACES)}.pod`;
        family = 'name-pod';
        break;
    }
    const shape = int(8);
    if (shape === 0) {
      add(`${family}-upper`, name.toUpperCase());
      continue;
    }
    if (shape === 1) {
      add(`${family}-trailing-dot`, `${name}.`);
      continue;
    }
    if (shape === 2) {
      add(`${family}-two-trailing-dots`, `${name}..`);
      continue;
    }
    if (shape === 3) {
      add(`${family}-bracketed`, `[${name}]`);
      continue;
    }
    add(family, name);
  }
  if (out.size < minimum) {
    throw new Error(`the generator made ${out.size} distinct hosts, fewer than ${minimum}: raise the counts`);
  }
  return [...out].map(([host, family]) => ({ host, family }));
}

/** RFC 5952 compression of eight groups. */
function compress(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length >= 2 && length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
