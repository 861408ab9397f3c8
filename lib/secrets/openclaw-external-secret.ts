import { Construct } from 'constructs';
import {
  ExternalSecret,
  ExternalSecretSpecDataRemoteRefConversionStrategy,
  ExternalSecretSpecDataRemoteRefDecodingStrategy,
  ExternalSecretSpecDataRemoteRefMetadataPolicy,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetDeletionPolicy,
} from '../../imports/eso-external-secrets.io';
import { addManifestComment } from '../files/yaml-comments';
import { SYNC_WAVE_ANNOTATION } from '../files/argocd';
import type { SecretDeclaration } from './secret-declaration';
import { ISecretKeySource, SecretKeyReference } from './secret-key-reference';
import { ssmParameterNameProblems } from './ssm-parameter-name';

export interface OpenClawExternalSecretProps {
  /** `metadata.name`, e.g. `openclaw-es`. */
  readonly name: string;
  readonly namespace: string;
  /** The Kubernetes Secret ESO writes. */
  readonly targetSecretName: string;
  /** The store to read from. */
  readonly store: { readonly kind: 'ClusterSecretStore' | 'SecretStore'; readonly name: string };
  /** ESO refresh interval, e.g. `1h`. */
  readonly refreshInterval: string;
  /** The keys, in file order. Every one must target `targetSecretName`. */
  readonly secrets: readonly SecretDeclaration[];
  /**
   * A comment above the first `spec.data` entry.
   *
   * @default - none
   */
  readonly comment?: string;
  /**
   * Every remoteRef must be a valid SSM name under this prefix (rule `ssm-parameter-name`).
   *
   * @default - names are not checked here (the whole-graph scan still checks them)
   */
  readonly ssmPrefix?: string;
  /**
   * Argo CD sync wave; must be earlier than the Deployment's.
   *
   * @default 0
   */
  readonly syncWave?: number;
}

/**
 * An ExternalSecret in lolice's style: `data[]` only, every entry spelling out
 * `conversionStrategy: Default`, `decodingStrategy: None`, `metadataPolicy: None`;
 * target `creationPolicy: Owner`, `deletionPolicy: Retain`.
 */
export class OpenClawExternalSecret extends Construct implements ISecretKeySource {
  public readonly resource: ExternalSecret;
  /** `metadata.name`. */
  public readonly name: string;
  /** The Kubernetes Secret ESO writes. */
  public readonly targetSecretName: string;
  /** The keys written, in file order. */
  public readonly keys: readonly string[];

  constructor(scope: Construct, id: string, props: OpenClawExternalSecretProps) {
    super(scope, id);
    const foreign = props.secrets.filter((s) => s.secretName !== props.targetSecretName);
    if (foreign.length > 0) {
      throw new Error(
        `externalsecret ${props.name}: keys ` +
          `${foreign.map((s) => `${s.secretName}/${s.key}`).join(', ')} target ` +
          `another secret than ${props.targetSecretName}: pass only the ` +
          `declarations of ${props.targetSecretName}`,
      );
    }
    if (props.secrets.length === 0) {
      throw new Error(
        `externalsecret ${props.name}: no keys declared for secret ` +
          `${props.targetSecretName}: declare at least one secret or drop the ` +
          `ExternalSecret`,
      );
    }
    this.name = props.name;
    this.targetSecretName = props.targetSecretName;
    this.keys = props.secrets.map((s) => s.key);
    const { ssmPrefix } = props;
    if (ssmPrefix !== undefined) {
      this.node.addValidation({
        validate: () =>
          props.secrets.flatMap((secret) =>
            ssmParameterNameProblems(secret.parameterName, ssmPrefix).map(
              (problem) =>
                `[ssm-parameter-name] externalsecret ${props.namespace}/${props.name} key ${secret.key}: ${problem}`,
            ),
          ),
      });
    }
    this.resource = new ExternalSecret(this, 'Resource', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        annotations: { [SYNC_WAVE_ANNOTATION]: String(props.syncWave ?? 0) },
      },
      spec: {
        refreshInterval: props.refreshInterval,
        secretStoreRef: {
          kind:
            props.store.kind === 'ClusterSecretStore'
              ? ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE
              : ExternalSecretSpecSecretStoreRefKind.SECRET_STORE,
          name: props.store.name,
        },
        target: {
          name: props.targetSecretName,
          creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
          deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.RETAIN,
        },
        data: props.secrets.map((secret) => ({
          secretKey: secret.key,
          remoteRef: {
            key: secret.parameterName,
            conversionStrategy: ExternalSecretSpecDataRemoteRefConversionStrategy.DEFAULT,
            decodingStrategy: ExternalSecretSpecDataRemoteRefDecodingStrategy.NONE,
            metadataPolicy: ExternalSecretSpecDataRemoteRefMetadataPolicy.NONE,
          },
        })),
      },
    });
    addManifestComment(
      this.resource,
      ['metadata', 'annotations'],
      'sync-wave: ESO must have written every key before the Deployment (wave ' +
        '1) rolls; a missing key would take the gateway down',
    );
    if (props.comment) {
      addManifestComment(this.resource, ['spec', 'data', 0], props.comment);
    }
  }

  /** Whether this ExternalSecret writes `key` into {@link targetSecretName}. */
  public producesKey(key: string): boolean {
    return this.keys.includes(key);
  }

  /** A handle on one key this ExternalSecret writes, for container env. */
  public keyReference(key: string): SecretKeyReference {
    return SecretKeyReference.fromSource(this, key);
  }
}
