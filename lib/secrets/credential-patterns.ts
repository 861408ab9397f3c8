/**
 * What a credential looks like: keys and env var names that hold one, and well-known token formats.
 * Every place that refuses a credential headed for Git (openclaw.json, literal env, cron job texts)
 * asks these.
 */
/** A key in openclaw.json whose value is a credential: it must be a `${VAR}` reference. */
export const CREDENTIAL_KEY = /(token|secret|password|passwd|api[-_]?key|private[-_]?key|credentials?)$/i;
/** Env var names that hold credentials: they must come from a Secret, not a literal. */
export const CREDENTIAL_ENV = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$/i;
/** Well-known credential formats, wherever they appear in a value that ends up in Git. */
const TOKEN_FORMATS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'an OpenAI or Anthropic key', pattern: /\bsk-(ant-|proj-)?[A-Za-z0-9_-]{20,}/ },
  { name: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a Telegram bot token', pattern: /\b\d{8,10}:[A-Za-z0-9_-]{35}\b/ },
  { name: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];
/** The name of the token format `text` contains, if any. */
export function tokenFormat(text: string): string | undefined {
  return TOKEN_FORMATS.find((format) => format.pattern.test(text))?.name;
}
