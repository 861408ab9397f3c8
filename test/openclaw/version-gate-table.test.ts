/**
 * The gate table's facts (`lib/openclaw/version-gates.ts`): each gate's first release, the release it
 * was bisected against, its kind and subjects, as docs/real-openclaw-and-upgrades.md states them, and
 * the lookups every version rule goes through. `version-gates.test.ts` renders and synthesizes by them.
 */
import { readFileSync } from 'node:fs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import {
  gateOpen,
  gatesCrossed,
  OPENCLAW_VERSION_GATES,
  versionGate,
  type OpenClawGateId,
} from '../../lib/openclaw/version-gates';
import { REPO_ROOT } from '../support/openclaw-ops-harness';

const V = (text: string): OpenClawVersion => OpenClawVersion.parse(text);

test('each gate: kind, first release, the release bisected against, and what it is about', () => {
  expect(OPENCLAW_VERSION_GATES.map((g) => [g.id, g.kind, `${g.since}`, `${g.lastWithout}`, g.subjects])).toEqual([
    [
      'diagnostics-otel-unbundled',
      'lost',
      '2026.5.2',
      '2026.4.29',
      ['plugins.entries.diagnostics-otel', 'diagnostics.otel'],
    ],
    [
      'discord-plugin-external',
      'image',
      '2026.5.2',
      '2026.4.29',
      ['channels.discord', 'plugins.entries.discord', '@openclaw/discord'],
    ],
    ['cron-run-history-sqlite', 'lost', '2026.6.1', '2026.5.28', ['~/.openclaw/cron/runs/<jobId>.jsonl']],
    [
      'discord-dm-policy-flat',
      'layout',
      '2026.5.18',
      '2026.5.12',
      ['channels.discord.dm.policy', 'channels.discord.dm.allowFrom'],
    ],
    ['control-ui-insecure-auth-retired', 'removed', '2026.8.1', '2026.7.35', ['gateway.controlUi.allowInsecureAuth']],
    ['cron-webhook-ssrf-policy', 'gained', '2026.8.1', '2026.7.35', ['cron.webhookSsrfPolicy.allowedHostnames']],
  ]);
});

test('the docs table lists every gate with its first release and kind', () => {
  const doc = readFileSync(`${REPO_ROOT}/docs/real-openclaw-and-upgrades.md`, 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` +\| (\d{4}\.\d+\.\d+) +\| ([a-z]+) +\|/gm)].map((m) => [
    m[1],
    m[2],
    m[3],
  ]);
  expect(rows.sort()).toEqual(OPENCLAW_VERSION_GATES.map((g) => [g.id, `${g.since}`, g.kind]).sort());
});

test('every text of a row is a lowercase-led phrase without a trailing period', () => {
  for (const gate of OPENCLAW_VERSION_GATES) {
    for (const text of [gate.changed, gate.before, gate.after]) {
      expect(text, gate.id).toMatch(/^[a-z"~(@]/);
      expect(text, gate.id).not.toMatch(/\.$|\s{2}|^\s|\s$/);
    }
  }
});

test('a gate is looked up by id; an id outside the table is refused with the fix', () => {
  expect(versionGate('cron-webhook-ssrf-policy').since.toString()).toBe('2026.8.1');
  expect(() => versionGate('no-such-gate' as OpenClawGateId)).toThrow(
    new Error('openclaw version gate "no-such-gate" is not in the gate table: add a row to OPENCLAW_VERSION_GATES'),
  );
});

test('a gate is open from its first release on', () => {
  expect(gateOpen('discord-dm-policy-flat', V('2026.5.17'))).toBe(false);
  expect(gateOpen('discord-dm-policy-flat', V('2026.5.18'))).toBe(true);
  expect(gateOpen('discord-dm-policy-flat', V('2026.5.19'))).toBe(true);
});

test('gatesCrossed: first releases in (low, high], by first release then id, either direction', () => {
  const ids = (from: string, to: string): string[] => gatesCrossed(V(from), V(to)).map((g) => g.id);
  expect(ids('2026.4.29', '2026.5.18')).toEqual([
    'diagnostics-otel-unbundled',
    'discord-plugin-external',
    'discord-dm-policy-flat',
  ]);
  expect(ids('2026.5.18', '2026.4.29')).toEqual(ids('2026.4.29', '2026.5.18'));
  expect(ids('2026.5.2', '2026.5.18')).toEqual(['discord-dm-policy-flat']);
  expect(ids('2026.5.2', '2026.5.17')).toEqual([]);
  expect(ids('2026.7.35', '2026.8.1')).toEqual(['control-ui-insecure-auth-retired', 'cron-webhook-ssrf-policy']);
  expect(ids('2026.5.28', '2026.6.1')).toEqual(['cron-run-history-sqlite']);
  // the table is not in release order (6.1 before 5.18): the result is
  expect(ids('2026.5.12', '2026.6.1')).toEqual(['discord-dm-policy-flat', 'cron-run-history-sqlite']);
  expect(ids('2026.6.1', '2026.5.12')).toEqual(['discord-dm-policy-flat', 'cron-run-history-sqlite']);
});
