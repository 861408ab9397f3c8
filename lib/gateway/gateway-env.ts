import { DeclaredOnce } from '../core/declared-once';
import type { ContainerEnv } from '../openclaw/container-env';
import type { LiteralEnvVar } from '../secrets/secret-declaration';
import type { SecretEnvVar } from '../secrets/secret-key-reference';
import { GATEWAY_CONTAINER_NAME } from './gateway-labels';

/** Props of {@link GatewayEnv}. */
export interface GatewayEnvProps {
  /** Env vars read from produced Secret keys (handles, never plain names), in order. */
  readonly secret: readonly SecretEnvVar[];
  /** Literal env vars, after the secret ones, in order. */
  readonly literal: readonly LiteralEnvVar[];
}

/**
 * The env of container `openclaw`: secret env vars (each a reference to a key an ExternalSecret
 * writes) followed by literal ones. Every name is declared once.
 */
export class GatewayEnv implements ContainerEnv {
  public readonly secret: readonly SecretEnvVar[];
  public readonly literal: readonly LiteralEnvVar[];
  private readonly sources: ReadonlyMap<string, string>;

  constructor(props: GatewayEnvProps) {
    const names = new DeclaredOnce(
      (name, first, second) =>
        `env var ${name} of container ${GATEWAY_CONTAINER_NAME} is declared ` +
        `twice (by ${first} and by ${second}); the later one would silently win: ` +
        `keep one declaration`,
    );
    for (const item of props.secret) {
      names.claim(item.name, `secret ${item.value.toString()}`);
    }
    for (const item of props.literal) {
      names.claim(item.name, 'the literal env list');
    }
    this.secret = props.secret;
    this.literal = props.literal;
    this.sources = new Map<string, string>([
      ...props.secret.map((e): [string, string] => [e.name, e.value.toString()]),
      ...props.literal.map((e): [string, string] => [e.name, `literal:${e.value}`]),
    ]);
  }

  /** Every env var name, sorted. */
  public names(): readonly string[] {
    return [...this.sources.keys()].sort();
  }

  /** `secret/key` or `literal:value` of env var `name`; undefined when the container has no such var. */
  public sourceOf(name: string): string | undefined {
    return this.sources.get(name);
  }
}
