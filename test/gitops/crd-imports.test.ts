import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { PrometheusRule as KmPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import * as YAML from 'yaml';
import {
  ExternalSecret,
  ExternalSecretSpecDataRemoteRefConversionStrategy,
  ExternalSecretSpecDataRemoteRefDecodingStrategy,
  ExternalSecretSpecDataRemoteRefMetadataPolicy,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetDeletionPolicy,
  type ExternalSecretSpec,
} from '../../imports/eso-external-secrets.io';
import {
  PrometheusRule,
  PrometheusRuleSpecGroupsRulesExpr,
  type PrometheusRuleSpec,
} from '../../imports/prom-monitoring.coreos.com';
import { ExternalSecret as KmExternalSecret } from '../support/crd-schema-model';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CDK8S_CLI = path.join(REPO_ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

/** The CRD files `cdk8s.yaml` imports, read back as parsed YAML. */
function readCrd(file: string): {
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; storage: boolean }[] };
} {
  return YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'crds', file), 'utf8'));
}

/** A lolice-shaped ExternalSecret spec (openclaw-es) with placeholder keys only. */
function openclawEsSpec(overrides: Partial<ExternalSecretSpec> = {}): ExternalSecretSpec {
  return {
    refreshInterval: '1h',
    secretStoreRef: { kind: ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name: 'parameterstore' },
    target: {
      name: 'openclaw-credentials',
      creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
      deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.RETAIN,
    },
    data: [
      {
        secretKey: 'OPENCLAW_CRON_WEBHOOK_TOKEN',
        remoteRef: {
          key: '/lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN',
          conversionStrategy: ExternalSecretSpecDataRemoteRefConversionStrategy.DEFAULT,
          decodingStrategy: ExternalSecretSpecDataRemoteRefDecodingStrategy.NONE,
          metadataPolicy: ExternalSecretSpecDataRemoteRefMetadataPolicy.NONE,
        },
      },
    ],
    ...overrides,
  };
}

/** Synthesizes one ExternalSecret through the imported class and returns the manifest. */
function synthExternalSecret(spec: ExternalSecretSpec): Record<string, unknown> {
  const chart = Testing.chart();
  new ExternalSecret(chart, 'openclaw-es', { metadata: { name: 'openclaw-es', namespace: 'openclaw' }, spec });
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return manifests[0];
}

function synthPrometheusRule(spec: PrometheusRuleSpec): Record<string, unknown> {
  const chart = Testing.chart();
  new PrometheusRule(chart, 'rule', { metadata: { name: 'openclaw-cron', namespace: 'monitoring' }, spec });
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return manifests[0];
}

/**
 * Runs a kubernetes-models object's schema validation (throws on the first violation).
 *
 * `@kubernetes-models/base` only publishes an `exports` map, which our `moduleResolution: node`
 * cannot follow, so tsc does not see `Model#validate`; narrow it at runtime instead.
 */
function validateModel(model: unknown): void {
  const validate = (model as { validate?: unknown }).validate;
  if (typeof validate !== 'function') {
    throw new Error(`expected a kubernetes-models object with validate(), received ${typeof validate}`);
  }
  validate.call(model);
}

describe('CRD imports | versions', () => {
  test('ExternalSecret is the external-secrets.io/v1 class', () => {
    expect(ExternalSecret.GVK).toEqual({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret' });
  });

  test('PrometheusRule is the monitoring.coreos.com/v1 class', () => {
    expect(PrometheusRule.GVK).toEqual({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
  });

  // cdk8s import gives the unsuffixed class name to the FIRST listed version, so the CRDs are
  // trimmed to exactly the version we use; re-adding v1beta1/v1alpha1 must be a conscious change.
  test.each([
    ['external-secrets.io_externalsecrets.yaml', 'external-secrets.io', 'ExternalSecret'],
    ['monitoring.coreos.com_prometheusrules.yaml', 'monitoring.coreos.com', 'PrometheusRule'],
  ])('%s lists only the served storage version v1', (file, group, kind) => {
    const crd = readCrd(file);
    expect(crd.spec.group).toBe(group);
    expect(crd.spec.names.kind).toBe(kind);
    expect(crd.spec.versions).toHaveLength(1);
    expect(crd.spec.versions[0]).toMatchObject({ name: 'v1', served: true, storage: true });
  });
});

describe('CRD imports | synthesized objects validate against the upstream schema', () => {
  test('a lolice-shaped ExternalSecret validates as external-secrets.io/v1', () => {
    const manifest = synthExternalSecret(openclawEsSpec());

    expect(manifest).toMatchObject({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'openclaw-es', namespace: 'openclaw' },
      spec: {
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'parameterstore' },
        target: { name: 'openclaw-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      },
    });
    expect(() => validateModel(new KmExternalSecret(manifest as never))).not.toThrow();
  });

  test('fails validation when secretStoreRef.kind is not SecretStore or ClusterSecretStore', () => {
    const bogusKind = 'Bogus' as unknown as ExternalSecretSpecSecretStoreRefKind;
    const manifest = synthExternalSecret(
      openclawEsSpec({ secretStoreRef: { kind: bogusKind, name: 'parameterstore' } }),
    );

    expect(manifest).toMatchObject({ spec: { secretStoreRef: { kind: 'Bogus' } } });
    expect(() => validateModel(new KmExternalSecret(manifest as never))).toThrow(
      /spec\/secretStoreRef\/kind must be equal to one of the allowed values/,
    );
  });

  test('fails validation when a data entry has no remoteRef', () => {
    const entry = { secretKey: 'OPENCLAW_CRON_WEBHOOK_TOKEN' } as unknown as NonNullable<
      ExternalSecretSpec['data']
    >[number];
    const manifest = synthExternalSecret(openclawEsSpec({ data: [entry] }));

    expect(() => validateModel(new KmExternalSecret(manifest as never))).toThrow(
      /spec\/data\/0 must have required property 'remoteRef'/,
    );
  });

  test('a PrometheusRule with an alerting rule validates as monitoring.coreos.com/v1', () => {
    const manifest = synthPrometheusRule({
      groups: [
        {
          name: 'openclaw-cron',
          rules: [
            {
              alert: 'OpenClawCronJobFailed',
              expr: PrometheusRuleSpecGroupsRulesExpr.fromString(
                'increase(openclaw_cron_runs_total{status="error"}[1h]) > 0',
              ),
              for: '5m',
              labels: { severity: 'warning' },
            },
          ],
        },
      ],
    });

    expect(manifest).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      spec: {
        groups: [
          { name: 'openclaw-cron', rules: [{ expr: 'increase(openclaw_cron_runs_total{status="error"}[1h]) > 0' }] },
        ],
      },
    });
    expect(() => validateModel(new KmPrometheusRule(manifest as never))).not.toThrow();
  });

  test('fails validation when a PrometheusRule group has no name', () => {
    const group = {
      rules: [{ record: 'x', expr: PrometheusRuleSpecGroupsRulesExpr.fromString('1') }],
    } as unknown as NonNullable<PrometheusRuleSpec['groups']>[number];
    const manifest = synthPrometheusRule({ groups: [group] });

    expect(() => validateModel(new KmPrometheusRule(manifest as never))).toThrow(
      /spec\/groups\/0 must have required property name/,
    );
  });
});

describe('CRD imports | reproducibility', () => {
  let outDir: string | undefined;

  afterEach(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
    outDir = undefined;
  });

  // cdk8s-cli is a pinned devDependency; the test is skipped only when it is not installed at all.
  const cliMissing = !fs.existsSync(CDK8S_CLI);
  const title = cliMissing
    ? `regenerating imports/ (skipped: cdk8s-cli is not installed at ${CDK8S_CLI}; run npm ci)`
    : 'regenerating from crds/ offline reproduces the committed imports/ byte for byte';
  test.skipIf(cliMissing)(title, () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crd-imports-'));
    const result = spawnSync(
      process.execPath,
      [CDK8S_CLI, 'import', '--no-check-upgrade', '--no-save', '--output', outDir],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.error, `could not start cdk8s-cli at ${CDK8S_CLI}`).toBeUndefined();
    expect(result.status, `cdk8s import failed:\n${result.stdout}\n${result.stderr}`).toBe(0);

    const committed = fs
      .readdirSync(path.join(REPO_ROOT, 'imports'))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    const regenerated = fs.readdirSync(outDir).sort();
    expect(regenerated).toEqual(['eso-external-secrets.io.ts', 'prom-monitoring.coreos.com.ts']);
    expect(committed).toEqual(regenerated);
    for (const file of regenerated) {
      const fresh = fs.readFileSync(path.join(outDir, file));
      const onDisk = fs.readFileSync(path.join(REPO_ROOT, 'imports', file));
      expect(fresh.equals(onDisk), `imports/${file} differs from a fresh \`cdk8s import\`; run npm run import`).toBe(
        true,
      );
    }
  });
});
