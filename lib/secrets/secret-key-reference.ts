/**
 * What hands out {@link SecretKeyReference}s: a Kubernetes Secret whose keys the graph produces
 * (implemented by `OpenClawExternalSecret`).
 */
export interface ISecretKeySource {
  /** The Kubernetes Secret the keys live in. */
  readonly targetSecretName: string;
  /** Whether the source writes `key` into {@link targetSecretName}. */
  producesKey(key: string): boolean;
}

/**
 * A key of a Kubernetes Secret that some construct of the graph produces. Containers take env
 * values only as references, so a key nobody writes cannot be named: the only way to get one is
 * {@link SecretKeyReference.fromSource}, which refuses keys the source does not produce.
 */
export class SecretKeyReference {
  /** A reference to `key` of the Secret `source` writes; throws when `source` does not write it. */
  public static fromSource(source: ISecretKeySource, key: string): SecretKeyReference {
    if (!source.producesKey(key)) {
      throw new Error(
        `secret ${source.targetSecretName} has no key ${key}: no externalsecret ` +
          `produces it; declare the key in the secrets list or fix the key name`,
      );
    }
    return new SecretKeyReference({ secretName: source.targetSecretName, key });
  }

  // A private member makes the type nominal: a `{ secretName, key }` literal is not a reference.
  private constructor(private readonly ref: { readonly secretName: string; readonly key: string }) {}

  /** The Kubernetes Secret. */
  public get secretName(): string {
    return this.ref.secretName;
  }

  /** The key inside it. */
  public get key(): string {
    return this.ref.key;
  }

  /** `secret/key`, for messages. */
  public toString(): string {
    return `${this.secretName}/${this.key}`;
  }
}

/** An env var of container `openclaw` read from a produced Secret key. */
export interface SecretEnvVar {
  /** The env var name. */
  readonly name: string;
  /** The key it reads. */
  readonly value: SecretKeyReference;
}
