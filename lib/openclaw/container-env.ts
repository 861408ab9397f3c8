/** The env of the container OpenClaw runs in, as far as `${VAR}` resolution needs it. */
export interface ContainerEnv {
  /**
   * Where env var `name` comes from: `secret/key` for a Secret key, `literal:value` for a
   * literal; undefined when the container has no such variable. Two vars with the same source
   * resolve to the same value.
   */
  sourceOf(name: string): string | undefined;

  /** Every env var name of the container, sorted. */
  names(): readonly string[];
}
