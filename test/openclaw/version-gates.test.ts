import { loliceConfig } from '../../config/lolice';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { dailyUsageReportWebhookJob } from '../../lib/cron/usage-report-jobs';
import { cronWebhookAllowedHostnames } from '../../lib/cron/webhook-allowed-hostnames';
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { renderOpenClawConfig, renderOpenClawConfigWithChanges } from '../../lib/openclaw/render-config';
import { validateOpenClawConfig } from '../../lib/openclaw/validate-config';
import { gateOpen, gatesCrossed, OPENCLAW_VERSION_GATES, versionGate } from '../../lib/openclaw/version-gates';
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';

const V = (text: string): OpenClawVersion => OpenClawVersion.parse(text);
const TODAY = V('2026.2.19');
const TARGET = V('2026.9.6');
const AUTHORED = loliceConfig.openclawConfig;

const inClusterJob: CronJobDeclaration = {
  ...dailyUsageReportWebhookJob('http://cron-receiver.observability.svc.cluster.local:8080/openclaw/cron'),
  name: 'Daily usage report (in-cluster)',
  receiver: { namespace: 'observability', podLabels: { 'app.kubernetes.io/name': 'cron-receiver' }, port: 8080 },
};

afterAll(removeTempDirs);

describe('the gate table', () => {
  test('has one row per feature, each with a first release after the one it was bisected against', () => {
    const ids = OPENCLAW_VERSION_GATES.map((gate) => gate.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const gate of OPENCLAW_VERSION_GATES) {
      expect(gate.since.compare(gate.lastWithout), gate.id).toBeGreaterThan(0);
      expect(gate.changed.length, gate.id).toBeGreaterThan(20);
      expect(gate.subjects.length, gate.id).toBeGreaterThan(0);
    }
  });

  test('release numbers above 31 parse and order (npm has 2026.7.33 – 2026.7.35 before 2026.8.1)', () => {
    expect(V('2026.7.35').compare(V('2026.7.33'))).toBeGreaterThan(0);
    expect(V('2026.7.35').compare(V('2026.8.1'))).toBeLessThan(0);
    expect(() => V('2026.13.1')).toThrow(/month 1-12/);
  });

  test('every gate is closed for 2026.2.19 and open for 2026.9.6', () => {
    for (const gate of OPENCLAW_VERSION_GATES) {
      expect(gateOpen(gate.id, TODAY), gate.id).toBe(false);
      expect(gateOpen(gate.id, TARGET), gate.id).toBe(true);
      expect(gateOpen(gate.id, gate.since), gate.id).toBe(true);
      expect(gateOpen(gate.id, gate.lastWithout), gate.id).toBe(false);
    }
  });

  test('gatesCrossed lists the gates between two releases, oldest first, in either direction', () => {
    const up = gatesCrossed(TODAY, TARGET).map((gate) => gate.id);
    expect(up).toHaveLength(OPENCLAW_VERSION_GATES.length);
    expect(up.indexOf('diagnostics-otel-unbundled')).toBeLessThan(up.indexOf('cron-webhook-ssrf-policy'));
    expect(gatesCrossed(TARGET, TODAY).map((gate) => gate.id)).toEqual(up);
    expect(gatesCrossed(TODAY, TODAY)).toEqual([]);
    const ssrf = versionGate('cron-webhook-ssrf-policy');
    expect(gatesCrossed(ssrf.lastWithout, ssrf.since).map((gate) => gate.id)).toContain('cron-webhook-ssrf-policy');
    expect(gatesCrossed(ssrf.since, TARGET).map((gate) => gate.id)).not.toContain('cron-webhook-ssrf-policy');
  });
});

describe('rendering openclaw.json per release', () => {
  test('2026.2.19 gets the authored document back unchanged (the default output stays byte-identical)', () => {
    const rendered = renderOpenClawConfigWithChanges(AUTHORED, { version: TODAY });
    expect(rendered.document).toBe(AUTHORED);
    expect(rendered.changes).toEqual([]);
  });

  test('2026.9.6 gets dmPolicy/allowFrom where dm was, no allowInsecureAuth, and nothing else changed', () => {
    const { document, changes } = renderOpenClawConfigWithChanges(AUTHORED, { version: TARGET });
    const discord = document.channels?.discord ?? {};
    expect(discord.dmPolicy).toBe('allowlist');
    expect(discord.allowFrom).toEqual((AUTHORED.channels?.discord?.dm as { allowFrom: unknown }).allowFrom);
    expect(discord.dm).toEqual({ enabled: true });
    expect(Object.keys(discord).indexOf('dmPolicy')).toBe(Object.keys(AUTHORED.channels?.discord ?? {}).indexOf('dm'));
    expect(document.gateway?.controlUi).toBeUndefined();
    expect(changes.map((c) => c.gate).sort()).toEqual([
      'control-ui-insecure-auth-retired',
      'discord-dm-policy-flat',
      'discord-dm-policy-flat',
    ]);
    const { channels: _c, gateway: _g, ...restRendered } = document;
    const { channels: _ac, gateway: _ag, ...restAuthored } = AUTHORED;
    expect(restRendered).toEqual(restAuthored);
  });

  test('the gate boundary: the release before a gate renders the old layout, its first release the new one', () => {
    const dm = versionGate('discord-dm-policy-flat');
    expect(renderOpenClawConfig(AUTHORED, { version: dm.lastWithout }).channels?.discord?.dm).toEqual(
      AUTHORED.channels?.discord?.dm,
    );
    expect(renderOpenClawConfig(AUTHORED, { version: dm.since }).channels?.discord?.dmPolicy).toBe('allowlist');
  });

  test('in-cluster webhook receivers become cron.webhookSsrfPolicy.allowedHostnames from the gate on', () => {
    expect(cronWebhookAllowedHostnames([inClusterJob], TODAY)).toEqual([]);
    const hosts = cronWebhookAllowedHostnames([inClusterJob, inClusterJob], TARGET);
    expect(hosts).toEqual(['cron-receiver.observability.svc.cluster.local']);
    const document = renderOpenClawConfig(AUTHORED, { version: TARGET, cronWebhookAllowedHostnames: hosts });
    expect(document.cron?.webhookSsrfPolicy).toEqual({ allowedHostnames: hosts });
    expect(() => renderOpenClawConfig(AUTHORED, { version: TODAY, cronWebhookAllowedHostnames: hosts })).toThrow(
      /cron-webhook-ssrf-policy, from 2026\.8\.1/,
    );
  });

  test('allowedHostnames merges the authored hosts with the receivers, sorted, and keeps the key order', () => {
    const authored = {
      cron: { webhookSsrfPolicy: { allowedHostnames: ['z.example.com'], other: true }, enabled: true },
      gateway: { mode: 'local' },
    } as unknown as OpenClawConfigDocument;
    const { document, changes } = renderOpenClawConfigWithChanges(authored, {
      version: TARGET,
      cronWebhookAllowedHostnames: ['b.observability.svc.cluster.local', 'a.observability.svc.cluster.local'],
    });
    expect(document).toEqual({
      cron: {
        webhookSsrfPolicy: {
          allowedHostnames: ['a.observability.svc.cluster.local', 'b.observability.svc.cluster.local', 'z.example.com'],
          other: true,
        },
        enabled: true,
      },
      gateway: { mode: 'local' },
    });
    expect(Object.keys(document)).toEqual(['cron', 'gateway']);
    expect(Object.keys(document.cron ?? {})).toEqual(['webhookSsrfPolicy', 'enabled']);
    expect(Object.keys(document.cron?.webhookSsrfPolicy ?? {})).toEqual(['allowedHostnames', 'other']);
    expect(changes.map((c) => c.description)).toEqual([
      'cron.webhookSsrfPolicy.allowedHostnames += "a.observability.svc.cluster.local" (in-cluster webhook receiver)',
      'cron.webhookSsrfPolicy.allowedHostnames += "b.observability.svc.cluster.local" (in-cluster webhook receiver)',
    ]);
  });

  test('fails when the authored document sets dm.policy and dmPolicy to different values', () => {
    const conflicting: OpenClawConfigDocument = {
      channels: { discord: { dmPolicy: 'open', dm: { policy: 'allowlist' } } },
    };
    expect(() => renderOpenClawConfig(conflicting, { version: TARGET })).toThrow(
      /channels\.discord: dm\.policy and dmPolicy are both set and differ/,
    );
  });
});

describe('our validator follows the same gates', () => {
  test("the 2026.9.6 rendering passes the structure checks for 2026.9.6; today's file does not", () => {
    const target = renderOpenClawConfig(AUTHORED, { version: TARGET });
    expect(validateOpenClawConfig(target, { version: TARGET })).toEqual([]);
    const errors = validateOpenClawConfig(AUTHORED, { version: TARGET }).join('\n');
    expect(errors).toContain('openclaw.json gateway.controlUi.allowInsecureAuth: received true');
    expect(errors).toContain('(gate control-ui-insecure-auth-retired, from 2026.8.1)');
    expect(errors).toContain('openclaw.json channels.discord.dm.policy: received "allowlist"');
    expect(errors).toContain('move it to channels.discord.dmPolicy');
  });

  test('cron.webhookSsrfPolicy is refused before its gate and checked strictly after it', () => {
    const withPolicy = (policy: Record<string, unknown>): OpenClawConfigDocument =>
      ({ ...AUTHORED, cron: { ...AUTHORED.cron, webhookSsrfPolicy: policy } }) as OpenClawConfigDocument;
    expect(validateOpenClawConfig(withPolicy({ allowedHostnames: ['a.b'] }), { version: TODAY }).join('\n')).toContain(
      'has no cron webhook ssrf policy (gate cron-webhook-ssrf-policy, from 2026.8.1)',
    );
    const current = renderOpenClawConfig(withPolicy({ allowedHostnames: ['a.b'] }), { version: TARGET });
    expect(validateOpenClawConfig(current, { version: TARGET })).toEqual([]);
    const typo = renderOpenClawConfig(withPolicy({ allowedHosts: ['a.b'] }), { version: TARGET });
    expect(validateOpenClawConfig(typo, { version: TARGET }).join('\n')).toContain(
      'cron.webhookSsrfPolicy.allowedHosts: received the unknown key "allowedHosts"',
    );
  });

  test('requiring otel metrics fails from the release that dropped diagnostics-otel, naming the gate', () => {
    const target = renderOpenClawConfig(AUTHORED, { version: TARGET });
    const errors = validateOpenClawConfig(target, { version: TARGET, requireOtelMetrics: true }).join('\n');
    expect(errors).toContain('no longer bundles diagnostics-otel (gate diagnostics-otel-unbundled, from 2026.5.2)');
    expect(errors).toContain('set telemetry.requireOtelMetrics to false');
    expect(validateOpenClawConfig(AUTHORED, { version: TODAY, requireOtelMetrics: true })).toEqual([]);
  });
});

describe('the app renders by openclawVersion', () => {
  test('synth for 2026.9.6 (metrics knowingly given up) writes the new layout into the ConfigMap', () => {
    const config = configVariant((draft) => {
      draft.openclawVersion = '2026.9.6';
      draft.telemetry = { ...draft.telemetry, requireOtelMetrics: false };
    });
    const tree = buildApp(config).renderLolice();
    const text = tree.get('argoproj/openclaw/configmap-openclaw.yaml') ?? '';
    expect(text).toContain('"dmPolicy": "allowlist"');
    expect(text).not.toContain('allowInsecureAuth');
  });

  test('fails synth for 2026.9.6 while telemetry.requireOtelMetrics is on, because no metric would be exported', () => {
    const config = configVariant((draft) => {
      draft.openclawVersion = '2026.9.6';
    });
    expect(() => buildApp(config).renderLolice()).toThrow(/no longer bundles diagnostics-otel/);
  });

  test('an in-cluster webhook receiver synthesizes on 2026.9.6 with its host in allowedHostnames, and fails on 2026.2.19', () => {
    const on = (version: string) =>
      configVariant((draft) => {
        draft.openclawVersion = version;
        draft.telemetry = { ...draft.telemetry, requireOtelMetrics: false };
        draft.cronJobs = [structuredClone(inClusterJob) as NonNullable<typeof draft.cronJobs>[number]];
        draft.network = {
          ...draft.network,
          clusterServices: [
            ...(draft.network?.clusterServices ?? []),
            {
              name: 'cron-receiver',
              namespace: 'observability',
              podLabels: { 'app.kubernetes.io/name': 'cron-receiver' },
              ports: [{ port: 8080, targetPort: 8080 }],
              description: 'a test webhook receiver',
            },
          ],
        };
      });
    const app = buildApp(on('2026.9.6'));
    const tree = app.renderLolice();
    expect(tree.get('argoproj/openclaw/configmap-openclaw.yaml')).toContain(
      '"cron-receiver.observability.svc.cluster.local"',
    );
    expect(app.network.cronJobs.egressRequirements).toEqual([
      expect.objectContaining({ kind: 'in-cluster', namespace: 'observability', port: 8080 }),
    ]);
    expect(() => buildApp(on('2026.2.19')).renderLolice()).toThrow(/blocked by the SSRF guard/);
  });
});
