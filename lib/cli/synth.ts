/**
 * Synthesizes both repos in one process:
 * - lolice: Kubernetes YAML under `dist/lolice/` (or `--lolice-out DIR`, or `CDK8S_OUTDIR`), at the
 *   paths lolice uses, so files copy 1:1;
 * - arch: Terraform JSON under `cdktf.out/stacks/<stack>/cdk.tf.json` (or `--terraform-out DIR`,
 *   or `CDKTF_OUTDIR` when the cdktf CLI drives it).
 *
 * Nothing is deleted: only the generated files are (over)written.
 */
import { loliceConfig } from '../../config/lolice';
import { OpenClawOpsApp } from '../openclaw-ops-app';
import { writeTree } from '../gitops/lolice-tree';

interface CliOptions {
  readonly loliceOut: string;
  readonly terraformOut: string;
  readonly only?: 'lolice' | 'arch';
}

function parseArgs(argv: readonly string[]): CliOptions {
  let loliceOut = process.env.CDK8S_OUTDIR ?? 'dist/lolice';
  let terraformOut = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  let only: CliOptions['only'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) {
        throw new Error(`option ${arg} needs a value: e.g. ${arg} ./out`);
      }
      return next;
    };
    if (arg === '--lolice-out') loliceOut = value();
    else if (arg === '--terraform-out') terraformOut = value();
    else if (arg === '--only') {
      const side = value();
      if (side !== 'lolice' && side !== 'arch') {
        throw new Error(`--only got "${side}": expected "lolice" or "arch"`);
      }
      only = side;
    } else throw new Error(`unknown option "${arg}": expected --lolice-out DIR, --terraform-out DIR` + ', --only lolice|arch');
  }
  // When a CLI drives the app, synthesize only its side.
  if (!only && process.env.CDKTF_OUTDIR && !process.env.CDK8S_OUTDIR) only = 'arch';
  if (!only && process.env.CDK8S_OUTDIR && !process.env.CDKTF_OUTDIR) only = 'lolice';
  return { loliceOut, terraformOut, only };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const app = new OpenClawOpsApp({ config: loliceConfig, terraformOutdir: options.terraformOut });
  if (options.only !== 'arch') {
    const tree = app.renderLolice();
    writeTree(tree, options.loliceOut);
    process.stdout.write(`lolice: ${tree.size} files under ${options.loliceOut}\n`);
  }
  if (options.only !== 'lolice') {
    app.synthArch();
    process.stdout.write(`arch: stack ${loliceConfig.arch.stackName} under ${options.terraformOut}\n`);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`synth failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
