/**
 * What a misconfiguration case is, the variant helpers the cases share, and the one assertion
 * every case makes: the refusal names the rule id, the object and the fix.
 */
import { loliceConfig } from '../../config/lolice';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import type { DeepMutable } from '../support/openclaw-ops-harness';

/** The classes of the sweep (the README's "What synth refuses" groups). */
export type MisconfigurationClass =
  | 'wider-than-declared'
  | 'secrets-headed-for-git'
  | 'checked-one-way-written-another'
  | 'apply-script'
  | 'unit-slips'
  | 'limits-and-formats'
  | 'shape';

export type MutableConfig = DeepMutable<OpenClawOpsConfig>;

/** One plausible bad config: a variant of the default config with one mistake. */
export interface MisconfigurationCase {
  /** Stable id, e.g. `egress-ports-empty`. */
  readonly id: string;
  readonly title: string;
  /** The rule id the refusal must carry. */
  readonly rule: string;
  /** Text naming the object (e.g. `config.network.externalEgressPorts`). */
  readonly object: string;
  /** The fix the message must give. */
  readonly fix: RegExp;
  /** Makes the mistake on a deep copy of the default config. */
  readonly variant: (config: MutableConfig) => void;
}

/** The expectation of a case, for {@link expectRefusal}. */
export type Refusal = Pick<MisconfigurationCase, 'rule' | 'object' | 'fix'>;

/** The line of `message` that reports `rule` for `object`, or undefined. */
export function refusalLine(message: string, refusal: Refusal): string | undefined {
  return message
    .split('\n')
    .map((line) => line.replace(/^- /, ''))
    .find((line) => line.startsWith(`[${refusal.rule}] `) && line.includes(refusal.object));
}

/**
 * Asserts that `message` reports `refusal.rule` for `refusal.object` with its fix, in the
 * project's style: `[rule] object: …` in lowercase, no trailing period, saying what was expected.
 */
export function expectRefusal(message: string, refusal: Refusal): void {
  const line = refusalLine(message, refusal);
  expect(line, `no "[${refusal.rule}] …${refusal.object}…" line in:\n${message}`).toBeDefined();
  const text = (line as string).slice((line as string).indexOf(': ') + 2);
  expect(text, 'names the fix').toMatch(refusal.fix);
  expect(text[0], `"${text}" starts lowercase`).toBe(text[0]?.toLowerCase());
  expect(text.endsWith('.'), `"${text}" ends without a period`).toBe(false);
  expect(text, 'says what was expected').toMatch(/expected|must|needs|requires/);
  expect(message).not.toMatch(/Cannot read propert|is not a function|is not iterable/);
}

// ---- variant helpers -------------------------------------------------------------------------

/** The secret declaration of `key` (in `secretName`). */
export function secret(config: MutableConfig, key: string, secretName = 'openclaw-credentials') {
  const found = config.secrets.find((s) => s.key === key && s.secretName === secretName);
  if (!found) throw new Error(`default config has no secret ${secretName}/${key}`);
  return found;
}

/** openclaw.json as plain JSON to edit. */
export function doc(config: MutableConfig): Record<string, Record<string, unknown>> {
  return config.openclawConfig as unknown as Record<string, Record<string, unknown>>;
}

/** Cron job `index` of the default config (0: webhook report, 1: Discord report) as plain JSON. */
export function job(
  config: MutableConfig,
  index = 0,
): Record<string, unknown> & {
  schedule: Record<string, unknown>;
  payload: Record<string, unknown>;
  delivery: Record<string, unknown>;
} {
  const jobs = config.cronJobs as unknown as (Record<string, unknown> & {
    schedule: Record<string, unknown>;
    payload: Record<string, unknown>;
    delivery: Record<string, unknown>;
  })[];
  const found = jobs?.[index];
  if (!found) throw new Error(`default config has no cron job #${index}`);
  return found;
}

/** The webhook job's delivery target. */
export function setWebhookUrl(config: MutableConfig, url: string): void {
  job(config, 0).delivery.to = url;
}

/** Anything, as the config field it is written into (configs are often untyped). */
export function untyped<T>(value: unknown): T {
  return value as T;
}

/** Removes `key` from an object of the config. */
export function remove(object: object, key: string): void {
  delete (object as Record<string, unknown>)[key];
}

/** `config.secrets[i]` of the default config's declaration of `key` (indices follow the config's order). */
export function secretPath(key: string, secretName = 'openclaw-credentials'): string {
  const index = loliceConfig.secrets.findIndex((s) => s.key === key && s.secretName === secretName);
  if (index < 0) throw new Error(`default config has no secret ${secretName}/${key}`);
  return `config.secrets[${index}]`;
}
