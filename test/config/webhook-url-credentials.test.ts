/**
 * Each credential query key is refused on its own (a SAS URL's `sig` without `sv`, an Azure
 * Functions `code`, …), by its exact name and in any case; a key that merely contains one of them
 * is not a credential.
 */
import {
  shownWebhookUrl,
  webhookUrlCredentialErrors,
  webhookUrlProblems,
} from '../../lib/cron/webhook-url-credentials';

const OBJECT = 'cron job "x" delivery.to';

function credentialKeys(url: string): string[] {
  return webhookUrlProblems(OBJECT, url)
    .filter((p) => p.rule === 'webhook-url-credential')
    .map((p) => /received query parameter\(s\) (.*) that carry credentials/.exec(p.message)?.[1] ?? p.message);
}

describe('webhook URL credential query keys', () => {
  const credentials = [
    'code',
    'sig',
    'signature',
    'token',
    'key',
    'apikey',
    'api-key',
    'api_key',
    'access_token',
    'access-token',
    'accesstoken',
    'auth',
    'authorization',
    'secret',
    'password',
    'passwd',
    'hmac',
    'credential',
    'credentials',
    'X-Amz-Signature',
    'X-Amz-Credential',
    'X-Goog-Signature',
    'sv',
    'se',
    'sp',
    'webhook_token',
    'webhook-token',
    'webhooktoken',
  ];

  it.each(credentials)('refuses ?%s= alone', (key) => {
    expect(credentialKeys(`https://receiver.example.com/cron?${key}=fake`)).toEqual([`"${key}"`]);
  });

  it('matches the key in any case', () => {
    expect(credentialKeys('https://receiver.example.com/cron?SIG=fake')).toEqual(['"SIG"']);
  });

  it('names each credential key once, in URL order', () => {
    expect(credentialKeys('https://receiver.example.com/cron?sig=a&format=json&code=b&sig=c')).toEqual([
      '"sig", "code"',
    ]);
  });

  it.each(['format', 'signed', 'tokens', 'keyword', 'mysig', 'session', 'spec', 'authority'])(
    'accepts ?%s= (not a credential key by its exact name)',
    (key) => {
      expect(webhookUrlProblems(OBJECT, `https://receiver.example.com/cron?${key}=1`)).toEqual([]);
    },
  );

  it('gives the rule, the object and the fix', () => {
    expect(webhookUrlProblems(OBJECT, 'https://receiver.example.com/cron?sig=fake')).toEqual([
      {
        rule: 'webhook-url-credential',
        object: OBJECT,
        message:
          'received query parameter(s) "sig" that carry credentials, expected none: ' +
          "cron-jobs.json and the gateway's jobs.json are committed or stored in clear: remove it from the URL " +
          'and let the receiver check the Authorization: Bearer cron.webhookToken header',
      },
    ]);
  });

  it('ignores what is not a URL (another rule reports it)', () => {
    expect(webhookUrlProblems(OBJECT, 'not a url')).toEqual([]);
  });
});

const FIX =
  "cron-jobs.json and the gateway's jobs.json are committed or stored in clear: remove it from the URL " +
  'and let the receiver check the Authorization: Bearer cron.webhookToken header';

function messages(url: string): string[] {
  return webhookUrlProblems(OBJECT, url).map((p) => p.message);
}

describe('webhook URL userinfo', () => {
  it.each([
    ['user and password', 'https://user:pass@receiver.example.com/cron'],
    ['a user alone', 'https://user@receiver.example.com/cron'],
    ['a password alone', 'https://:pass@receiver.example.com/cron'],
  ])('refuses %s', (_, url) => {
    expect(webhookUrlProblems(OBJECT, url)).toEqual([
      {
        rule: 'webhook-url-credential',
        object: OBJECT,
        message: `received a URL with user:password, expected none: ${FIX}`,
      },
    ]);
  });

  it('reads a URL pasted with a no-break space around it', () => {
    expect(messages('\u00a0https://user:pass@receiver.example.com/cron\u00a0')).toEqual([
      `received a URL with user:password, expected none: ${FIX}`,
    ]);
  });

  it('reports userinfo and credential keys as two problems', () => {
    expect(messages('https://user:pass@receiver.example.com/cron?token=x')).toEqual([
      `received a URL with user:password, expected none: ${FIX}`,
      `received query parameter(s) "token" that carry credentials, expected none: ${FIX}`,
    ]);
  });
});

describe('webhook services whose URL is the credential', () => {
  const hookMessage = (name: string) =>
    `received ${name} URL, whose path or key is itself the credential, expected a receiver URL without secrets: ` +
    `${FIX} (put a small receiver in front that holds the service URL as a secret)`;

  it.each([
    ['a Slack incoming webhook', 'https://hooks.slack.com/services/T000/B000/fake'],
    ['a Microsoft Teams webhook', 'https://contoso.webhook.office.com/webhookb2/fake'],
    ['a Microsoft Teams webhook', 'https://webhook.office.com/webhookb2/fake'],
    ['a Microsoft Teams webhook', 'https://outlook.office.com/webhook/fake'],
    ['an IFTTT webhook', 'https://maker.ifttt.com/trigger/backup/with/key/fake'],
    ['a Telegram bot URL', 'https://api.telegram.org/bot123456:fake/sendMessage'],
    ['a Zapier catch hook', 'https://hooks.zapier.com/hooks/catch/1/fake/'],
  ])('refuses %s (%s)', (name, url) => {
    expect(webhookUrlProblems(OBJECT, url)).toEqual([
      { rule: 'webhook-url-credential', object: OBJECT, message: hookMessage(name) },
    ]);
  });

  it('refuses a Google Chat webhook by its key, naming the credential keys too', () => {
    expect(messages('https://chat.googleapis.com/v1/spaces/AAAA/messages?key=fake&token=fake')).toEqual([
      `received query parameter(s) "key", "token" that carry credentials, expected none: ${FIX}`,
      hookMessage('a Google Chat webhook'),
    ]);
  });

  it('names the service rather than a random-looking path segment of its URL', () => {
    expect(messages('https://hooks.slack.com/services/T000/B000/AbCdEfGhIjKlMnOpQrStUv12')).toEqual([
      hookMessage('a Slack incoming webhook'),
    ]);
  });

  it.each([
    'https://hooks.slack.com.receiver.example.com/cron',
    'https://notwebhook.office.com/webhookb2/x',
    'https://webhook.office.com.receiver.example.com/x',
    'https://outlook.office.com/mail/inbox',
    'https://receiver.example.com/webhook/x',
    'https://maker.ifttt.com/trigger/backup',
    'https://receiver.example.com/trigger/backup/with/key/x',
    'https://api.telegram.org/file/bot123456:x',
    'https://api.telegram.org/bot:x/sendMessage',
    'https://receiver.example.com/bot123456:x/sendMessage',
    'https://zapier.com/hooks/catch/1/x/',
    'https://chat.googleapis.com/v1/spaces/AAAA/messages',
    'https://receiver.example.com/v1/spaces/AAAA/messages',
  ])('accepts %s (not one of those services)', (url) => {
    expect(webhookUrlProblems(OBJECT, url)).toEqual([]);
  });
});

describe('webhook URL path segments that look like a token', () => {
  const tokenMessage =
    'received a URL path segment that looks like a random token (24+ mixed letters and digits), ' +
    `expected a path without secrets: ${FIX}`;

  it.each([
    ['32 hex digits', '0123456789abcdef0123456789abcdef'],
    ['32 upper-case hex digits', '0123456789ABCDEF0123456789ABCDEF'],
    ['32 digits', '01234567890123456789012345678901'],
    ['32 hex letters', 'abcdefabcdefabcdefabcdefabcdefab'],
    ['24 characters of all three kinds', 'AbCdEfGhIjKlMnOpQrStUv12'],
    ['three kinds, starting with a digit and ending with a letter', '1AbCdEfGhIjKlMnOpQrStUvw'],
    ['three kinds with the URL-safe punctuation', 'AbCd_Ef-Gh.Ij~Kl+Mn=Op12'],
    ['32 lower-case letters and digits', 'abcdefghijklmnopqrstuvwxyz123456'],
    ['32 upper-case letters and digits', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456'],
    ['a percent-encoded token', '%41bCdEfGhIjKlMnOpQrStUv12'],
  ])('refuses %s', (_, segment) => {
    expect(webhookUrlProblems(OBJECT, `https://receiver.example.com/cron/${segment}/run`)).toEqual([
      { rule: 'webhook-url-credential', object: OBJECT, message: tokenMessage },
    ]);
  });

  it.each([
    ['31 hex digits', '0123456789abcdef0123456789abcde'],
    ['23 characters of all three kinds', 'AbCdEfGhIjKlMnOpQrStUv1'],
    ['31 lower-case letters and digits', 'abcdefghijklmnopqrstuvwxyz12345'],
    ['32 letters of both cases, no digit', 'abcdefghijklmnopqrstuvwxyzABCDEF'],
    ['32 lower-case letters', 'abcdefghijklmnopqrstuvwxyzabcdef'],
    ['a readable slug', 'nightly-backup-report-for-the-team'],
    ['digits with dashes', '1234567890-1234567890-1234567890'],
    ['24 upper-case letters and digits', 'ABCDEFGHIJKLMNOPQRSTUVW1'],
    ['24 lower-case letters and digits', 'abcdefghijklmnopqrstuvw1'],
    ['24 letters of both cases', 'AbCdEfGhIjKlMnOpQrStUvWx'],
    ['32 hex letters after other letters', 'zzzzabcdefabcdefabcdefabcdefabcdefab'],
    ['32 hex letters before other letters', 'abcdefabcdefabcdefabcdefabcdefabzzzz'],
    ['three kinds with a character outside the token alphabet first', '!AbCdEfGhIjKlMnOpQrStUv12'],
    ['three kinds with a character outside the token alphabet last', 'AbCdEfGhIjKlMnOpQrStUv12!'],
    ['three kinds around an encoded space', 'AbCdEfGhIjKl%20MnOpQrStUv12'],
  ])('accepts %s', (_, segment) => {
    expect(webhookUrlProblems(OBJECT, `https://receiver.example.com/cron/${segment}/run`)).toEqual([]);
  });

  it('accepts a segment that is not valid percent-encoding', () => {
    expect(webhookUrlProblems(OBJECT, 'https://receiver.example.com/cron/%E0%A4%A/run')).toEqual([]);
  });
});

describe("the cron job validator's view of a webhook URL", () => {
  const withCredentials =
    'they would be stored in cron-jobs.json and jobs.json; remove them and let the receiver check the ' +
    'Authorization: Bearer cron.webhookToken header';

  it.each([
    ['https://receiver.example.com/cron', 'https://receiver.example.com/cron'],
    ['https://receiver.example.com/cron#part', 'https://receiver.example.com/cron#part'],
    ['https://user:pass@receiver.example.com:8443/cron?token=x', 'https://…@receiver.example.com:8443/cron?…'],
    ['https://user@receiver.example.com/cron', 'https://…@receiver.example.com/cron'],
    ['https://:pass@receiver.example.com/cron', 'https://…@receiver.example.com/cron'],
    ['https://receiver.example.com/cron?format=json', 'https://receiver.example.com/cron?…'],
  ])('echoes %s as %s', (text, shown) => {
    expect(shownWebhookUrl(new URL(text), text)).toBe(shown);
  });

  it.each(['https://user:pass@h.example.com/', 'https://user@h.example.com/', 'https://:pass@h.example.com/'])(
    'refuses the userinfo of %s',
    (text) => {
      expect(webhookUrlCredentialErrors(new URL(text), 'SHOWN')).toEqual([
        `delivery.to "SHOWN" embeds credentials: ${withCredentials}`,
      ]);
    },
  );

  it.each([
    'token',
    'access_token',
    'my-secret',
    'password',
    'db_passwd',
    'apikey',
    'api-key',
    'x_api_key',
    'X-Amz-Signature',
    'sig',
    'SIG',
    'key',
    'auth',
    'authorization',
    'x-authorization',
  ])('refuses the query parameter %s', (key) => {
    expect(webhookUrlCredentialErrors(new URL(`https://h.example.com/?${key}=x`), 'SHOWN')).toEqual([
      `delivery.to carries query parameter(s) "${key}" that look like credentials: ${withCredentials}`,
    ]);
  });

  it.each(['sigma', 'mysig', 'keyword', 'monkey', 'author', 'oauth', 'format'])(
    'accepts the query parameter %s',
    (key) => {
      expect(webhookUrlCredentialErrors(new URL(`https://h.example.com/?${key}=x`), 'SHOWN')).toEqual([]);
    },
  );

  it('lists every credential parameter and reports userinfo first', () => {
    expect(webhookUrlCredentialErrors(new URL('https://u:p@h.example.com/?token=a&format=b&key=c'), 'SHOWN')).toEqual([
      `delivery.to "SHOWN" embeds credentials: ${withCredentials}`,
      `delivery.to carries query parameter(s) "token", "key" that look like credentials: ${withCredentials}`,
    ]);
  });
});
