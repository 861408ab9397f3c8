/**
 * SSRF differential: our webhook host classifier (`classifyWebhookHost`, with the cluster knowledge
 * the app passes) against OpenClaw 2026.2.19's own `isBlockedHostnameOrIp` / `isPrivateIpAddress`
 * from `openclaw/plugin-sdk`, run on the release's Node, over more than 10,000 generated hosts.
 *
 * Rule: ours is never looser (0 hosts the real guard blocks and ours lets through). Where ours is
 * stricter, every host falls into one of the categories below, each with the reason.
 */
import { classifyWebhookHost, normalizeWebhookHost, type WebhookHostClassification } from '../../lib/cron/ssrf-guard';
import { IpAddress, IpCidr } from '../../lib/endpoints/ip-address';
import { LOLICE_CLUSTER_SERVICES } from '../../config/lolice-cluster-services';
import { classifyHostsWithRelease, type RealHostVerdict } from '../../lib/openclaw/release/release-probe';
import { buildApp } from '../support/openclaw-ops-harness';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';
import { generateHosts, type GeneratedHost } from '../support/ssrf-host-generator';

const SEED = 20260219;
const MINIMUM_HOSTS = 10_000;
/** Found blocked by the real guard but public to ours before this test existed. */
const KNOWN_BLOCKED = ['64:ff9b:1::a00:1', '2001:db8::5efe:a00:1', '[64:ff9b:1::a00:1]', '[2001:db8::5efe:a00:1]'];

/** Why ours blocks a host the real static check lets through. */
const STRICTER_CATEGORIES = {
  'single label':
    "a single label resolves through the pod's DNS search path to <name>.<namespace>.svc.cluster.local, " +
    'a ClusterIP the real guard blocks after DNS resolution',
  'service or pod name':
    'a name under .svc or .pod resolves through the search path to a ClusterIP or pod IP, ' +
    'which the real guard blocks after DNS resolution',
  'name.namespace':
    '<name>.<namespace> of a namespace the cluster has resolves through the search path to a ' +
    'ClusterIP, which the real guard blocks after DNS resolution',
  'not a public TLD':
    'the last label has a digit or hyphen, which no public top-level domain has: only the cluster ' +
    'search path can resolve it (to a private address) or nothing does',
  'zone identifier':
    'an IPv6 zone identifier (%eth0) cannot appear in a URL host; ours refuses what it cannot parse, ' +
    'the real guard strips the zone and judges the rest',
  'non-routable prefix with an ISATAP id':
    'a link-local, site-local or unique-local address whose interface id looks ' +
    'like ISATAP: the real guard judges it only by the embedded IPv4, ours keeps the prefix rule (never routable ' +
    'on the internet)',
  'empty label':
    'a name with an empty label (a second trailing dot): the host predicate lets it through, but the real ' +
    'webhook POST path blocks it (webhook-post-differential.test.ts), and ours follows the POST path',
  'two embedding forms':
    'the address matches two IPv4-embedding forms (e.g. 6to4 with an ISATAP interface id): the ' +
    'real guard judges only the first, ours blocks when any embedded IPv4 address is private',
} as const;

type StricterCategory = keyof typeof STRICTER_CATEGORIES;

const NON_ROUTABLE = ['fe80::/10', 'fec0::/10', 'fc00::/7'].map((c) => IpCidr.parse(c));

function stricterCategory(host: string, ours: WebhookHostClassification): StricterCategory | undefined {
  const normalized = normalizeWebhookHost(host);
  if (ours.kind === 'cluster-service') {
    const labels = normalized.split('.');
    const last = labels[labels.length - 1]!;
    if (labels.length === 1) return 'single label';
    if (['svc', 'pod'].includes(last)) return 'service or pod name';
    if (/[^a-z]/.test(last)) return 'not a public TLD';
    if (labels.length === 2) return 'name.namespace';
    return undefined;
  }
  if (ours.kind === 'invalid-address' && !normalized.includes(':') && normalized.split('.').includes('')) {
    return 'empty label';
  }
  if (ours.kind === 'invalid-address' && normalized.includes('%')) {
    return 'zone identifier';
  }
  if (ours.kind === 'private-address' && IpAddress.isValid(normalized)) {
    const address = IpAddress.parse(normalized);
    const isatapId = ((address.value >> 32n) & 0xfcffffffn) === 0x5efen;
    if (isatapId && NON_ROUTABLE.some((block) => block.contains(address)))
      return 'non-routable prefix with an ISATAP id';
    if (ours.reason?.includes('ISATAP') && address.value >> 112n === 0x2002n) return 'two embedding forms';
  }
  return undefined;
}

let hosts: GeneratedHost[];
let real: RealHostVerdict[];
let ours: WebhookHostClassification[];

beforeAll(async () => {
  const release = await realOpenClawRelease();
  const generated = generateHosts(SEED, MINIMUM_HOSTS).filter((h) => !KNOWN_BLOCKED.includes(h.host));
  hosts = [...KNOWN_BLOCKED.map((host) => ({ host, family: 'known' })), ...generated];
  // the cluster knowledge the app gives the cron validator (attachNetworkAndCron)
  const app = buildApp();
  const services = (app.config.network?.clusterServices ?? LOLICE_CLUSTER_SERVICES).map((s) => ({
    name: s.name,
    namespace: s.namespace,
  }));
  const options = { clusterServices: services, clusterNamespaces: [app.config.namespace] };
  real = await classifyHostsWithRelease(
    release,
    hosts.map((h) => h.host),
  );
  ours = hosts.map((h) => classifyWebhookHost(h.host, options));
}, RELEASE_INSTALL_TIMEOUT_MS);

describe('webhook SSRF guard: ours vs OpenClaw 2026.2.19 (openclaw/plugin-sdk)', () => {
  it(`generates at least ${MINIMUM_HOSTS} distinct hosts, the same ones every run`, () => {
    expect(hosts.length).toBeGreaterThanOrEqual(MINIMUM_HOSTS);
    expect(new Set(hosts.map((h) => h.host)).size).toBe(hosts.length);
    expect(generateHosts(SEED, MINIMUM_HOSTS).slice(0, 50)).toEqual(
      hosts.slice(KNOWN_BLOCKED.length, KNOWN_BLOCKED.length + 50),
    );
    // every family of the brief is present
    const families = new Set(
      hosts.map((h) =>
        h.family.replace(
          /-(upper|padded|bracketed|bracketed-dot|dotted-tail|zone|trailing-dot|two-trailing-dots)$/,
          '',
        ),
      ),
    );
    expect([...families].sort()).toEqual(
      expect.arrayContaining([
        'ipv4',
        'ipv4-decimal',
        'ipv4-hex',
        'ipv4-octal-dotted',
        'ipv4-short-2',
        'ipv4-short-3',
        'ipv6',
        'ipv6-6to4',
        'ipv6-compatible',
        'ipv6-isatap',
        'ipv6-mapped',
        'ipv6-nat64',
        'ipv6-nat64-local',
        'ipv6-teredo',
        'name-namespace',
        'name-public',
        'name-single-label',
        'name-suffix',
        'name-svc',
      ]),
    );
  });

  it('agrees with the real guard on the known cases', () => {
    for (const host of KNOWN_BLOCKED) {
      const i = hosts.findIndex((h) => h.host === host);
      expect({ host, real: real[i]!.blocked, ours: ours[i]!.blockedBySsrfGuard }).toEqual({
        host,
        real: true,
        ours: true,
      });
    }
  });

  it('is never looser: every host the real guard blocks, ours blocks', () => {
    const looser = hosts
      .map((h, i) => ({ ...h, real: real[i]!, ours: ours[i]! }))
      .filter((row) => row.real.blocked && !row.ours.blockedBySsrfGuard)
      .map((row) => `${row.family} ${JSON.stringify(row.host)}: real blocks it, ours says ${row.ours.kind}`);
    expect(looser).toEqual([]);
  });

  // isPrivateIpAddress is what the guard applies to every DNS answer: plain address text, as asked here
  it('agrees with isPrivateIpAddress on every plain IP literal, except the listed stricter cases', () => {
    const disagreements: string[] = [];
    let compared = 0;
    hosts.forEach((h, i) => {
      if (!IpAddress.isValid(h.host)) return;
      compared++;
      const oursPrivate = ours[i]!.kind === 'private-address';
      if (oursPrivate !== real[i]!.privateIp && stricterCategory(h.host, ours[i]!) === undefined) {
        disagreements.push(`${h.host}: real isPrivateIpAddress ${real[i]!.privateIp}, ours ${ours[i]!.kind}`);
      }
    });
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });

  it('explains every host where ours is stricter', () => {
    const counts = new Map<string, number>();
    const unexplained: string[] = [];
    hosts.forEach((h, i) => {
      if (real[i]!.blocked || !ours[i]!.blockedBySsrfGuard) return;
      const category = stricterCategory(h.host, ours[i]!);
      if (category === undefined) {
        unexplained.push(`${h.family} ${JSON.stringify(h.host)}: ours ${ours[i]!.kind} (${ours[i]!.reason ?? ''})`);
        return;
      }
      counts.set(category, (counts.get(category) ?? 0) + 1);
    });
    expect(unexplained).toEqual([]);
    const agreeBlocked = hosts.filter((_, i) => real[i]!.blocked && ours[i]!.blockedBySsrfGuard).length;
    const agreeAllowed = hosts.filter((_, i) => !real[i]!.blocked && !ours[i]!.blockedBySsrfGuard).length;
    const stricter = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(agreeBlocked + agreeAllowed + stricter).toBe(hosts.length);
    // both verdicts occur in quantity, so the comparison means something
    expect(agreeBlocked).toBeGreaterThan(3000);
    expect(agreeAllowed).toBeGreaterThan(3000);
    console.info(
      `ssrf differential (seed ${SEED}): ${hosts.length} hosts; both block ${agreeBlocked}, both allow ` +
        `${agreeAllowed}, ours looser 0, ours stricter ${stricter}: ` +
        [...counts]
          .sort()
          .map(([c, n]) => `\n  ${c}: ${n} (${STRICTER_CATEGORIES[c as StricterCategory]})`)
          .join(''),
    );
  });
});
