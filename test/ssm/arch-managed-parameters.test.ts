/**
 * arch's terraform/aws/openclaw already manages most /lolice/openclaw/* parameters: a GENERATED
 * declaration of one of them fails synth (both sides) naming the resource and file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOLICE_ARCH_MANAGED_PARAMETERS } from '../../config/lolice-arch-parameters';
import { SecretValueOwner } from '../../lib/secrets/secret-declaration';
import { LIVE_ARCH } from '../support/live-tree';
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';

afterAll(removeTempDirs);

describe('arch-managed SSM parameters', () => {
  test('the committed table is exactly the aws_ssm_parameter resources of the live ssm.tf', () => {
    const ssmTf = fs.readFileSync(path.join(LIVE_ARCH, 'terraform/aws/openclaw/ssm.tf'), 'utf8');
    const live = [...ssmTf.matchAll(/resource "aws_ssm_parameter" "(\w+)" \{\s*name\s*=\s*"([^"]+)"/g)].map((m) => ({
      resource: `aws_ssm_parameter.${m[1]}`,
      parameterName: m[2],
      file: 'terraform/aws/openclaw/ssm.tf',
    }));
    expect(live).toHaveLength(16);
    expect(LOLICE_ARCH_MANAGED_PARAMETERS).toEqual(live);
  });

  test('the default config declares none of them GENERATED (it builds)', () => {
    expect(() => buildApp()).not.toThrow();
  });

  test('fails synth naming aws_ssm_parameter.github_token in terraform/aws/openclaw/ssm.tf for a GENERATED GITHUB_TOKEN', () => {
    const config = configVariant((draft) => {
      const github = draft.secrets.find((s) => s.key === 'GITHUB_TOKEN');
      if (github === undefined) throw new Error('default config lost GITHUB_TOKEN');
      github.owner = SecretValueOwner.GENERATED;
    });
    expect(() => buildApp(config)).toThrow(
      '[ssm-parameter-owned-elsewhere] secret openclaw-credentials/GITHUB_TOKEN is declared GENERATED, but ' +
        '/lolice/openclaw/GITHUB_TOKEN is already managed by aws_ssm_parameter.github_token in terraform/aws/openclaw/ssm.tf',
    );
  });

  test('a new GENERATED parameter outside ssm.tf is fine (the cron webhook token)', () => {
    expect(LOLICE_ARCH_MANAGED_PARAMETERS.map((p) => p.parameterName)).not.toContain(
      '/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN',
    );
  });
});
