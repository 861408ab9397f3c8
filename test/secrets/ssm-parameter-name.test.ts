/**
 * AWS's naming rules for SSM parameters and the configured prefix, at their boundaries: each rule
 * alone, the limits exactly at and one past AWS's figures, and a prefix compared with its
 * trailing "/" (a sibling folder that shares its first letters is outside).
 */
import { ssmParameterNameProblems, terraformResourceName } from '../../lib/secrets/ssm-parameter-name';

const PREFIX = '/lolice/openclaw/';

describe('ssm parameter names', () => {
  it('accepts a name under the prefix', () => {
    expect(ssmParameterNameProblems('/lolice/openclaw/DISCORD_BOT_TOKEN', PREFIX)).toEqual([]);
    expect(ssmParameterNameProblems('/lolice/openclaw/a.b-c_d/e', PREFIX)).toEqual([]);
  });

  it('refuses a sibling folder that shares the prefix without its trailing "/"', () => {
    expect(ssmParameterNameProblems('/lolice/openclaw-old/DISCORD_BOT_TOKEN', PREFIX)).toEqual([
      'ssm parameter name "/lolice/openclaw-old/DISCORD_BOT_TOKEN" is outside the configured prefix ' +
        '"/lolice/openclaw/", expected a name under it: rename it under the prefix, or change ssmPrefix if ' +
        'the prefix really moved',
    ]);
    expect(ssmParameterNameProblems('/lolice/openclawTOKEN', PREFIX)).toHaveLength(1);
  });

  it('refuses the prefix itself', () => {
    expect(ssmParameterNameProblems(PREFIX, PREFIX)).toEqual([
      'ssm parameter name "/lolice/openclaw/" is the prefix itself, expected a key after it: append the key, ' +
        'e.g. "/lolice/openclaw/MY_KEY"',
    ]);
  });

  it('refuses characters ssm does not allow', () => {
    expect(ssmParameterNameProblems('/lolice/openclaw/MY KEY', PREFIX)).toEqual([
      'ssm parameter name "/lolice/openclaw/MY KEY" contains characters ssm does not allow: expected only ' +
        'a-z, A-Z, 0-9, "_", ".", "-" and "/"; rename it',
    ]);
    expect(ssmParameterNameProblems('/lolice/openclaw/KEY$', PREFIX)).toHaveLength(1);
    expect(ssmParameterNameProblems('', '')).toContainEqual(expect.stringContaining('contains characters'));
  });

  it('refuses a name without the leading "/"', () => {
    expect(ssmParameterNameProblems('lolice/openclaw/KEY', 'lolice/')).toEqual([
      'ssm parameter name "lolice/openclaw/KEY" is not fully qualified: expected it to start with "/"; add the ' +
        'leading slash',
    ]);
  });

  it('accepts 1011 characters and refuses 1012', () => {
    const at = `${PREFIX}${'k'.repeat(1011 - PREFIX.length)}`;
    expect(at).toHaveLength(1011);
    expect(ssmParameterNameProblems(at, PREFIX)).toEqual([]);
    expect(ssmParameterNameProblems(`${at}k`, PREFIX)).toEqual([
      `ssm parameter name "${at}k" is 1012 characters long: expected at most 1011; shorten it`,
    ]);
  });

  it('accepts 15 levels and refuses 16', () => {
    const fifteen = `${PREFIX}${Array.from({ length: 13 }, (_, i) => `l${i}`).join('/')}`;
    expect(ssmParameterNameProblems(fifteen, PREFIX)).toEqual([]);
    expect(ssmParameterNameProblems(`${fifteen}/x`, PREFIX)).toEqual([
      `ssm parameter name "${fifteen}/x" has 16 levels: expected at most 15; flatten the hierarchy`,
    ]);
  });

  it('refuses an empty level', () => {
    expect(ssmParameterNameProblems('/lolice/openclaw//KEY', PREFIX)).toEqual([
      'ssm parameter name "/lolice/openclaw//KEY" has an empty level ("//"), expected one "/" between levels: ' +
        'remove the duplicate slash',
    ]);
  });

  it.each(['/aws/KEY', '/AWS/KEY', '/ssm/KEY', '/Ssm-params/KEY', 'aws/KEY', '/awsome/KEY'])(
    'refuses %s, which starts with a reserved word',
    (name) => {
      expect(ssmParameterNameProblems(name, '/')).toContainEqual(
        `ssm parameter name "${name}" starts with "aws" or "ssm", which ssm reserves, expected another first ` +
          'level: choose another first level',
      );
    },
  );

  it('accepts a first level that only contains a reserved word later', () => {
    expect(ssmParameterNameProblems('/my-aws/KEY', '/')).toEqual([]);
    expect(ssmParameterNameProblems('/lolice/ssm/KEY', '/')).toEqual([]);
  });
});

describe('terraform resource names of ssm parameters', () => {
  it.each([
    ['OPENCLAW_CRON_WEBHOOK_TOKEN', 'openclaw_cron_webhook_token'],
    ['tunnel-token', 'tunnel_token'],
    ['gatewayToken', 'gateway_token'],
    ['apiV2Key', 'api_v2_key'],
    ['a..b--c', 'a_b_c'],
    ['__x__', 'x'],
    ['-x-', 'x'],
    ['1password', 'p_1password'],
    ['x1', 'x1'],
  ])('%s → %s', (key, expected) => {
    expect(terraformResourceName(key)).toBe(expected);
  });
});
