/**
 * Misconfigurations that need more than a one-change config case: objects built outside the graph
 * (a hand-written Deployment or ExternalSecret the whole-graph scan must catch), and refusals whose
 * full text is pinned. Each is a variant of the default config (deep clone + one change), optionally
 * with a bogus construct added to the app, and each asserts the error names the rule, the object,
 * what was expected and how to fix it. The one-change cases of the sweep are in cases/.
 */
import { Chart } from 'cdk8s';
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { ExternalSecret } from '../../imports/eso-external-secrets.io';
import type { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { SecretValueOwner } from '../../lib/secrets/secret-declaration';
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';
import { doc, type MutableConfig, secret as secretNamed } from './misconfiguration-case';
import { refusalOf } from './refuse';

afterAll(removeTempDirs);

/** Builds the app (plus `extend`) and synthesizes both sides; returns the refusal (fails when none or a crash). */
function synthFailure(config: OpenClawOpsConfig, extend?: (app: OpenClawOpsApp) => void): string {
  return refusalOf(config, (c) => {
    const app = buildApp(c);
    extend?.(app);
    return app;
  });
}

/**
 * The rule violations inside a cdk8s "Validation failed" error, without the construct path: from
 * the construct that owns the rule (e.g. the ExternalSecret, the openclaw.json construct) or from
 * the whole-graph scan (construct Invariants).
 */
function graphViolations(message: string): string[] {
  const lines = [...message.matchAll(/^\s*\[[\w/.-]+\] (\[[a-z-]+\] .+)$/gm)].map((m) => m[1]);
  if (lines.length === 0) {
    throw new Error(`expected rule violations, received: ${message}`);
  }
  return lines;
}

/** The single whole-graph violation of `rule` (fails when another rule fired too). */
function violation(message: string, rule: string): string {
  const lines = graphViolations(message);
  const matching = lines.filter((line) => line.startsWith(`[${rule}] `));
  expect(matching, `violations of ${rule} among:\n${lines.join('\n')}`).toHaveLength(1);
  return matching[0];
}

const FIX_WORDS =
  /\b(add|use|remove|rename|declare|keep|set|give|fix|raise|choose|point|write|escape|change|upgrade|drop|append|list)\b/;

/** Lowercase-first, no trailing period, says what was expected (or required) and how to fix it. */
function expectActionable(message: string): void {
  const text = message.replace(/^\[[a-z-]+\] /, '');
  expect(text[0], `"${text}" should start lowercase`).toBe(text[0].toLowerCase());
  expect(text.endsWith('.'), `"${text}" should not end with a period`).toBe(false);
  expect(text).toMatch(FIX_WORDS);
}

/**
 * The one violation of `rule` when the default config's app gets `extend` (an object built outside
 * the graph), checked to be actionable.
 */
function outsideTheGraph(extend: (app: OpenClawOpsApp) => void, rule: string): string {
  const v = violation(
    synthFailure(
      configVariant(() => undefined),
      extend,
    ),
    rule,
  );
  expectActionable(v);
  return v;
}

type MutableDoc = Record<string, Record<string, unknown>>;

/** A config variant whose openclaw.json is edited as plain JSON. */
function documentVariant(mutate: (document: MutableDoc, config: MutableConfig) => void): OpenClawOpsConfig {
  return configVariant((config) => mutate(doc(config), config));
}

/**
 * A hand-written Deployment `bogus` in a chart of the lolice app: the graph's own gateway takes
 * secret env only as handles, so only an object built outside the graph can get this wrong.
 */
function rogueDeployment(container: k8s.Container): (app: OpenClawOpsApp) => void {
  return (app) => {
    const chart = new Chart(app.lolice, 'rogue-chart');
    new k8s.KubeDeployment(chart, 'rogue', {
      metadata: { name: 'bogus', namespace: 'openclaw' },
      spec: {
        selector: { matchLabels: { app: 'bogus' } },
        template: { metadata: { labels: { app: 'bogus' } }, spec: { containers: [container] } },
      },
    });
  };
}

/** A container reading one secret key, in a hand-written Deployment. */
function sidecarReading(secretName: string, key: string): (app: OpenClawOpsApp) => void {
  return rogueDeployment({
    name: 'bogus-reader',
    image: 'busybox:1.36',
    env: [{ name: 'BOGUS_VALUE', valueFrom: { secretKeyRef: { name: secretName, key } } }],
  });
}

/** An extra ExternalSecret (outside the declarations) in a chart of the lolice app. */
function extraExternalSecret(target: string, secretKey: string, remoteKey: string): (app: OpenClawOpsApp) => void {
  return (app) => {
    const chart = new Chart(app.lolice, 'bogus-chart');
    new ExternalSecret(chart, 'bogus-es', {
      metadata: { name: 'bogus-es', namespace: 'openclaw' },
      spec: { target: { name: target }, data: [{ secretKey, remoteRef: { key: remoteKey } }] },
    });
  };
}

describe('misconfigurations | secrets and env (whole graph)', () => {
  it('fails when a ${VAR} in openclaw.json has no env var on container openclaw', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        (doc.gateway.auth as Record<string, unknown>).token = '${MISSING_GATEWAY_TOKEN}';
      }),
    );
    const v = violation(message, 'config-env-defined');
    expect(v).toContain('configmap openclaw/openclaw-config');
    expect(v).toContain('${MISSING_GATEWAY_TOKEN} at gateway.auth.token has no env var on container openclaw');
    expect(v).toMatch(/add a secret declaration with envVars \["MISSING_GATEWAY_TOKEN"\]/);
    expectActionable(v);
  });

  it('fails when an env secretKeyRef names a key no ExternalSecret produces', () => {
    const v = outsideTheGraph(sidecarReading('openclaw-credentials', 'NOT_PRODUCED'), 'secret-key-produced');
    expect(v).toContain('deployment openclaw/bogus container bogus-reader env BOGUS_VALUE');
    expect(v).toContain('reads key NOT_PRODUCED of secret openclaw-credentials, which no ExternalSecret produces');
    expect(v).toContain('CreateContainerConfigError');
    expect(v).toMatch(/add NOT_PRODUCED to the secret declarations or fix the key name/);
  });

  it('fails when an env secretKeyRef reads a secret no ExternalSecret produces', () => {
    const v = outsideTheGraph(sidecarReading('nobody-credentials', 'TOKEN'), 'secret-key-produced');
    expect(v).toContain('reads secret nobody-credentials, which no ExternalSecret produces');
    expect(v).toContain('known: litellm-credentials, openclaw-credentials');
    expect(v).toMatch(/add an ExternalSecret declaration with target nobody-credentials/);
  });

  it('fails when an ExternalSecret remoteRef has no declared ssm parameter', () => {
    const v = outsideTheGraph(
      extraExternalSecret('bogus-credentials', 'BOGUS_KEY', '/lolice/openclaw/UNDECLARED_PARAMETER'),
      'remote-ref-declared',
    );
    expect(v).toContain('externalsecret openclaw/bogus-es key BOGUS_KEY');
    expect(v).toContain('remoteRef "/lolice/openclaw/UNDECLARED_PARAMETER" is not a declared ssm parameter');
    expect(v).toMatch(/declare it in the secrets list/);
  });

  it('fails when a second ExternalSecret writes a key openclaw-credentials already has', () => {
    const v = outsideTheGraph(
      extraExternalSecret('openclaw-credentials', 'DISCORD_BOT_TOKEN', '/lolice/openclaw/DISCORD_BOT_TOKEN'),
      'secret-key-unique',
    );
    expect(v).toContain('secret openclaw-credentials key DISCORD_BOT_TOKEN is written twice');
    expect(v).toContain('externalsecret openclaw/openclaw-es');
  });

  it('fails when a container uses envFrom instead of explicit env items', () => {
    const v = outsideTheGraph(
      rogueDeployment({
        name: 'bogus-env-from',
        image: 'busybox:1.36',
        envFrom: [{ secretRef: { name: 'openclaw-credentials' } }],
      }),
      'no-env-from',
    );
    expect(v).toContain('deployment openclaw/bogus container bogus-env-from: uses envFrom');
    expect(v).toMatch(/list each variable in env\[\] with valueFrom\.secretKeyRef/);
  });

  it('fails when a secret key is declared twice', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.secrets.push({
          ...secretNamed(c, 'XAI_API_KEY'),
          envVars: undefined,
          parameterName: '/lolice/openclaw/XAI_API_KEY_2',
        });
      }),
    );
    expect(message).toBe(
      'secret openclaw-credentials/XAI_API_KEY is declared twice (parameters /lolice/openclaw/XAI_API_KEY and /lolice/openclaw/XAI_API_KEY_2): keep one declaration per secret key',
    );
    expectActionable(message);
  });

  it('fails when an env var is declared by two secrets', () => {
    const message = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'XAI_API_KEY').envVars = ['XAI_API_KEY', 'OPENAI_API_KEY'];
      }),
    );
    expect(message).toContain('env var OPENAI_API_KEY of container openclaw is declared twice');
    expect(message).toContain('secret openclaw-credentials/OPENAI_API_KEY');
    expect(message).toContain('secret openclaw-credentials/XAI_API_KEY');
    expect(message).toMatch(/keep one declaration$/);
    expectActionable(message);
  });

  it('fails when an env var is declared by a secret and by the literal env list', () => {
    const message = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'XAI_API_KEY').envVars = ['XAI_API_KEY', 'NODE_OPTIONS'];
      }),
    );
    expect(message).toBe(
      'env var NODE_OPTIONS of container openclaw is declared twice (by secret openclaw-credentials/XAI_API_KEY and by the literal env list); the later one would silently win: keep one declaration',
    );
    expectActionable(message);
  });

  it('fails when a secret targets a Kubernetes secret no ExternalSecret declaration writes', () => {
    const message = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'TELEGRAM_BOT_TOKEN').secretName = 'telegram-credentials';
      }),
    );
    expect(message).toContain(
      'secret telegram-credentials/TELEGRAM_BOT_TOKEN targets secret telegram-credentials, which no ExternalSecret declaration writes',
    );
    expect(message).toContain('declared: openclaw-credentials, litellm-credentials');
    expect(message).toMatch(/add an externalSecrets entry for it or fix secretName$/);
    expectActionable(message);
  });

  it('fails when two ExternalSecret declarations share a target secret', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.externalSecrets[1].targetSecretName = 'openclaw-credentials';
      }),
    );
    expect(message).toBe(
      'externalsecrets openclaw-es and litellm-es both write secret openclaw-credentials: with creationPolicy Owner they would fight over it; use one ExternalSecret per secret',
    );
    expectActionable(message);
  });

  it('fails when a ${VAR} names a literal env var that is empty', () => {
    const message = synthFailure(
      documentVariant((doc, c) => {
        c.gatewayLiteralEnv.push({ name: 'EMPTY_VALUE', value: '' });
        (doc.channels.discord as Record<string, unknown>).token = '${EMPTY_VALUE}';
      }),
    );
    const v = violation(message, 'config-env-defined');
    expect(v).toContain('${EMPTY_VALUE} at channels.discord.token names a literal env var that is empty');
    expect(v).toMatch(/give it a value$/);
    expectActionable(v);
  });
});

describe('misconfigurations | ssm parameter names', () => {
  it('fails when an ssm parameter name is outside the configured prefix', () => {
    const message = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'DISCORD_BOT_TOKEN').parameterName = '/lolice/other/DISCORD_BOT_TOKEN';
      }),
    );
    // checked on the config, so `--only arch` and `cdktf synth` refuse it too
    const v = message;
    expect(v).toMatch(/^\[ssm-parameter-name\] secret openclaw-credentials\/DISCORD_BOT_TOKEN parameterName: /);
    expect(v).toContain('"/lolice/other/DISCORD_BOT_TOKEN" is outside the configured prefix "/lolice/openclaw/"');
    expect(v).toMatch(/rename it under the prefix/);
    expectActionable(v);
  });

  it('fails when an ssm parameter name has characters ssm does not allow', () => {
    const message = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'GITHUB_TOKEN').parameterName = '/lolice/openclaw/GITHUB TOKEN!';
      }),
    );
    const v = message;
    expect(v).toContain(
      '[ssm-parameter-name] secret openclaw-credentials/GITHUB_TOKEN parameterName: ssm parameter name "/lolice/openclaw/GITHUB TOKEN!" contains characters ssm does not allow',
    );
    expect(v).toMatch(/expected only a-z, A-Z, 0-9/);
  });

  it('fails when an ssm parameter name starts with the reserved "aws" level', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.ssmPrefix = '/aws/openclaw/';
        for (const secret of c.secrets)
          secret.parameterName = secret.parameterName.replace('/lolice/openclaw/', '/aws/openclaw/');
      }),
    );
    expect(message).toMatch(
      /^\[ssm-prefix\] config\.ssmPrefix: received "\/aws\/openclaw\/", expected a prefix .*\(not starting with aws or ssm\): fix ssmPrefix/,
    );
    // the prefix itself is refused first; with a valid prefix each name is checked on its own
    const names = synthFailure(
      configVariant((c) => {
        secretNamed(c, 'XAI_API_KEY').parameterName = '/aws/openclaw/XAI_API_KEY';
      }),
    );
    expect(names).toContain(
      '[ssm-parameter-name] secret openclaw-credentials/XAI_API_KEY parameterName: ssm parameter name "/aws/openclaw/XAI_API_KEY" starts with "aws" or "ssm", which ssm reserves, expected another first level: choose another first level',
    );
  });
});

describe('misconfigurations | arch (terraform)', () => {
  it('fails when the state key is inside arch terraform/aws/openclaw/', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.arch.backend.key = 'terraform/aws/openclaw/v1/terraform.tfstate';
      }),
    );
    expect(message).toContain(
      '[state-key] config.arch.backend.key: received "terraform/aws/openclaw/v1/terraform.tfstate", which is inside "terraform/aws/openclaw/" (another terraform state)',
    );
    expect(message).toMatch(/use a key of its own such as "terraform\/aws\/openclaw-ops\/v1\/terraform\.tfstate"$/);
    expectActionable(message);
  });

  it('fails when a generated secret is shorter than 64 characters', () => {
    const message = synthFailure(
      configVariant((c) => {
        const generated = c.secrets.find((s) => s.owner === SecretValueOwner.GENERATED);
        if (!generated) throw new Error('default config has no generated secret');
        generated.generatedLength = 32;
      }),
    );
    expect(message).toBe(
      '[generated-length] config.secrets[12].generatedLength: received 32, expected an integer from 64 (≥ 32 bytes of entropy in alphanumerics) to 4096 (the SSM standard-tier value limit): set generatedLength in that range',
    );
    expectActionable(message);
  });
});

describe('misconfigurations | openclaw.json (OpenClaw rules)', () => {
  it('fails when cron.sessionRetention cannot be parsed (openclaw would silently use 24h)', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        doc.cron.sessionRetention = '7 days';
      }),
    );
    const v = violation(message, 'openclaw-config');
    expect(v).toContain(
      'configmap openclaw/openclaw-config openclaw.json: openclaw.json cron.sessionRetention: received "7 days"',
    );
    expect(v).toContain('expected a duration such as "7d"');
    expect(v).toContain('silently falls back to 24h');
    expectActionable(v);
  });

  it('fails when cron has an unknown key (strict schema)', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        doc.cron.webhookUrl = 'https://example.invalid/hook';
      }),
    );
    const v = violation(message, 'openclaw-config');
    expect(v).toContain('openclaw.json cron.webhookUrl: received the unknown key "webhookUrl"');
    // from the release's own schema: the keys it knows, and the closest one as the fix
    expect(v).toMatch(/expected a key openclaw [\d.]+ knows here \([^)]*"sessionRetention"[^)]*\)/);
    expect(v).toMatch(/did you mean "webhook(Token)?"\? rename it$/);
    expectActionable(v);
  });

  it('fails when the diagnostics-otel plugin entry has config keys', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        (doc.plugins.entries as Record<string, Record<string, unknown>>)['diagnostics-otel'].config = {
          endpoint: 'http://otel.invalid:4318',
        };
      }),
    );
    const v = violation(message, 'openclaw-config');
    // from the plugin's config schema, which the release merges into its own
    expect(v).toContain('plugins.entries.diagnostics-otel.config.endpoint: received the unknown key "endpoint"');
    expect(v).toMatch(/expected no key here \(openclaw [\d.]+ accepts none\); remove the key$/);
    expectActionable(v);
  });

  it('fails when diagnostics.enabled is false while otel is on', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        doc.diagnostics.enabled = false;
      }),
    );
    const v = violation(message, 'openclaw-config');
    expect(v).toContain('openclaw.json diagnostics.enabled: received false, expected true');
    expect(v).toMatch(/set diagnostics\.enabled to true$/);
    expectActionable(v);
  });

  it('fails when otel metrics are switched off although the dashboards need them', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        (doc.diagnostics.otel as Record<string, unknown>).metrics = false;
      }),
    );
    const v = violation(message, 'openclaw-config');
    expect(v).toContain('diagnostics.otel.metrics: received false, expected true or unset');
    expectActionable(v);
  });

  it('fails when hooks.token resolves to the gateway token (openclaw 2026.2.19 refuses to start)', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        doc.hooks = { enabled: true, token: '${OPENCLAW_GATEWAY_TOKEN}' };
      }),
    );
    const v = violation(message, 'openclaw-config');
    expect(v).toContain('openclaw.json hooks.token: received the same value as gateway.auth.token');
    expect(v).toContain('openclaw 2026.2.19 refuses to start with "hooks.token must not match gateway auth token"');
    expect(v).toMatch(/give hooks\.token its own secret$/);
    expectActionable(v);
  });

  it('fails when hooks.token is a different env var that reads the same secret key as the gateway token', () => {
    const message = synthFailure(
      documentVariant((doc, c) => {
        secretNamed(c, 'OPENCLAW_GATEWAY_TOKEN').envVars = ['OPENCLAW_GATEWAY_TOKEN', 'OPENCLAW_HOOKS_TOKEN'];
        doc.hooks = { enabled: true, token: '${OPENCLAW_HOOKS_TOKEN}' };
      }),
    );
    expect(violation(message, 'openclaw-config')).toContain(
      'hooks.token: received the same value as gateway.auth.token',
    );
  });

  it('fails when a ${lower} placeholder would stay literal', () => {
    const message = synthFailure(
      documentVariant((doc) => {
        (doc.channels.telegram as Record<string, unknown>).botToken = '${telegram_bot_token}';
      }),
    );
    // reported once, by OpenClaw's own rules (no second, cross-object copy)
    expect(message).not.toContain('[config-env-syntax]');
    const v = violation(message, 'openclaw-config');
    expect(v).toContain('channels.telegram.botToken: received the text "${telegram_bot_token}"');
    expect(v).toContain('lower-case');
    expect(v).toMatch(/expected a \$\{NAME\} reference with an upper-case name .*; fix the reference$/);
    expectActionable(v);
  });

  it('fails when the openclaw version is not a release version', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.openclawVersion = 'latest';
      }),
    );
    expect(message).toBe(
      '[openclaw-version] config.openclawVersion: received "latest", expected a release version YYYY.M.D such as "2026.2.19": write the version of the image\'s OpenClaw release',
    );
  });

  it('fails when the openclaw version predates the otel metrics fix (version-specific rule)', () => {
    const message = synthFailure(
      configVariant((c) => {
        c.openclawVersion = '2026.2.17';
      }),
    );
    const violations = graphViolations(message);
    const v = violations.find((line) => line.includes('openclaw.json diagnostics.otel: received openclaw 2026.2.17'));
    expect(v, violations.join('\n')).toBeDefined();
    expect(v).toContain('expected openclaw 2026.2.19 or later');
    expect(v).toMatch(/upgrade the image$/);
    // The same endpoint is a base URL that 2026.2.17 would not append /v1/metrics to.
    expect(violations.some((line) => line.includes('diagnostics.otel.endpoint') && line.includes('2026.2.17'))).toBe(
      true,
    );
    for (const line of violations) expectActionable(line);
  });
});
