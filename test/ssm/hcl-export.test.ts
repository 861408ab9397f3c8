import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cdktf = join(root, 'node_modules', '.bin', 'cdktf');

describe('arch HCL export |', () => {
  it('cdktf synth --hcl renders the stack as valid-looking HCL offline', () => {
    const out = mkdtempSync(join(tmpdir(), 'openclaw-ops-hcl-'));
    try {
      // GIVEN the cdktf CLI driven by cdktf.json
      const result = spawnSync(cdktf, ['synth', '--hcl', '--output', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' },
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);

      // THEN the stack is HCL with the resources, backend and provider constraints
      const file = join(out, 'stacks', 'openclaw-ops', 'cdk.tf');
      expect(existsSync(file)).toBe(true);
      const hcl = readFileSync(file, 'utf8');
      expect(hcl).toMatch(/resource "aws_ssm_parameter" "openclaw_cron_webhook_token" \{/);
      expect(hcl).toMatch(/resource "random_password" "openclaw_cron_webhook_token" \{/);
      expect(hcl).toMatch(/backend "s3" \{[^}]*key\s+= "terraform\/aws\/openclaw-ops\/v1\/terraform\.tfstate"/s);
      expect(hcl).toMatch(/source\s+= "hashicorp\/aws"/);
      // cdktf's renderer mangles extra terraform-block keys into `0 = "..."`; the stack avoids them
      expect(hcl).not.toMatch(/^\s*\d+\s*=/m);
      expect(hcl.trimStart().startsWith('{')).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
