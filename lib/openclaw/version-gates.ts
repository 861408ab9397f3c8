import { OpenClawVersion } from './openclaw-version';
import { compareText } from '../core/compare-text';

/**
 * One table of what changed between OpenClaw releases that this project cares about: for each
 * change the first release that has it, what changed upstream, and how the project renders
 * `openclaw.json` (or what it can no longer deliver) on each side of the gate.
 *
 * The renderer (`render-config.ts`), the project's own validator (`validate-config.ts`), the cron
 * webhook checks and `npm run upgrade-check` all read this table; nothing else compares versions for
 * these features.
 *
 * How the first versions were found: the behaviour at 2026.2.19 and 2026.9.6 was observed with the
 * real config loader of each release; the first release in between was found by bisecting the
 * published packages of every stable release from 2026.2.19 to 2026.9.6 for the change (schema
 * text, bundled `extensions/` folders, docs).
 */

/** The features the gate table knows. */
export type OpenClawGateId =
  | 'discord-dm-policy-flat'
  | 'control-ui-insecure-auth-retired'
  | 'cron-webhook-ssrf-policy'
  | 'diagnostics-otel-unbundled'
  | 'discord-plugin-external'
  | 'cron-run-history-sqlite';

/**
 * - `layout`: the same setting is written at another path from `since` on;
 * - `removed`: a key the project writes is refused from `since` on, the project stops writing it;
 * - `gained`: something the project can use from `since` on;
 * - `lost`: something the project relies on is gone from `since` on and cannot be replaced here;
 * - `image`: the image has to bring something the release no longer bundles.
 */
export type OpenClawGateKind = 'layout' | 'removed' | 'gained' | 'lost' | 'image';

/** One row of the gate table. */
export interface OpenClawVersionGate {
  readonly id: OpenClawGateId;
  readonly kind: OpenClawGateKind;
  /** The first release with the change. */
  readonly since: OpenClawVersion;
  /** The newest release known without the change (the bisection's other end). */
  readonly lastWithout: OpenClawVersion;
  /** The `openclaw.json` paths (or package names) the change is about. */
  readonly subjects: readonly string[];
  /** What changed upstream, one sentence. */
  readonly changed: string;
  /** What the project renders (or relies on) before `since`. */
  readonly before: string;
  /** What the project renders (or loses) from `since` on. */
  readonly after: string;
}

const v = (text: string): OpenClawVersion => OpenClawVersion.parse(text);

/** The gate table, oldest gate first. */
export const OPENCLAW_VERSION_GATES: readonly OpenClawVersionGate[] = [
  {
    id: 'diagnostics-otel-unbundled',
    kind: 'lost',
    since: v('2026.5.2'),
    lastWithout: v('2026.4.29'),
    subjects: ['plugins.entries.diagnostics-otel', 'diagnostics.otel'],
    changed:
      'the diagnostics-otel plugin is no longer bundled (no extensions/diagnostics-otel) and ' +
      '@openclaw/diagnostics-otel is not on npm; the config still loads ("plugin not installed: ' +
      'diagnostics-otel" is only a warning)',
    before:
      'diagnostics.otel and plugins.entries.diagnostics-otel export the OTLP metrics the dashboard and alerts read',
    after:
      'the same keys are still written (accepted, inert); no OpenClaw metric reaches Prometheus, so synth ' +
      'refuses the version unless telemetry.requireOtelMetrics is false',
  },
  {
    id: 'discord-plugin-external',
    kind: 'image',
    since: v('2026.5.2'),
    lastWithout: v('2026.4.29'),
    subjects: ['channels.discord', 'plugins.entries.discord', '@openclaw/discord'],
    changed:
      'the Discord channel plugin left the core package: it is the external plugin @openclaw/discord (on npm, same ' +
      'version), and the gateway warns "plugin not installed: discord" without it',
    before: 'the bundled discord plugin serves channels.discord',
    after:
      'openclaw.json is unchanged; the image must install the plugin (openclaw plugins install @openclaw/discord) or ' +
      'the Discord channel does not start',
  },
  {
    id: 'cron-run-history-sqlite',
    kind: 'lost',
    since: v('2026.6.1'),
    lastWithout: v('2026.5.28'),
    subjects: ['~/.openclaw/cron/runs/<jobId>.jsonl'],
    changed:
      'cron jobs and run history live in the shared SQLite state database; existing runs/*.jsonl files are imported ' +
      'and archived as .migrated, new runs write no run-log file',
    before: 'the cron-run-log sidecar ships every run record from runs/*.jsonl to Loki',
    after: 'the sidecar finds no run-log records: the Loki cron panels and the cron failure alert see nothing',
  },
  {
    id: 'discord-dm-policy-flat',
    kind: 'layout',
    since: v('2026.5.18'),
    lastWithout: v('2026.5.12'),
    subjects: ['channels.discord.dm.policy', 'channels.discord.dm.allowFrom'],
    changed:
      'channels.discord.dm.{policy,allowFrom} are refused ("must not have additional properties"); the flat ' +
      'channels.discord.dmPolicy / channels.discord.allowFrom (accepted since at least 2026.2.19) are the only form; ' +
      '2026.5.18 is the first release whose published Discord schema no longer shows dm.policy (refusal observed ' +
      'at 2026.9.6); switching early is safe because the flat form is accepted on both sides',
    before: "channels.discord.dm: { policy, allowFrom } as written in the config (today's file)",
    after: 'channels.discord.dmPolicy and channels.discord.allowFrom; channels.discord.dm keeps only its other keys',
  },
  {
    id: 'control-ui-insecure-auth-retired',
    kind: 'removed',
    since: v('2026.8.1'),
    lastWithout: v('2026.7.35'),
    subjects: ['gateway.controlUi.allowInsecureAuth'],
    changed:
      'gateway.controlUi.allowInsecureAuth is retired and refused ("Unrecognized key"); the Control UI pairs over ' +
      'plain HTTP with a pure-JS Ed25519 device identity, and a public browser origin must be listed in ' +
      'gateway.controlUi.allowedOrigins',
    before: 'gateway.controlUi.allowInsecureAuth as written in the config',
    after:
      'the key is dropped (an empty controlUi object is dropped too); list the public Control UI origin (the tunnel ' +
      'hostname) in gateway.controlUi.allowedOrigins in the config',
  },
  {
    id: 'cron-webhook-ssrf-policy',
    kind: 'gained',
    since: v('2026.8.1'),
    lastWithout: v('2026.7.35'),
    subjects: ['cron.webhookSsrfPolicy.allowedHostnames'],
    changed:
      'cron.webhookSsrfPolicy (allowedHostnames, blockedHostnames, dangerouslyAllowPrivateNetwork, …) lets exact ' +
      'hosts through the webhook SSRF guard; before, the guard had no override and the key is refused',
    before: 'no policy: an in-cluster webhook receiver is refused at synth (the POST would be dropped)',
    after:
      'jobs may target an in-cluster receiver (declare receiver: { namespace, podLabels, port }); its exact host is ' +
      'rendered into cron.webhookSsrfPolicy.allowedHostnames and the egress rule is generated',
  },
];

/** The gate row of `id`. */
export function versionGate(id: OpenClawGateId): OpenClawVersionGate {
  const gate = OPENCLAW_VERSION_GATES.find((g) => g.id === id);
  if (gate === undefined) {
    throw new Error(`openclaw version gate "${id}" is not in the gate table: add a row to OPENCLAW_VERSION_GATES`);
  }
  return gate;
}

/** True when `version` is on the new side of gate `id` (at or after its first release). */
export function gateOpen(id: OpenClawGateId, version: OpenClawVersion): boolean {
  return version.isAtLeast(versionGate(id).since);
}

/**
 * The gates whose first release is in `(from, to]` when upgrading (or `(to, from]` when
 * downgrading), oldest first.
 */
export function gatesCrossed(from: OpenClawVersion, to: OpenClawVersion): OpenClawVersionGate[] {
  const [low, high] = from.compare(to) <= 0 ? [from, to] : [to, from];
  return OPENCLAW_VERSION_GATES.filter((gate) => gate.since.compare(low) > 0 && gate.since.compare(high) <= 0).sort(
    (a, b) => a.since.compare(b.since) || compareText(a.id, b.id),
  );
}
