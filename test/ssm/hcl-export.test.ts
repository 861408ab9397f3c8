/**
 * The way out of cdktf (archived upstream): `npx cdktf synth --hcl` renders the arch stack as plain
 * Terraform. The cdktf CLI runs `app` from cdktf.json with CDKTF_OUTDIR and SYNTH_HCL_OUTPUT=true in the
 * environment; the HCL is rendered by the cdktf library inside the app, and the CLI then only aligns
 * its whitespace and prints where the stacks went. This test runs cdktf.json's `app` exactly that way
 * (the CLI itself would spend about 8 s of CPU loading, a sixth of the fast test suite); the assertions
 * hold for the CLI's output too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('arch HCL export |', () => {
  it("cdktf.json's app, run as cdktf synth --hcl runs it, renders the stack as HCL offline", () => {
    const out = mkdtempSync(join(tmpdir(), 'openclaw-ops-hcl-'));
    try {
      // GIVEN the app command of cdktf.json and the environment the cdktf CLI gives it for --hcl
      const { app } = JSON.parse(readFileSync(join(root, 'cdktf.json'), 'utf8')) as { app: string };
      const result = spawnSync('sh', ['-c', app], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CDKTF_OUTDIR: out, SYNTH_HCL_OUTPUT: 'true', CHECKPOINT_DISABLE: '1' },
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);

      // THEN the stack is HCL with the resources, backend and provider constraints, and no JSON
      const file = join(out, 'stacks', 'openclaw-ops', 'cdk.tf');
      expect(existsSync(file)).toBe(true);
      expect(existsSync(join(out, 'stacks', 'openclaw-ops', 'cdk.tf.json'))).toBe(false);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        stacks: Record<string, { synthesizedStackPath: string }>;
      };
      expect(manifest.stacks['openclaw-ops']?.synthesizedStackPath).toBe('stacks/openclaw-ops/cdk.tf');
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
