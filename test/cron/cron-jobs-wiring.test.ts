import { loliceConfig } from '../../config/lolice';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import {
  dailyUsageReportWebhookJob,
  DAILY_USAGE_REPORT_DISCORD_JOB_NAME,
  DAILY_USAGE_REPORT_JOB_NAME,
} from '../../lib/cron/usage-report-jobs';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import {
  evaluatorFor,
  PODS,
  renderWithNetworkAndCron,
  rfc1918Sample,
  todaysEvaluator,
} from '../support/network-test-kit';
import { LOLICE_PATHS } from '../../config/lolice-paths';

const JOBS_DOCUMENT = 'argoproj/openclaw/cron-jobs/cron-jobs.json';
const APPLY_SCRIPT = 'argoproj/openclaw/cron-jobs/apply-cron-jobs.sh';
const RECEIVER_LABELS = { 'app.kubernetes.io/name': 'cron-receiver' };

function withJobs(jobs: readonly CronJobDeclaration[], patch: Partial<OpenClawOpsConfig> = {}): OpenClawOpsConfig {
  return { ...loliceConfig, ...patch, cronJobs: jobs };
}

/** A webhook job to an in-cluster receiver Service in `observability`. */
const inClusterJob: CronJobDeclaration = {
  ...dailyUsageReportWebhookJob('http://cron-receiver.observability.svc.cluster.local:8080/openclaw/cron'),
  name: 'Daily usage report (in-cluster)',
  receiver: { namespace: 'observability', podLabels: RECEIVER_LABELS, port: 8080 },
};

function file(tree: ReadonlyMap<string, string>, path: string): string {
  const text = tree.get(path);
  if (text === undefined) {
    throw new Error(`${path} was not rendered (files: ${[...tree.keys()].join(', ')})`);
  }
  return text;
}

describe('default cron jobs', () => {
  const rendered = renderWithNetworkAndCron(loliceConfig);

  test("the design's two example jobs validate and are written as a jobs document and an apply script", () => {
    const document = JSON.parse(file(rendered.tree, JOBS_DOCUMENT)) as {
      jobs: Record<string, { delivery: { mode: string; to: string } }>;
    };
    expect(Object.keys(document.jobs)).toEqual([DAILY_USAGE_REPORT_JOB_NAME, DAILY_USAGE_REPORT_DISCORD_JOB_NAME]);
    expect(document.jobs[DAILY_USAGE_REPORT_JOB_NAME].delivery).toEqual({
      bestEffort: true,
      mode: 'webhook',
      to: 'https://cron-receiver.b0xp.io/openclaw/cron',
    });
    expect(document.jobs[DAILY_USAGE_REPORT_DISCORD_JOB_NAME].delivery.mode).toBe('announce');
    const script = file(rendered.tree, APPLY_SCRIPT);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`upsert 'Daily usage report' '`);
    expect(script).toContain(`upsert 'Daily usage report (Discord)' '`);
  });

  test('the webhook host needs no new rule: it is covered by the 443 internet rule', () => {
    expect(rendered.wiring.cronJobs.egressRequirements).toEqual([
      { kind: 'external', host: 'cron-receiver.b0xp.io', port: 443, jobName: DAILY_USAGE_REPORT_JOB_NAME },
    ]);
    expect(rendered.wiring.networkPolicies.gatewayExternalEgressPorts).toEqual([80, 443]);
    expect(evaluatorFor(rendered).egress(PODS.gateway, { ip: '104.21.48.10' }, 443).allowed).toBe(true);
  });

  test('the script header gives the exact command from the GitOps repo root', () => {
    expect(rendered.wiring.cronJobs.applyCommand).toBe(
      'kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < argoproj/openclaw/cron-jobs/apply-cron-jobs.sh',
    );
    expect(file(rendered.tree, APPLY_SCRIPT)).toContain(`#   ${rendered.wiring.cronJobs.applyCommand}\n`);
  });

  test('no jobs declared writes no cron files', () => {
    const none = renderWithNetworkAndCron(withJobs([]));
    expect([...none.tree.keys()].filter((path) => path.includes('cron-jobs'))).toEqual([]);
    expect(none.tree.has(LOLICE_PATHS.networkPolicy)).toBe(true);
  });
});

describe('validation notes', () => {
  test('are exposed and written into the script header (stagger and host time zone made visible)', () => {
    const hourly: CronJobDeclaration = {
      name: 'Hourly check',
      schedule: { kind: 'cron', expr: '0 * * * *' },
      sessionTarget: 'isolated',
      wakeMode: 'now',
      payload: { kind: 'agentTurn', message: 'Check the board.' },
      delivery: { mode: 'none' },
    };
    const rendered = renderWithNetworkAndCron(withJobs([hourly]));
    const notes = rendered.wiring.cronJobs.notes;
    expect(notes).toEqual([
      expect.stringMatching(
        /^cron job "Hourly check": schedule '0 \* \* \* \*' has no tz; it runs in the gateway host's time zone/,
      ),
      expect.stringMatching(
        /^cron job "Hourly check": schedule '0 \* \* \* \*' is top-of-hour; OpenClaw staggers it by up to 5 min/,
      ),
    ]);
    const script = file(rendered.tree, APPLY_SCRIPT);
    for (const note of notes) {
      expect(script).toContain(`#   - ${note}\n`);
    }
    expect(script.indexOf('# Validation notes:')).toBeLessThan(script.indexOf('set -eu'));
  });
});

describe('in-cluster receiver', () => {
  test("OpenClaw 2026.2.17: the receiver's egress rule is generated and the evaluator proves it reachable", () => {
    const rendered = renderWithNetworkAndCron(withJobs([inClusterJob], { openclawVersion: '2026.2.17' }), {
      onlyNetworkRules: true,
    });
    const evaluator = evaluatorFor(rendered);
    const receiver = {
      name: 'cron-receiver',
      namespace: 'observability',
      labels: { ...RECEIVER_LABELS, 'app.kubernetes.io/version': '1' },
    };
    expect(evaluator.egress(PODS.gateway, { pod: receiver }, 8080).allowed).toBe(true);
    // exactly that port, those pods, that namespace
    expect(evaluator.egress(PODS.gateway, { pod: receiver }, 8081).allowed).toBe(false);
    expect(
      evaluator.egress(PODS.gateway, { pod: { namespace: 'observability', labels: { app: 'other' } } }, 8080).allowed,
    ).toBe(false);
    expect(
      evaluator.egress(PODS.gateway, { pod: { namespace: 'default', labels: RECEIVER_LABELS } }, 8080).allowed,
    ).toBe(false);
    // no side effect on the internet rules
    expect(evaluator.egress(PODS.gateway, { ip: '104.21.48.10' }, 8080).allowed).toBe(false);
    // the rule is commented with the job
    expect(file(rendered.tree, LOLICE_PATHS.networkPolicy)).toContain(
      '# in-cluster cron webhook receiver in namespace observability for job "Daily usage report (in-cluster)"',
    );
    expect(rendered.wiring.cronJobs.notes).toContainEqual(
      expect.stringMatching(
        /receiver pods in namespace observability on TCP 8080; the receiver's own NetworkPolicy must allow ingress from the gateway/,
      ),
    );
  });

  test('fails synth on OpenClaw 2026.2.19 with the SSRF guard message', () => {
    expect(() => renderWithNetworkAndCron(withJobs([inClusterJob]))).toThrow(
      /cron job "Daily usage report \(in-cluster\)": delivery\.to host "cron-receiver\.observability\.svc\.cluster\.local" is blocked by the SSRF guard of OpenClaw 2026\.2\.19 .*the POST would be dropped silently.*expose the receiver at a public hostname/,
    );
  });

  test('fails synth on OpenClaw 2026.2.17 when the in-cluster receiver is not described', () => {
    const { receiver: _receiver, ...undescribed } = inClusterJob;
    expect(() =>
      renderWithNetworkAndCron(withJobs([undescribed], { openclawVersion: '2026.2.17' }), { onlyNetworkRules: true }),
    ).toThrow(/is in the cluster but receiver is not set: add receiver: \{ namespace, podLabels, port \}/);
  });
});

describe('a webhook on port 8443', () => {
  const job: CronJobDeclaration = {
    ...dailyUsageReportWebhookJob('https://cron-receiver.b0xp.io:8443/openclaw/cron'),
    name: 'Daily usage report (8443)',
  };
  const rendered = renderWithNetworkAndCron(withJobs([job]));
  const evaluator = evaluatorFor(rendered);
  const today = todaysEvaluator();

  test('opens exactly TCP 8443 to the internet (IPv4 and IPv6), and nothing private', () => {
    expect(rendered.wiring.networkPolicies.gatewayExternalEgressPorts).toEqual([80, 443, 8443]);
    expect(evaluator.egress(PODS.gateway, { ip: '104.21.48.10' }, 8443).allowed).toBe(true);
    expect(evaluator.egress(PODS.gateway, { ip: '2606:4700:3031::6815:300a' }, 8443).allowed).toBe(true);
    expect(evaluator.egress(PODS.gateway, { ip: '104.21.48.10' }, 8444).allowed).toBe(false);
    expect(evaluator.egress(PODS.gateway, { ip: '104.21.48.10' }, 8443, 'UDP').allowed).toBe(false);
    expect(evaluator.egress(PODS.gateway, { ip: '169.254.169.254' }, 8443).allowed).toBe(false);
    expect(rfc1918Sample(200).filter((ip) => evaluator.egress(PODS.gateway, { ip }, 8443).allowed)).toEqual([]);
    expect(evaluator.egress(PODS.litellm, { ip: '104.21.48.10' }, 8443).allowed).toBe(false);
  });

  test("compared with today's policies, the only new openings are gateway TCP 8443 to public addresses", () => {
    const ips = [
      '104.21.48.10',
      '2606:4700:3031::6815:300a',
      '162.159.135.232',
      '10.1.2.3',
      '192.168.10.20',
      '169.254.169.254',
      'fd00::1',
    ];
    const ports = [22, 80, 443, 3000, 4000, 8080, 8443, 8444, 9090, 18789];
    const opened: string[] = [];
    for (const pod of [PODS.gateway, PODS.litellm, PODS.cloudflared]) {
      for (const ip of ips) {
        for (const port of ports) {
          for (const protocol of ['TCP', 'UDP'] as const) {
            if (
              evaluator.egress(pod, { ip }, port, protocol).allowed &&
              !today.egress(pod, { ip }, port, protocol).allowed
            ) {
              opened.push(`${pod.name} ${ip} ${protocol}/${port}`);
            }
          }
        }
      }
    }
    expect(opened).toEqual([
      'openclaw 104.21.48.10 TCP/8443',
      'openclaw 2606:4700:3031::6815:300a TCP/8443',
      'openclaw 162.159.135.232 TCP/8443',
    ]);
  });

  test('the new rule names the job, and a note says the port is opened for it', () => {
    expect(file(rendered.tree, LOLICE_PATHS.networkPolicy)).toContain(
      '# cron webhook delivery on TCP 8443 for job "Daily usage report (8443)" (cron-receiver.b0xp.io)',
    );
    expect(rendered.wiring.cronJobs.notes).toEqual([
      'cron job "Daily usage report (8443)": webhook port 8443 is not a default internet egress port (80, 443); the gateway NetworkPolicy opens TCP 8443 to the internet (minus private ranges) for it',
    ]);
  });
});

describe('determinism and secrets', () => {
  test('two renders give byte-identical cron files and NetworkPolicies', () => {
    const a = renderWithNetworkAndCron(loliceConfig).tree;
    const b = renderWithNetworkAndCron(loliceConfig).tree;
    for (const path of [JOBS_DOCUMENT, APPLY_SCRIPT, LOLICE_PATHS.networkPolicy]) {
      expect(file(a, path)).toBe(file(b, path));
    }
  });

  test('declaration order does not change the files', () => {
    const jobs = loliceConfig.cronJobs ?? [];
    expect(jobs.length).toBe(2);
    const forward = renderWithNetworkAndCron(withJobs(jobs)).tree;
    const reversed = renderWithNetworkAndCron(withJobs([...jobs].reverse())).tree;
    expect(file(reversed, JOBS_DOCUMENT)).toBe(file(forward, JOBS_DOCUMENT));
    expect(file(reversed, APPLY_SCRIPT)).toBe(file(forward, APPLY_SCRIPT));
  });

  test('the webhook token never reaches the jobs document or the script', () => {
    const tree = renderWithNetworkAndCron(withJobs(loliceConfig.cronJobs ?? [])).tree;
    for (const path of [JOBS_DOCUMENT, APPLY_SCRIPT, LOLICE_PATHS.networkPolicy]) {
      const text = file(tree, path);
      expect(text).not.toContain('OPENCLAW_CRON_WEBHOOK_TOKEN');
      expect(text).not.toMatch(/webhookToken|Bearer [A-Za-z0-9]/);
    }
  });

  test('a literal webhook token is refused, and the refusal does not echo it', () => {
    const token = 'test-token-placeholder-must-not-leak';
    const config = withJobs(loliceConfig.cronJobs ?? [], {
      openclawConfig: {
        ...loliceConfig.openclawConfig,
        cron: { ...loliceConfig.openclawConfig.cron, webhookToken: token },
      },
    });
    let message = '';
    try {
      renderWithNetworkAndCron(config);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^\[env-placeholder-required\] config\.openclawConfig\.cron\.webhookToken: /);
    expect(message).not.toContain(token);
  });

  test('fails synth when a webhook URL carries a credential in its query (reported once)', () => {
    const leaky = {
      ...dailyUsageReportWebhookJob('https://cron-receiver.b0xp.io/openclaw/cron?token=abc&source=openclaw'),
      name: 'Leaky',
    };
    let message = '';
    try {
      renderWithNetworkAndCron(withJobs([leaky]));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.match(/carry credentials/g)).toHaveLength(1);
    expect(message).toMatch(
      /\[webhook-url-credential\] cron job "Leaky" delivery\.to: received query parameter\(s\) "token" that carry credentials/,
    );
    expect(message).not.toContain('abc');
  });
});

describe('validation against the graph', () => {
  test('fails synth when cron.webhookToken is not set in openclaw.json', () => {
    const { webhookToken: _token, ...cron } = loliceConfig.openclawConfig.cron ?? {};
    const config = withJobs(loliceConfig.cronJobs ?? [], { openclawConfig: { ...loliceConfig.openclawConfig, cron } });
    expect(() => renderWithNetworkAndCron(config)).toThrow(
      /cron job "Daily usage report": webhook delivery needs cron\.webhookToken so the receiver can authenticate the POST/,
    );
  });

  test('fails synth for an announce to Discord when the Discord plugin is disabled', () => {
    const openclawConfig = {
      ...loliceConfig.openclawConfig,
      plugins: { entries: { ...loliceConfig.openclawConfig.plugins?.entries, discord: { enabled: false } } },
    };
    expect(() => renderWithNetworkAndCron(withJobs(loliceConfig.cronJobs ?? [], { openclawConfig }))).toThrow(
      /cron job "Daily usage report \(Discord\)": delivery\.channel "discord" is not an enabled channel \(enabled: telegram\)/,
    );
  });

  test('fails synth for a Discord webhook URL in webhook mode', () => {
    const job = { ...dailyUsageReportWebhookJob('https://discord.com/api/webhooks/1/abc'), name: 'To Discord' };
    expect(() => renderWithNetworkAndCron(withJobs([job]))).toThrow(
      /cron job "To Discord": delivery\.to is a Discord webhook URL/,
    );
  });

  test('fails synth for duplicate job names, and writes no cron files', () => {
    const job = dailyUsageReportWebhookJob('https://cron-receiver.b0xp.io/openclaw/cron');
    expect(() => renderWithNetworkAndCron(withJobs([job, job]))).toThrow(
      /\[cron-job-name\] cron job "Daily usage report": is declared twice/,
    );
  });
});
