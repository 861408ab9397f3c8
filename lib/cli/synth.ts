/**
 * Synthesizes both repos in one process:
 * - lolice: Kubernetes YAML under `dist/lolice/` (or `--lolice-out DIR`, or `CDK8S_OUTDIR`), at the
 *   paths lolice uses, so files copy 1:1;
 * - arch: Terraform JSON under `cdktf.out/stacks/<stack>/cdk.tf.json` (or `--terraform-out DIR`,
 *   or `CDKTF_OUTDIR` when the cdktf CLI drives it).
 *
 * Nothing is deleted: only the generated files are (over)written, all or none (a failed run changes
 * nothing). Exit 0 on success, 1 when the graph fails validation, 2 for a usage error.
 */
import { parseCliArgs } from './cli-args';
import { loadDefaultApp } from './default-app';

/** Usage text of `npm run synth`. */
export const SYNTH_USAGE = `usage: npm run synth -- [--only lolice|arch] [--lolice-out DIR] [--terraform-out DIR]
                         [--overwrite]
  --only lolice|arch   synthesize one side (default: both; CDK8S_OUTDIR or CDKTF_OUTDIR alone picks one)
  --lolice-out DIR     where the lolice tree goes (default: $CDK8S_OUTDIR or dist/lolice)
  --terraform-out DIR  where the cdktf output goes (default: $CDKTF_OUTDIR or cdktf.out)
  --overwrite          replace fields changed in the lolice checkout since the last synth (default:
                       refuse; a checkout is a git work tree, the record is .openclaw-ops/synth-record.json)
  -h, --help           print this text
`;

/** What {@link parseSynthArgs} resolved. */
export interface SynthOptions {
  readonly loliceOut: string;
  readonly terraformOut: string;
  /** Only this side; both when undefined. */
  readonly only?: 'lolice' | 'arch';
  /** Replace fields changed in the checkout since the last synth. */
  readonly overwrite?: boolean;
}

/** The outcome of {@link parseSynthArgs}. */
export type SynthArgs =
  | { readonly kind: 'run'; readonly options: SynthOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/** The command line (and the variables the cdk8s and cdktf CLIs set) as options, help or a usage error. */
export function parseSynthArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SynthArgs {
  const parsed = parseCliArgs(argv, {
    only: { type: 'string', valueName: 'lolice|arch' },
    'lolice-out': { type: 'string', valueName: 'DIR' },
    'terraform-out': { type: 'string', valueName: 'DIR' },
    overwrite: { type: 'boolean' },
  });
  if (parsed.kind !== 'run') return parsed;
  const { values } = parsed;
  let only = values.only as string | undefined;
  if (only !== undefined && only !== 'lolice' && only !== 'arch') {
    return { kind: 'usage-error', message: `--only got "${only}": expected "lolice" or "arch"` };
  }
  // When a CLI drives the app, synthesize only its side.
  if (only === undefined && env.CDKTF_OUTDIR && !env.CDK8S_OUTDIR) only = 'arch';
  if (only === undefined && env.CDK8S_OUTDIR && !env.CDKTF_OUTDIR) only = 'lolice';
  const options: SynthOptions = {
    loliceOut: (values['lolice-out'] as string | undefined) ?? env.CDK8S_OUTDIR ?? 'dist/lolice',
    terraformOut: (values['terraform-out'] as string | undefined) ?? env.CDKTF_OUTDIR ?? 'cdktf.out',
    ...(only === undefined ? {} : { only: only as 'lolice' | 'arch' }),
    ...(values.overwrite === true ? { overwrite: true } : {}),
  };
  return { kind: 'run', options };
}

async function synth(options: SynthOptions): Promise<void> {
  const [{ config, app, imagesFile }, { synthesize, OutsideChangesError }, { formatOutsideChange }] = await Promise.all(
    [
      loadDefaultApp({ terraformOutdir: options.terraformOut }),
      import('../gitops/synthesize'),
      import('../gitops/outside-change-placement'),
    ],
  );
  // Both sides are rendered and validated before anything is written, then written all or nothing.
  let written;
  try {
    written = synthesize(app, options);
  } catch (error) {
    if (!(error instanceof OutsideChangesError)) throw error;
    const lines = error.changes.map((change) => `  ${formatOutsideChange(change, imagesFile)}\n`);
    throw new Error(
      `${error.changes.length} field(s) in ${options.loliceOut} changed since the last synth, and the ` +
        `config says otherwise; nothing was written:\n${lines.join('')}` +
        `  put them in the config (npm run adopt -- --lolice ${options.loliceOut}), or replace them ` +
        `with --overwrite`,
    );
  }
  if (written.loliceFiles !== undefined) {
    process.stdout.write(`lolice: ${written.loliceFiles} files under ${options.loliceOut}\n`);
  }
  if (written.archFiles !== undefined) {
    process.stdout.write(`arch: stack ${config.arch.stackName} under ${options.terraformOut}\n`);
  }
}

/** Runs `npm run synth` with `process.argv`; resolves to the exit code. */
export async function main(): Promise<number> {
  const parsed = parseSynthArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(SYNTH_USAGE);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`synth: ${parsed.message}\n${SYNTH_USAGE}`);
    return 2;
  }
  try {
    await synth(parsed.options);
    return 0;
  } catch (error) {
    process.stderr.write(`synth failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (typeof module !== 'undefined' && require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
