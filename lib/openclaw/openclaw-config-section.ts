/**
 * OpenClaw's section of the config: `openclawConfig` must be plain JSON with object sections where our
 * code reads them (OpenClaw's own rules are checked by `validate-config.ts` once the graph is built),
 * `openclawVersion` a release version, and no credential written into openclaw.json.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../core/config-problem';
import { walkStrings } from '../core/walk-strings';
import type { RuleParams } from '../core/zod-checks';
import { CREDENTIAL_KEY, tokenFormat } from '../secrets/credential-patterns';
import type { OpenClawConfigDocument } from './config-document';

/** Reports every value JSON cannot carry (NaN, Infinity, functions, class instances, …) at its own path. */
function checkJson(value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  const problem = (message: string) =>
    ctx.addIssue({ code: 'custom', path, message, params: { rule: 'config-shape' } satisfies RuleParams });
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      problem(`expected a finite number, received ${value}: JSON has no NaN or Infinity; fix the value`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJson(item, [...path, index], ctx));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) checkJson(item, [...path, key], ctx);
    }
    return;
  }
  problem(
    `expected a JSON value (string, number, boolean, null, array or plain ` +
      `object), received ` +
      `${typeof value === 'object' ? 'a class instance' : typeof value}: write ` +
      `plain JSON data`,
  );
}

/** openclaw.json: a JSON object; OpenClaw's own rules are checked by `validate-config.ts`. */
export const openclawConfigSchema = z.record(z.string(), z.unknown()).superRefine((document, ctx) => {
  for (const [key, value] of Object.entries(document)) {
    if (value !== undefined) checkJson(value, [key], ctx);
  }
  // Sections our code reads must be objects where they are present.
  for (const section of [
    'models',
    'plugins',
    'channels',
    'diagnostics',
    'gateway',
    'cron',
    'hooks',
    'env',
    'agents',
    'tools',
  ]) {
    const value = document[section];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      ctx.addIssue({
        code: 'custom',
        path: [section],
        message:
          `expected an object, received ` +
          `${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}: ` +
          `write the ${section} section as an object (see OpenClaw's configuration ` +
          `reference) or remove it`,
        params: { rule: 'config-shape' } satisfies RuleParams,
      });
    }
  }
}) as unknown as z.ZodType<OpenClawConfigDocument>;

/** `openclawVersion` is a release version YYYY.M.N. */
export function openclawVersionProblems(version: string): ConfigProblem[] {
  const object = 'config.openclawVersion';
  const match = /^v?(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(version);
  if (!match) {
    return [
      {
        rule: 'openclaw-version',
        object,
        message:
          `received ${JSON.stringify(version)}, expected a release ` +
          `version YYYY.M.D such as "2026.2.19": write the version of the image's ` +
          `OpenClaw release`,
      },
    ];
  }
  // YYYY.M.N: the middle number is a month; the last one counts releases within it and is no day of
  // the month (npm has 2026.6.33 and 2026.7.35), so only 0 is impossible there.
  const [month, release] = [Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || release < 1) {
    return [
      {
        rule: 'openclaw-version',
        object,
        message:
          `received ${JSON.stringify(version)}, whose month is not ` +
          `1-12 or whose release number is 0, expected a release version YYYY.M.N ` +
          `such as "2026.2.19": fix the month or the release number (is it ` +
          `YYYY.N.M?)`,
      },
    ];
  }
  return [];
}

/** openclaw.json is committed to Git (a ConfigMap): every credential in it is a `${VAR}` reference. */
export function openclawCredentialProblems(document: OpenClawConfigDocument): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  walkStrings(document, 'openclawConfig', (path, key, text) => {
    const header =
      /\.headers(\.|\[)/.test(path) && /^(authorization|x-api-key|api-key|x-auth-token|cookie)$/i.test(key);
    if ((CREDENTIAL_KEY.test(key) || header) && text.trim() !== '' && !text.includes('${')) {
      problems.push({
        rule: 'env-placeholder-required',
        object: `config.${path}`,
        message:
          `received a literal ${header ? 'header value' : 'value'} where a ` +
          `credential belongs, expected a "\${VAR}" reference: the ConfigMap is ` +
          `committed to Git; put the value in SSM, declare a secret with envVars ` +
          `["MY_VAR"] and write "\${MY_VAR}"`,
      });
      return;
    }
    const format = tokenFormat(text);
    if (format !== undefined) {
      problems.push({
        rule: 'literal-secret-value',
        object: `config.${path}`,
        message:
          `received what looks like ${format}, expected no credential in ` +
          `openclaw.json (the ConfigMap is committed to Git): revoke it, store it ` +
          `in SSM and reference it as "\${VAR}"`,
      });
    }
  });
  return problems;
}
