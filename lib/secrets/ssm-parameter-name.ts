const SSM_NAME_CHARACTERS = /^[a-zA-Z0-9_.\-/]+$/;
const SSM_MAX_NAME_LENGTH = 1011;
const SSM_MAX_HIERARCHY_LEVELS = 15;

/**
 * Checks an SSM parameter name against AWS's naming rules and the configured prefix.
 *
 * @returns a list of problems (empty when the name is valid)
 */
export function ssmParameterNameProblems(name: string, prefix: string): string[] {
  const problems: string[] = [];
  if (!SSM_NAME_CHARACTERS.test(name)) {
    problems.push(
      `ssm parameter name "${name}" contains characters ssm does not allow: ` +
        `expected only a-z, A-Z, 0-9, "_", ".", "-" and "/"; rename it`,
    );
  }
  if (!name.startsWith('/')) {
    problems.push(
      `ssm parameter name "${name}" is not fully qualified: expected it to start with "/"; add the leading slash`,
    );
  }
  if (name.length > SSM_MAX_NAME_LENGTH) {
    problems.push(
      `ssm parameter name "${name}" is ${name.length} characters long: ` +
        `expected at most ${SSM_MAX_NAME_LENGTH}; shorten it`,
    );
  }
  const levels = name.split('/').filter((part) => part.length > 0);
  if (levels.length > SSM_MAX_HIERARCHY_LEVELS) {
    problems.push(
      `ssm parameter name "${name}" has ${levels.length} levels: expected at ` +
        `most ${SSM_MAX_HIERARCHY_LEVELS}; flatten the hierarchy`,
    );
  }
  if (name.includes('//')) {
    problems.push(
      `ssm parameter name "${name}" has an empty level ("//"), expected one ` +
        `"/" between levels: remove the duplicate slash`,
    );
  }
  if (/^\/?(aws|ssm)/i.test(name)) {
    problems.push(
      `ssm parameter name "${name}" starts with "aws" or "ssm", which ssm ` +
        `reserves, expected another first level: choose another first level`,
    );
  }
  if (!name.startsWith(prefix)) {
    problems.push(
      `ssm parameter name "${name}" is outside the configured prefix "` +
        `${prefix}", expected a name under it: rename it under the prefix, or ` +
        `change ssmPrefix if the prefix really moved`,
    );
  } else if (name.length === prefix.length) {
    problems.push(
      `ssm parameter name "${name}" is the prefix itself, expected a key after ` +
        `it: append the key, e.g. "${prefix}MY_KEY"`,
    );
  }
  return problems;
}

/**
 * The Terraform resource name arch uses for a parameter: snake_case of the key
 * (`OPENCLAW_CRON_WEBHOOK_TOKEN` → `openclaw_cron_webhook_token`, `tunnel-token` → `tunnel_token`).
 */
export function terraformResourceName(key: string): string {
  const snake = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return /^[0-9]/.test(snake) ? `p_${snake}` : snake;
}
