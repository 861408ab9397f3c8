/**
 * Credentials in a webhook URL, which cron-jobs.json and the gateway's jobs.json keep in clear:
 * userinfo, credential query keys, services whose path is the token, random-looking path segments.
 * Two checks: the config section's ({@link webhookUrlProblems}) and the cron job validator's
 * ({@link webhookUrlCredentialErrors}, with {@link shownWebhookUrl} to echo a URL without them).
 */
import type { ConfigProblem } from '../core/config-problem';

/** Query parameters that carry credentials in webhook URLs. */
const CREDENTIAL_QUERY_KEY = new RegExp(
  `^(${[
    'code|sig|signature|token|key|apikey|api[-_]?key|access[-_]?token|auth|authorization',
    'secret|password|passwd|hmac|credentials?',
    'x-amz-signature|x-amz-credential|x-goog-signature|sv|se|sp|webhook[-_]?token',
  ].join('|')})$`,
  'i',
);
/** Webhook services whose URL path is the credential. */
const PATH_TOKEN_HOOKS: readonly { readonly name: string; readonly matches: (url: URL) => boolean }[] = [
  { name: 'a Slack incoming webhook', matches: (u) => u.hostname === 'hooks.slack.com' },
  {
    name: 'a Microsoft Teams webhook',
    matches: (u) =>
      /(^|\.)webhook\.office\.com$/.test(u.hostname) ||
      (u.hostname === 'outlook.office.com' && u.pathname.startsWith('/webhook')),
  },
  { name: 'an IFTTT webhook', matches: (u) => u.hostname === 'maker.ifttt.com' && /\/with\/key\//.test(u.pathname) },
  { name: 'a Telegram bot URL', matches: (u) => u.hostname === 'api.telegram.org' && /^\/bot\d+:/.test(u.pathname) },
  { name: 'a Zapier catch hook', matches: (u) => u.hostname === 'hooks.zapier.com' },
  { name: 'a Google Chat webhook', matches: (u) => u.hostname === 'chat.googleapis.com' && u.searchParams.has('key') },
];
/** Credentials in a webhook URL: userinfo, credential query keys, and services whose path is the token. */
export function webhookUrlProblems(object: string, text: string): ConfigProblem[] {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return [];
  }
  const fix =
    "cron-jobs.json and the gateway's jobs.json are committed or stored in " +
    'clear: remove it from the URL and let the receiver check the ' +
    'Authorization: Bearer cron.webhookToken header';
  const problems: ConfigProblem[] = [];
  if (url.username !== '' || url.password !== '') {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message: `received a URL with user:password, expected none: ${fix}`,
    });
  }
  const keys = [...new Set([...url.searchParams.keys()].filter((k) => CREDENTIAL_QUERY_KEY.test(k)))];
  if (keys.length > 0) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received query parameter(s) ${keys.map((k) => `"${k}"`).join(', ')} ` +
        `that carry credentials, expected none: ${fix}`,
    });
  }
  const hook = PATH_TOKEN_HOOKS.find((h) => h.matches(url));
  if (hook !== undefined) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received ${hook.name} URL, whose path or key is itself the credential, ` +
        `expected a receiver URL without secrets: ${fix} (put a small receiver ` +
        `in front that holds the service URL as a secret)`,
    });
  } else if (url.pathname.split('/').some(looksLikeToken)) {
    problems.push({
      rule: 'webhook-url-credential',
      object,
      message:
        `received a URL path segment that looks like a random token (24+ mixed ` +
        `letters and digits), expected a path without secrets: ${fix}`,
    });
  }
  return problems;
}

function looksLikeToken(segment: string): boolean {
  const decoded = (() => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  })();
  if (decoded.length < 24 || !/^[A-Za-z0-9_\-.~+=]+$/.test(decoded)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((p) => p.test(decoded)).length;
  const hex = /^[0-9a-fA-F]{32,}$/.test(decoded);
  // Lower case, upper case and digits together; or digits and one case of letters in 32 or more.
  return hex || classes === 3 || (classes === 2 && /\d/.test(decoded) && decoded.length >= 32);
}

/** Query parameter names the cron job validator takes for credentials (anywhere in the name). */
const SECRET_QUERY_PARAM = /token|secret|password|passwd|api[-_]?key|signature|^sig$|^key$|^auth$|authorization/i;

/**
 * `text` (parsed as `url`) as messages may echo it: with userinfo or a query (both may hold a
 * credential), `<scheme>//…@<host><path>?…`, as OpenClaw's own log shows it; otherwise `text` itself.
 */
export function shownWebhookUrl(url: URL, text: string): string {
  if (url.username === '' && url.password === '' && url.search === '') {
    return text;
  }
  const userinfo = url.username !== '' || url.password !== '' ? '…@' : '';
  const query = url.search !== '' ? '?…' : '';
  return `${url.protocol}//${userinfo}${url.host}${url.pathname}${query}`;
}

/** The cron job validator's errors for credentials in `delivery.to` (`url`, echoed as `shown`). */
export function webhookUrlCredentialErrors(url: URL, shown: string): string[] {
  const errors: string[] = [];
  if (url.username !== '' || url.password !== '') {
    errors.push(
      `delivery.to "${shown}" embeds credentials: they would be stored in ` +
        `cron-jobs.json and jobs.json; remove them and let the receiver check ` +
        `the Authorization: Bearer cron.webhookToken header`,
    );
  }
  const secretParams = [...url.searchParams.keys()].filter((k) => SECRET_QUERY_PARAM.test(k));
  if (secretParams.length > 0) {
    errors.push(
      `delivery.to carries query parameter(s) ` +
        `${secretParams.map((k) => `"${k}"`).join(', ')} that look like ` +
        `credentials: they would be stored in cron-jobs.json and jobs.json; ` +
        `remove them and let the receiver check the Authorization: Bearer ` +
        `cron.webhookToken header`,
    );
  }
  return errors;
}
