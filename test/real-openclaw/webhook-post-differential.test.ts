/**
 * Webhook POST differential: generated `delivery.to` URLs with odd hostname spellings through the
 * REAL 2026.2.19 cron webhook POST path (the gateway's URL normalization, `resolveCronWebhookTarget`,
 * then `fetchWithSsrFGuard` with the gateway's arguments; DNS and fetch stubbed, every URL in one
 * process under the loopback-only preload) and through ours (`validateCronJobs`, with the cluster
 * knowledge the app passes). Ours never accepts a URL the real path does not POST to.
 */
import { LOLICE_CLUSTER_SERVICES } from '../../config/lolice-cluster-services';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { postWebhooksWithRelease, type WebhookPostVerdict } from '../../lib/openclaw/release/release-probe';
import { LOOPBACK_PRELOAD } from '../support/real-openclaw/gateway-harness';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';
import { generateHosts, seededRandom } from '../support/ssrf-host-generator';

const SEED = 20261203;
const MINIMUM_URLS = 20_000;

/** A URL around `host`, in one of the spellings a person writes (scheme, case, port, trailing dot). */
function urlFor(host: string, random: () => number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const spelled = random() < 0.2 ? bracketed.toUpperCase() : bracketed;
  const dotted = random() < 0.1 && !spelled.endsWith(']') ? `${spelled}.` : spelled;
  const scheme = random() < 0.3 ? 'http' : random() < 0.05 ? 'HTTPS' : 'https';
  const port = random() < 0.15 ? ':443' : random() < 0.05 ? ':8080' : '';
  const space = random() < 0.03 ? ' ' : '';
  return `${space}${scheme}://${dotted}${port}/hooks/cron${space}`;
}

const context: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
  clusterServices: LOLICE_CLUSTER_SERVICES,
};

function job(to: string): CronJobDeclaration {
  return {
    name: 'webhook job',
    schedule: { kind: 'cron', expr: '30 8 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'hello' },
    delivery: { mode: 'webhook', to },
  };
}

let urls: string[];
let real: WebhookPostVerdict[];

beforeAll(async () => {
  const random = seededRandom(SEED);
  // two spellings of every generated host
  const hosts = generateHosts(SEED, MINIMUM_URLS / 2 + 1000);
  urls = [...new Set(hosts.flatMap((h) => [urlFor(h.host, random), urlFor(h.host, random)]))];
  real = await postWebhooksWithRelease(await realOpenClawRelease(), urls, {
    preload: LOOPBACK_PRELOAD,
    timeoutMs: 10 * 60_000,
  });
}, RELEASE_INSTALL_TIMEOUT_MS);

describe('cron webhook targets: the real 2026.2.19 POST path vs ours', () => {
  it(`runs at least ${MINIMUM_URLS} distinct URLs, and the real path both posts and refuses`, () => {
    expect(urls.length).toBeGreaterThanOrEqual(MINIMUM_URLS);
    const outcomes = new Set(real.map((r) => r.outcome));
    expect(outcomes).toContain('posted');
    expect(outcomes).toContain('blocked');
  });

  it('ours accepts no URL the real path does not post to (0 looser)', () => {
    const counts = { bothRefuse: 0, bothAccept: 0, oursStricter: 0, oursLooser: 0 };
    const looser: string[] = [];
    urls.forEach((url, index) => {
      const realRefuses = real[index]!.outcome !== 'posted';
      const oursRefuses = validateCronJobs([job(url)], context).errors.length > 0;
      if (realRefuses && oursRefuses) counts.bothRefuse++;
      else if (!realRefuses && !oursRefuses) counts.bothAccept++;
      else if (oursRefuses) counts.oursStricter++;
      else {
        counts.oursLooser++;
        looser.push(`${JSON.stringify(url)} (real: ${real[index]!.outcome} ${real[index]!.reason})`);
      }
    });
    console.log(`webhook POST differential (${urls.length} URLs): ${JSON.stringify(counts)}`);
    expect(looser.slice(0, 50)).toEqual([]);
    expect(counts.bothAccept).toBeGreaterThan(0);
  });
});
