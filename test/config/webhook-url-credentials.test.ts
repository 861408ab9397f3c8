/**
 * Each credential query key is refused on its own (a SAS URL's `sig` without `sv`, an Azure
 * Functions `code`, …), by its exact name and in any case; a key that merely contains one of them
 * is not a credential.
 */
import { webhookUrlProblems } from '../../lib/cron/webhook-url-credentials';

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
