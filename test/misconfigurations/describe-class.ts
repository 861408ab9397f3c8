/** The per-class test body: every case of the class is refused with its rule id, object and fix. */
import { buildApp, configVariant, removeTempDirs } from '../support/openclaw-ops-harness';
import type { MisconfigurationCase } from './misconfiguration-case';
import { expectRefusal } from './misconfiguration-case';
import { refusalOf } from './refuse';

export function describeMisconfigurationClass(name: string, cases: readonly MisconfigurationCase[]): void {
  afterAll(removeTempDirs);
  describe(`misconfigurations | ${name}`, () => {
    it.each(cases.map((c) => [c.id, c] as const))('refuses %s', (_id, c) => {
      expectRefusal(
        refusalOf(configVariant(c.variant), (config) => buildApp(config)),
        c,
      );
    });
  });
}
