/** Builds and synthesizes both sides of a config and returns the refusal (or what happened instead). */
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import type { OpenClawOpsApp } from '../../lib/openclaw-ops-app';

/** The outcome of synthesizing one config. */
export type SynthOutcome =
  { readonly kind: 'refused'; readonly message: string; readonly errorName: string } | { readonly kind: 'synthesized' };

/** Runs `build` (which constructs the app), renders lolice and synthesizes arch. */
export function synthesize(build: () => Pick<OpenClawOpsApp, 'renderLolice' | 'synthArch'>): SynthOutcome {
  try {
    const app = build();
    app.renderLolice();
    app.synthArch();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { kind: 'refused', message: e.message, errorName: e.name };
  }
  return { kind: 'synthesized' };
}

/** The refusal message of `config` (fails the test when it synthesizes or crashes). */
export function refusalOf(
  config: OpenClawOpsConfig,
  build: (config: OpenClawOpsConfig) => Pick<OpenClawOpsApp, 'renderLolice' | 'synthArch'>,
): string {
  const outcome = synthesize(() => build(config));
  if (outcome.kind === 'synthesized') {
    throw new Error('expected synth to refuse the config, but it synthesized');
  }
  expect(['Error', 'ConfigError'], `a ${outcome.errorName} is a crash, not a refusal: ${outcome.message}`).toContain(
    outcome.errorName,
  );
  return outcome.message;
}
