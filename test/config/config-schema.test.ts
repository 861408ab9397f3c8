/**
 * The runtime schema and the TypeScript types describe the same config: a typed config is always
 * accepted by the schema's type, and what the schema accepts is a typed config (checked by tsc;
 * a drift in either direction fails the type-check). At run time the schema accepts the default
 * config unchanged and reports problems by path.
 */
import { loliceConfig } from '../../config/lolice';
import { checkConfig, formatConfigPath } from '../../lib/config/check-config';
import { ConfigError } from '../../lib/core/config-problem';
import type { OpenClawOpsConfigInput, OpenClawOpsConfigOutput } from '../../lib/config/config-schema';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { configVariant } from '../support/openclaw-ops-harness';

type Assignable<A, B> = [A] extends [B] ? true : false;

describe('config schema', () => {
  it('is in sync with the OpenClawOpsConfig type (both directions, checked by tsc)', () => {
    const typedIsAccepted: Assignable<OpenClawOpsConfig, OpenClawOpsConfigInput> = true;
    const acceptedIsTyped: Assignable<OpenClawOpsConfigOutput, OpenClawOpsConfig> = true;
    expect([typedIsAccepted, acceptedIsTyped]).toEqual([true, true]);
  });

  it('accepts the default config and returns it unchanged (what is checked is what is written)', () => {
    expect(checkConfig(loliceConfig)).toBe(loliceConfig);
  });

  it('reports a missing field by path, never as a TypeError', () => {
    const config = configVariant((c) => {
      delete (c.secrets[2] as { key?: string }).key;
    });
    expect(() => checkConfig(config)).toThrow(ConfigError);
    expect(() => checkConfig(config)).toThrow(
      '[config-shape] config.secrets[2].key: expected string, received nothing: add key (a string) (see the OpenClawOpsConfig type)',
    );
  });

  it('reports every problem at once, one line each', () => {
    const config = configVariant((c) => {
      c.namespace = 'Open_Claw';
      c.arch.region = 'tokyo';
    });
    let error: ConfigError | undefined;
    try {
      checkConfig(config);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.map((p) => p.rule)).toEqual(['k8s-name', 'aws-region']);
    expect(error?.message.split('\n')[0]).toBe('the config has 2 problems:');
  });

  it('refuses what is not an object at all', () => {
    expect(() => checkConfig(undefined)).toThrow('[config-shape] config: expected object, received nothing');
    expect(() => checkConfig([])).toThrow(/^\[config-shape\] config: expected object, received an empty array/);
  });

  it('formats paths the way a config is written', () => {
    expect(formatConfigPath(['secrets', 2, 'key'])).toBe('config.secrets[2].key');
    expect(formatConfigPath(['arch', 'tags', 'aws:owner'])).toBe('config.arch.tags["aws:owner"]');
  });
});
