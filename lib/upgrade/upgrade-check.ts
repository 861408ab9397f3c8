import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenClawOpsConfig } from '../config/openclaw-ops-config';
import { cronWebhookAllowedHostnames } from '../cron/webhook-allowed-hostnames';
import type { AlertRule } from '../observability/alerting/alert-rule';
import { CRON_RUN_KIND } from '../telemetry/loki-streams';
import {
  OPENCLAW_APP_DASHBOARD_TITLE,
  type DashboardQueryRef,
} from '../observability/dashboard/openclaw-app-dashboard';
import { findEnvPlaceholders } from '../openclaw/env-placeholders';
import { OpenClawVersion } from '../openclaw/openclaw-version';
import { ensureOpenClawRelease, type OpenClawRelease } from '../openclaw/release/ensure-release';
import {
  validateConfigsWithRelease,
  type RealConfigIssue,
  type RealConfigVerdict,
} from '../openclaw/release/release-probe';
import { renderOpenClawConfigWithChanges } from '../openclaw/render-config';
import { loadOpenClawReleaseSpec, RELEASE_SPECS_DIR } from '../openclaw/release/release-spec';
import { checkAgainstReleaseSchema } from '../openclaw/schema/check-release-schema';
import {
  CONFIG_SCHEMA_FILE,
  hasReleaseSchema,
  loadReleaseSchema,
  SCHEMA_PROVENANCE_FILE,
  schemaExtractCommand,
} from '../openclaw/schema/release-schema-files';
import { loadReleaseSchemaValidator } from '../openclaw/schema/release-schema-validator';
import { diffSchemasForDocument, type SchemaChange } from '../openclaw/schema/schema-diff';
import { validateOpenClawConfig } from '../openclaw/validate-config';
import { gatesCrossed, type OpenClawGateId, type OpenClawGateKind } from '../openclaw/version-gates';

/** One gate crossed by the upgrade, as reported. */
export interface CrossedGate {
  readonly id: OpenClawGateId;
  readonly kind: OpenClawGateKind;
  readonly since: string;
  readonly changed: string;
  readonly before: string;
  readonly after: string;
  /** What goes dark or becomes possible in this deployment (dashboard panels, alerts), for lost/gained gates. */
  readonly consequences: readonly string[];
}

/** What `npm run upgrade-check` found. */
export interface UpgradeReport {
  /** The release the config is for today (`openclawVersion`). */
  readonly from: string;
  readonly to: string;
  /** The target's `engines.node` and the Node version its install runs. */
  readonly node: { readonly required: string; readonly installed: string };
  /** True when the target's real loader accepts the config rendered for the target. */
  readonly accepted: boolean;
  /** What the target refuses in the file rendered for `from` (found round by round: its loader stops early). */
  readonly refusedToday: readonly RealConfigIssue[];
  /** What the target refuses in the file rendered for `to` (empty when accepted). */
  readonly refusedTarget: readonly RealConfigIssue[];
  /** The target loader's warnings about the file rendered for `to`. */
  readonly targetWarnings: readonly RealConfigIssue[];
  /** What the project renders differently for the target (path-level changes). */
  readonly projectChanges: readonly { readonly gate: string; readonly change: string }[];
  /** Every gate between `from` and `to`, oldest first. */
  readonly gates: readonly CrossedGate[];
  /** The project's own checks of the target rendering (what `npm run synth` would refuse on the target). */
  readonly projectChecks: readonly string[];
  /**
   * Where the verdicts come from: `schemas`, the committed schemas of both releases (nothing is
   * installed); `real-loader`, the target release installed and its config loader run.
   */
  readonly source: UpgradeCheckSource;
  /** What the target's schema drops or adds along the paths today's file uses (schemas only). */
  readonly schemaChanges: readonly SchemaChange[];
  /** Milliseconds: release install (0 when cached), real validation, whole check. */
  readonly timings: { readonly installMs: number; readonly validateMs: number; readonly totalMs: number };
}

/** Where `npm run upgrade-check` takes its verdicts from. */
export type UpgradeCheckSource = 'schemas' | 'real-loader';

/** Options of {@link runUpgradeCheck}. */
export interface UpgradeCheckOptions {
  /** The deployment model (normally `config/lolice.ts`). */
  readonly config: OpenClawOpsConfig;
  /** Every query of the dashboard built from `config` (a lost feature names the panels that go flat). */
  readonly dashboardQueries: readonly DashboardQueryRef[];
  /** Every alert rule built from `config` (a lost feature names the alerts that fire or go quiet). */
  readonly alertRules: readonly AlertRule[];
  /** The target release, `YYYY.M.D`. */
  readonly to: string;
  /**
   * `schemas`: validate against the committed schemas (`openclaw-releases/<version>/config-schema.json`),
   * installing nothing; a target without one is an error naming the command that extracts it.
   * `real-loader`: install the target and run its config loader.
   * @default 'schemas'
   */
  readonly source?: UpgradeCheckSource;
  /** @default ensureOpenClawRelease */
  readonly ensureRelease?: (version: string) => Promise<OpenClawRelease>;
  /** @default validateConfigsWithRelease */
  readonly validate?: (
    release: OpenClawRelease,
    documents: ReadonlyMap<string, unknown>,
    options: { readonly env: Readonly<Record<string, string>> },
  ) => Promise<Map<string, RealConfigVerdict>>;
}

/** Most rounds of "remove what was refused, validate again" for today's file. */
const MAX_ROUNDS = 4;

/**
 * Installs the target release (cached), renders the config for today's release and for the target,
 * runs the target's real config loader on both, and lists the gates crossed with what they mean here.
 */
export async function runUpgradeCheck(options: UpgradeCheckOptions): Promise<UpgradeReport> {
  const started = Date.now();
  const from = OpenClawVersion.parse(options.config.openclawVersion);
  const to = OpenClawVersion.parse(options.to);
  const jobs = options.config.cronJobs ?? [];
  const authored = options.config.openclawConfig;
  const today = renderOpenClawConfigWithChanges(authored, {
    version: from,
    cronWebhookAllowedHostnames: cronWebhookAllowedHostnames(jobs, from),
  });
  const target = renderOpenClawConfigWithChanges(authored, {
    version: to,
    cronWebhookAllowedHostnames: cronWebhookAllowedHostnames(jobs, to),
  });

  if ((options.source ?? 'schemas') === 'schemas') {
    return checkWithSchemas(options, from, to, today, target, started);
  }

  const installStarted = Date.now();
  const release = await (options.ensureRelease ?? ensureOpenClawRelease)(to.toString());
  const installMs = Date.now() - installStarted;

  const validate = options.validate ?? validateConfigsWithRelease;
  const env = placeholderEnv(today.document, target.document);
  const validateStarted = Date.now();
  const first = await validate(
    release,
    new Map<string, unknown>([
      ['today', today.document],
      ['target', target.document],
    ]),
    { env },
  );
  const targetVerdict = first.get('target');
  let todayVerdict = first.get('today');
  if (!targetVerdict || !todayVerdict) {
    const answered = [...first.keys()].join(', ') || 'nothing';
    throw new Error(`openclaw ${to} validator answered for ${answered}, expected today and target`);
  }
  const refusedToday: RealConfigIssue[] = [...todayVerdict.issues];
  let peeled: unknown = today.document;
  for (let round = 1; round < MAX_ROUNDS && !todayVerdict.valid && todayVerdict.issues.length > 0; round++) {
    peeled = withoutPaths(
      peeled,
      todayVerdict.issues.map((issue) => issue.path),
    );
    const next = (await validate(release, new Map([['today', peeled]]), { env })).get('today');
    if (!next) {
      break;
    }
    todayVerdict = next;
    const seen = (i: RealConfigIssue): boolean =>
      refusedToday.some((r) => r.path === i.path && r.message === i.message);
    refusedToday.push(...next.issues.filter((i) => !seen(i)));
  }
  const validateMs = Date.now() - validateStarted;

  const requireOtelMetrics = options.config.telemetry?.requireOtelMetrics ?? true;
  const projectChecks = validateOpenClawConfig(target.document, { version: to, requireOtelMetrics });
  const gates = crossedGates(from, to, options);
  return {
    from: from.toString(),
    to: to.toString(),
    node: { required: readEnginesNode(release), installed: release.nodeVersion },
    accepted: targetVerdict.valid,
    refusedToday,
    refusedTarget: targetVerdict.issues,
    targetWarnings: targetVerdict.warnings,
    projectChanges: target.changes.map((c) => ({ gate: c.gate, change: c.description })),
    gates,
    projectChecks,
    source: 'real-loader',
    schemaChanges: [],
    timings: { installMs, validateMs, totalMs: Date.now() - started },
  };
}

type Rendered = ReturnType<typeof renderOpenClawConfigWithChanges>;

/** The check from the committed schemas of both releases: nothing is installed or run. */
function checkWithSchemas(
  options: UpgradeCheckOptions,
  from: OpenClawVersion,
  to: OpenClawVersion,
  today: Rendered,
  target: Rendered,
  started: number,
): UpgradeReport {
  const targetSchema = loadReleaseSchemaValidator(to.toString());
  if (!targetSchema) {
    throw new Error(
      `openclaw ${to} has no committed schema (openclaw-releases/${to}/${CONFIG_SCHEMA_FILE}): ` +
        `run \`${schemaExtractCommand(to.toString())}\` to extract it, then check again`,
    );
  }
  const validateStarted = Date.now();
  const asIssues = (doc: unknown): RealConfigIssue[] =>
    checkAgainstReleaseSchema(JSON.parse(JSON.stringify(doc)), targetSchema).map((issue) => ({
      path: issue.path,
      message: `received ${issue.received}, expected ${issue.expected}; ${issue.fix}`,
    }));
  const refusedToday = asIssues(today.document);
  const refusedTarget = asIssues(target.document);
  const fromSchema = hasReleaseSchema(from.toString()) ? loadReleaseSchema(from.toString()) : undefined;
  const schemaChanges = fromSchema
    ? diffSchemasForDocument(fromSchema.schema, targetSchema.schema.schema, JSON.parse(JSON.stringify(today.document)))
    : [];
  const validateMs = Date.now() - validateStarted;
  const requireOtelMetrics = options.config.telemetry?.requireOtelMetrics ?? true;
  const projectChecks = validateOpenClawConfig(target.document, { version: to, requireOtelMetrics });
  const spec = loadOpenClawReleaseSpec(to.toString());
  return {
    from: from.toString(),
    to: to.toString(),
    node: {
      required: `node ${spec.nodeMajor} (openclaw-releases/${to}/package.json)`,
      installed: `${readProvenanceNode(to.toString())} when its schema was extracted; nothing installed now`,
    },
    accepted: refusedTarget.length === 0,
    refusedToday,
    refusedTarget,
    targetWarnings: [],
    projectChanges: target.changes.map((c) => ({ gate: c.gate, change: c.description })),
    gates: crossedGates(from, to, options),
    projectChecks,
    source: 'schemas',
    schemaChanges,
    timings: { installMs: 0, validateMs, totalMs: Date.now() - started },
  };
}

function readProvenanceNode(version: string): string {
  try {
    const file = join(RELEASE_SPECS_DIR, version, SCHEMA_PROVENANCE_FILE);
    return (JSON.parse(readFileSync(file, 'utf8')) as { node?: string }).node ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** An obviously fake value for every `${VAR}` either document references (the loader refuses missing ones). */
function placeholderEnv(...documents: unknown[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const doc of documents) {
    for (const { name } of findEnvPlaceholders(doc)) {
      env[name] = `upgrade-check-placeholder-${name.toLowerCase().replace(/_/g, '-')}`;
    }
  }
  return env;
}

/** A copy of `doc` without the dotted `paths` (the whole document for `''` is kept). */
function withoutPaths(doc: unknown, paths: readonly string[]): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  for (const path of paths.filter((p) => p !== '')) {
    const parts = path.split('.');
    let node: unknown = copy;
    for (const part of parts.slice(0, -1)) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (typeof node === 'object' && node !== null) {
      delete (node as Record<string, unknown>)[parts[parts.length - 1]!];
    }
  }
  return copy;
}

function readEnginesNode(release: OpenClawRelease): string {
  try {
    const pkg = JSON.parse(readFileSync(join(release.packageDir, 'package.json'), 'utf8')) as {
      readonly engines?: { readonly node?: string };
    };
    return pkg.engines?.node ?? 'not declared';
  } catch {
    return 'unknown (no readable package.json)';
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}

/** The gates between two releases, each with what it means for this deployment. */
function crossedGates(from: OpenClawVersion, to: OpenClawVersion, options: UpgradeCheckOptions): CrossedGate[] {
  return gatesCrossed(from, to).map((gate) => ({
    id: gate.id,
    kind: gate.kind,
    since: gate.since.toString(),
    changed: gate.changed,
    before: gate.before,
    after: gate.after,
    consequences: consequencesOf(gate.id, options.dashboardQueries, options.alertRules),
  }));
}

/** What a gate means for this deployment's dashboard and alerts. */
function consequencesOf(
  id: OpenClawGateId,
  queries: readonly DashboardQueryRef[],
  rules: readonly AlertRule[],
): string[] {
  switch (id) {
    case 'diagnostics-otel-unbundled': {
      const panels = unique(queries.filter((q) => q.language === 'promql').map((q) => `${q.row} / ${q.panel}`));
      const promRules = rules.filter((r) => r.language === 'promql');
      const firing = promRules.filter((r) => r.expr.includes('absent_over_time(')).map((r) => r.name);
      const quiet = promRules.filter((r) => !r.expr.includes('absent_over_time(')).map((r) => r.name);
      return [
        'no OpenClaw metric reaches Prometheus: the OTLP push stops with the plugin',
        `alert ${firing.join(', ') || '(none)'} fires (no OpenClaw series while the gateway runs)`,
        `alerts that go quiet (no data counts as OK): ${quiet.join(', ') || 'none'}`,
        `dashboard "${OPENCLAW_APP_DASHBOARD_TITLE}" panels that go flat (${panels.length}): ${panels.join('; ')}`,
      ];
    }
    case 'cron-run-history-sqlite': {
      const marker = `"kind":"${CRON_RUN_KIND}"`;
      const panels = unique(
        queries.filter((q) => q.language === 'logql' && q.expr.includes(marker)).map((q) => `${q.row} / ${q.panel}`),
      );
      const quiet = rules.filter((r) => r.language === 'logql' && r.expr.includes(marker)).map((r) => r.name);
      return [
        'the cron-run-log sidecar finds no run-log records to ship',
        `alerts that go quiet: ${quiet.join(', ') || 'none'}`,
        `dashboard "${OPENCLAW_APP_DASHBOARD_TITLE}" panels that go flat (${panels.length}): ${panels.join('; ')}`,
      ];
    }
    case 'cron-webhook-ssrf-policy':
      return [
        'cron webhooks to in-cluster receivers (a Service in the cluster) become possible: declare ' +
          'receiver: { namespace, podLabels, port } on the job; the host goes into allowedHostnames',
      ];
    case 'discord-plugin-external':
      return ['the image must run `openclaw plugins install @openclaw/discord` (pinned to the same version)'];
    default:
      return [];
  }
}

/** The report as text: sections in a fixed order, no timestamps or absolute paths. */
export function formatUpgradeReport(report: UpgradeReport): string {
  const lines: string[] = [];
  const verdict = report.accepted
    ? `ACCEPTED: openclaw ${report.to} accepts the config rendered for it`
    : `REFUSED: openclaw ${report.to} refuses the config rendered for it`;
  const source =
    report.source === 'schemas'
      ? `(from the committed schemas of ${report.from} and ${report.to}; nothing installed)`
      : `(the real ${report.to} config loader)`;
  lines.push(`upgrade-check: openclaw ${report.from} → ${report.to} ${source}`, verdict, '');
  const issueLines = (issues: readonly RealConfigIssue[]): string[] =>
    issues.length === 0 ? ['  (none)'] : issues.map((i) => `  - ${i.path || '<root>'}: ${i.message}`);
  lines.push(`Keys openclaw ${report.to} refuses in today's file (rendered for ${report.from}):`);
  lines.push(...issueLines(report.refusedToday), '');
  lines.push(`Keys openclaw ${report.to} refuses in the file rendered for ${report.to}:`);
  lines.push(...issueLines(report.refusedTarget), '');
  if (report.source === 'schemas') {
    lines.push(`What the schema of ${report.to} drops or adds along the paths today's file uses (vs ${report.from}):`);
    lines.push(
      ...(report.schemaChanges.length === 0
        ? ['  (nothing)']
        : report.schemaChanges.map((c) => `  - ${c.path}: ${c.kind} (${c.detail})`)),
      '',
    );
  }
  lines.push(`What the project changes for ${report.to}:`);
  lines.push(
    ...(report.projectChanges.length === 0
      ? ['  (nothing: the file is the same)']
      : report.projectChanges.map((c) => `  - ${c.change} [${c.gate}]`)),
  );
  lines.push('');
  const section = (title: string, kinds: readonly OpenClawGateKind[]): void => {
    const gates = report.gates.filter((g) => kinds.includes(g.kind));
    lines.push(`${title}:`);
    if (gates.length === 0) {
      lines.push('  (none)');
    }
    for (const gate of gates) {
      lines.push(`  - ${gate.id} (from ${gate.since}): ${gate.changed}`);
      lines.push(`    before: ${gate.before}`);
      lines.push(`    after:  ${gate.after}`);
      lines.push(...gate.consequences.map((c) => `    → ${c}`));
    }
    lines.push('');
  };
  section('Gates crossed (layout and removed keys)', ['layout', 'removed']);
  section('Features lost', ['lost']);
  section('Features gained', ['gained']);
  section('The image has to change', ['image']);
  lines.push(`Node: openclaw ${report.to} requires ${report.node.required} (installed with ${report.node.installed})`);
  if (report.targetWarnings.length > 0) {
    lines.push('', `Warnings of openclaw ${report.to} about the file rendered for it:`);
    lines.push(...issueLines(report.targetWarnings));
  }
  if (report.projectChecks.length > 0) {
    lines.push('', `What npm run synth would refuse with openclawVersion ${report.to} (the project's own checks):`);
    lines.push(...report.projectChecks.map((message) => `  - ${message}`));
  }
  return `${lines.join('\n')}\n`;
}
