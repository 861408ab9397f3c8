/**
 * Types for the cdktf matchers `Testing.setupJest()` registers on vitest's `expect` (test/ssm/arch-stack.test.ts).
 * cdktf only augments jest's `Matchers<R>`, so vitest needs this shim.
 */
import 'vitest';

interface CdktfConstructClass {
  readonly tfResourceType: string;
}

interface CdktfMatchers<R = unknown> {
  /** The synthesized stack JSON has at least one resource of this type. */
  toHaveResource(type: CdktfConstructClass): R;
  /** The synthesized stack JSON has a resource of this type whose properties partially match. */
  toHaveResourceWithProperties(type: CdktfConstructClass, properties: Record<string, unknown>): R;
  /** The synthesized stack JSON has at least one data source of this type. */
  toHaveDataSource(type: CdktfConstructClass): R;
  /** The synthesized stack JSON has a data source of this type whose properties partially match. */
  toHaveDataSourceWithProperties(type: CdktfConstructClass, properties: Record<string, unknown>): R;
  /** The synthesized stack JSON configures this provider. */
  toHaveProvider(type: CdktfConstructClass): R;
  /** The synthesized stack JSON configures this provider with matching properties. */
  toHaveProviderWithProperties(type: CdktfConstructClass, properties: Record<string, unknown>): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T> extends CdktfMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CdktfMatchers {}
}
