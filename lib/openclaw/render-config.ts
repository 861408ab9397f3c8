import { isJsonObject, type JsonObject, type JsonValue, type OpenClawConfigDocument } from './config-document';
import type { OpenClawVersion } from './openclaw-version';
import { gateOpen, versionGate } from './version-gates';

/** Options of {@link renderOpenClawConfig}. */
export interface RenderOpenClawConfigOptions {
  /** The release the document is rendered for. */
  readonly version: OpenClawVersion;
  /**
   * Exact hosts of in-cluster cron webhook receivers. From the `cron-webhook-ssrf-policy` gate on they
   * are merged into `cron.webhookSsrfPolicy.allowedHostnames` (sorted, without duplicates); before it
   * they must be empty, because no release before it can let them through.
   * @default []
   */
  readonly cronWebhookAllowedHostnames?: readonly string[];
}

/** One layout change applied while rendering (for the upgrade report). */
export interface RenderedChange {
  readonly gate: string;
  readonly path: string;
  readonly description: string;
}

/** The rendered document and what rendering changed relative to the authored one. */
export interface RenderedOpenClawConfig {
  readonly document: OpenClawConfigDocument;
  readonly changes: readonly RenderedChange[];
}

/**
 * Renders the authored `openclaw.json` for one OpenClaw release, following the gate table
 * (`version-gates.ts`). The authored document is written in the layout every supported release
 * before the gates accepts (today's file); a release on the old side of every gate gets it back
 * unchanged (same object), so its output stays byte-identical.
 *
 * Throws (lowercase, naming the path and the fix) when the authored document says one thing twice
 * in two layouts with different values.
 */
export function renderOpenClawConfig(
  authored: OpenClawConfigDocument,
  options: RenderOpenClawConfigOptions,
): OpenClawConfigDocument {
  return renderOpenClawConfigWithChanges(authored, options).document;
}

/** {@link renderOpenClawConfig}, also listing what it changed. */
export function renderOpenClawConfigWithChanges(
  authored: OpenClawConfigDocument,
  options: RenderOpenClawConfigOptions,
): RenderedOpenClawConfig {
  const changes: RenderedChange[] = [];
  let doc: JsonObject = authored;
  doc = renderDiscordDmPolicy(doc, options.version, changes);
  doc = renderControlUi(doc, options.version, changes);
  doc = renderCronWebhookSsrfPolicy(doc, options, changes);
  return { document: doc as OpenClawConfigDocument, changes };
}

/** `parent` with `key` replaced by `value` (or removed when `value` is undefined), key order kept. */
function withKey(parent: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const out: Record<string, JsonValue | undefined> = {};
  let seen = false;
  for (const [k, existing] of Object.entries(parent)) {
    if (k === key) {
      seen = true;
      if (value !== undefined) {
        out[k] = value;
      }
    } else {
      out[k] = existing;
    }
  }
  if (!seen && value !== undefined) {
    out[key] = value;
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function renderDiscordDmPolicy(doc: JsonObject, version: OpenClawVersion, changes: RenderedChange[]): JsonObject {
  const gate = versionGate('discord-dm-policy-flat');
  if (!gateOpen(gate.id, version) || !isJsonObject(doc.channels) || !isJsonObject(doc.channels.discord)) {
    return doc;
  }
  const discord = doc.channels.discord;
  const dm = discord.dm;
  if (!isJsonObject(dm) || (dm.policy === undefined && dm.allowFrom === undefined)) {
    return doc;
  }
  // rebuild channels.discord with dmPolicy/allowFrom where dm was, dm keeping only its other keys
  const moved: Array<[string, string]> = [
    ['policy', 'dmPolicy'],
    ['allowFrom', 'allowFrom'],
  ];
  for (const [from, to] of moved) {
    if (dm[from] !== undefined && discord[to] !== undefined && !sameJson(dm[from], discord[to])) {
      throw new Error(
        `openclaw.json channels.discord: dm.${from} and ${to} are both set and differ; openclaw ${version} ` +
          `(${gate.id}, from ${gate.since}) only knows ${to}, so keep one of them in the config`,
      );
    }
  }
  const rest: Record<string, JsonValue | undefined> = {};
  for (const [k, value] of Object.entries(dm)) {
    if (k !== 'policy' && k !== 'allowFrom') {
      rest[k] = value;
    }
  }
  const out: Record<string, JsonValue | undefined> = {};
  for (const [k, value] of Object.entries(discord)) {
    if (k === 'dm') {
      for (const [from, to] of moved) {
        if (dm[from] !== undefined) {
          out[to] = dm[from];
        }
      }
      if (Object.keys(rest).length > 0) {
        out.dm = rest;
      }
    } else if (!(k in out)) {
      out[k] = value;
    }
  }
  for (const [from, to] of moved) {
    if (dm[from] !== undefined) {
      changes.push({
        gate: gate.id,
        path: `channels.discord.dm.${from}`,
        description: `channels.discord.dm.${from} → channels.discord.${to}`,
      });
    }
  }
  return withKey(doc, 'channels', withKey(doc.channels, 'discord', out));
}

function renderControlUi(doc: JsonObject, version: OpenClawVersion, changes: RenderedChange[]): JsonObject {
  const gate = versionGate('control-ui-insecure-auth-retired');
  if (!gateOpen(gate.id, version) || !isJsonObject(doc.gateway) || !isJsonObject(doc.gateway.controlUi)) {
    return doc;
  }
  const controlUi = doc.gateway.controlUi;
  if (controlUi.allowInsecureAuth === undefined) {
    return doc;
  }
  changes.push({
    gate: gate.id,
    path: 'gateway.controlUi.allowInsecureAuth',
    description: 'gateway.controlUi.allowInsecureAuth dropped (retired)',
  });
  const rest = withKey(controlUi, 'allowInsecureAuth', undefined);
  const gateway = withKey(doc.gateway, 'controlUi', Object.keys(rest).length > 0 ? rest : undefined);
  return withKey(doc, 'gateway', gateway);
}

function renderCronWebhookSsrfPolicy(
  doc: JsonObject,
  options: RenderOpenClawConfigOptions,
  changes: RenderedChange[],
): JsonObject {
  const hosts = options.cronWebhookAllowedHostnames ?? [];
  if (hosts.length === 0) {
    return doc;
  }
  const gate = versionGate('cron-webhook-ssrf-policy');
  if (!gateOpen(gate.id, options.version)) {
    throw new Error(
      `cron webhook receivers ${hosts.map((h) => `"${h}"`).join(', ')} need cron.webhookSsrfPolicy.allowedHostnames, ` +
        `which openclaw ${options.version} does not have (${gate.id}, from ${gate.since}); expose the receivers at a ` +
        'public hostname or upgrade openclaw',
    );
  }
  const cron = isJsonObject(doc.cron) ? doc.cron : {};
  const policy = isJsonObject(cron.webhookSsrfPolicy) ? cron.webhookSsrfPolicy : {};
  const authored = Array.isArray(policy.allowedHostnames)
    ? policy.allowedHostnames.filter((h): h is string => typeof h === 'string')
    : [];
  const merged = [...new Set([...authored, ...hosts])].sort();
  for (const host of merged.filter((h) => !authored.includes(h))) {
    changes.push({
      gate: gate.id,
      path: 'cron.webhookSsrfPolicy.allowedHostnames',
      description: `cron.webhookSsrfPolicy.allowedHostnames += "${host}" (in-cluster webhook receiver)`,
    });
  }
  return withKey(doc, 'cron', withKey(cron, 'webhookSsrfPolicy', withKey(policy, 'allowedHostnames', merged)));
}
