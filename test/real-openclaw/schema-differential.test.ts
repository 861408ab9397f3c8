/**
 * Schema differential: variants generated from the release's own schema (an unknown key, a wrong
 * type, a value outside an enum, a number out of range, an empty string, at every object level of
 * every top-level section) of the synthesized `openclaw.json`, through the REAL 2026.2.19 config
 * loader (all in one process) and through ours with the options the app uses at synth. Ours never
 * accepts what the real loader refuses.
 */
import type { RealConfigVerdict } from '../../lib/openclaw/release/release-probe';
import { validateConfigsWithRelease } from '../../lib/openclaw/release/release-probe';
import { RELEASE_REFINEMENTS } from '../../lib/openclaw/schema/refinements';
import { loadReleaseSchema } from '../../lib/openclaw/schema/release-schema-files';
import { validateOpenClawConfig } from '../../lib/openclaw/validate-config';
import { buildApp, parseYamlDocuments, renderLolice } from '../support/openclaw-ops-harness';
import { realOpenClawRelease, REAL_OPENCLAW_VERSION, RELEASE_INSTALL_TIMEOUT_MS } from '../support/real-openclaw';
import { schemaVariants, type SchemaVariant } from '../support/schema-mutations';

type Doc = Record<string, unknown>;

/** A typo a person makes easily: the real gateway refuses the file, the pod would crash-loop. */
const TYPO = 'typo gateway.controlUi.allowedOrigin';

type Editable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-only JSON edits

/** One refinement of the release (`lib/openclaw/schema/refinements.ts`), broken on purpose. */
const REFINEMENT_VARIANTS: readonly { readonly refinement: string; readonly mutate: (d: Editable) => void }[] = [
  { refinement: 'discord-open-dm-needs-wildcard', mutate: (d) => void (d.channels.discord.dm.policy = 'open') },
  { refinement: 'telegram-open-dm-needs-wildcard', mutate: (d) => void (d.channels.telegram.dmPolicy = 'open') },
  { refinement: 'discord-ids-are-strings', mutate: (d) => void (d.channels.discord.dm.allowFrom = [123456789]) },
  { refinement: 'discord-activity-fields', mutate: (d) => void (d.channels.discord.activityType = 1) },
  {
    refinement: 'telegram-webhook-needs-secret',
    mutate: (d) => void (d.channels.telegram.webhookUrl = 'https://example.invalid/telegram'),
  },
  {
    refinement: 'broadcast-agents-exist',
    mutate: (d) => {
      d.agents.list = [{ id: 'main' }];
      d.broadcast = { 'peer-1': ['no-such-agent'] };
    },
  },
  { refinement: 'cron-webhook-http-url', mutate: (d) => void (d.cron.webhook = 'ftp://example.invalid/hook') },
];

let variants: SchemaVariant[];
let real: Map<string, RealConfigVerdict>;
let ours: Map<string, string[]>;

beforeAll(async () => {
  const release = await realOpenClawRelease();
  const app = buildApp();
  const configMap = parseYamlDocuments(
    renderLolice().get('argoproj/openclaw/configmap-openclaw.yaml')!,
  )[0] as unknown as {
    data: Record<string, string>;
  };
  const synthesized = JSON.parse(configMap.data['openclaw.json']!) as Doc;
  variants = schemaVariants(loadReleaseSchema(REAL_OPENCLAW_VERSION).schema, synthesized);
  // the control: the synthesized document itself, accepted by both
  variants.unshift({ id: 'synthesized', section: '', kind: 'unknown-key', document: synthesized });
  const typo = structuredClone(synthesized) as { gateway: { controlUi: Doc } };
  typo.gateway.controlUi.allowedOrigin = ['https://example.invalid'];
  variants.push({ id: TYPO, section: 'gateway', kind: 'unknown-key', document: typo });
  for (const { refinement, mutate } of REFINEMENT_VARIANTS) {
    const doc = structuredClone(synthesized);
    mutate(doc);
    variants.push({ id: `refinement ${refinement}`, section: 'refinement', kind: 'unknown-key', document: doc });
  }
  const options = app.openclaw.validation;
  const env = Object.fromEntries((options.providedEnvVars ?? []).map((n) => [n, `fake-${n.toLowerCase()}`]));
  real = await validateConfigsWithRelease(release, new Map(variants.map((v) => [v.id, v.document])), {
    env,
    timeoutMs: 10 * 60_000,
  });
  ours = new Map(variants.map((v) => [v.id, validateOpenClawConfig(v.document, options)]));
}, RELEASE_INSTALL_TIMEOUT_MS);

describe(`openclaw.json variants from the ${REAL_OPENCLAW_VERSION} schema: the real loader vs ours`, () => {
  it('covers at least 500 variants over every top-level section of the schema', () => {
    expect(variants.length).toBeGreaterThanOrEqual(500);
    const sections = Object.keys(
      (loadReleaseSchema(REAL_OPENCLAW_VERSION).schema.properties ?? {}) as Record<string, unknown>,
    );
    const covered = new Set(variants.map((v) => v.section));
    expect(variants.length - 1).toBeGreaterThanOrEqual(500);
    expect(sections.filter((s) => !covered.has(s))).toEqual([]);
  });

  it('ours accepts nothing the real loader refuses (0 looser)', () => {
    const counts = { bothRefuse: 0, bothAccept: 0, oursStricter: 0, oursLooser: 0 };
    const looser: string[] = [];
    const stricter: string[] = [];
    expect(real.get('synthesized')).toMatchObject({ valid: true, issues: [] });
    expect(ours.get('synthesized')).toEqual([]);
    for (const variant of variants.slice(1)) {
      const realRefuses = !real.get(variant.id)!.valid;
      const oursRefuses = ours.get(variant.id)!.length > 0;
      if (realRefuses && oursRefuses) counts.bothRefuse++;
      else if (!realRefuses && !oursRefuses) counts.bothAccept++;
      else if (oursRefuses) {
        counts.oursStricter++;
        stricter.push(`${variant.id}: ${ours.get(variant.id)![0]}`);
      } else {
        counts.oursLooser++;
        const issues = real.get(variant.id)!.issues.map((i) => `${i.path}: ${i.message}`);
        looser.push(`${variant.id} (real: ${issues.join('; ')})`);
      }
    }
    console.log(`schema differential (${variants.length - 1} variants): ${JSON.stringify(counts)}`);
    if (stricter.length > 0) console.log(`ours stricter:\n  ${stricter.join('\n  ')}`);
    expect(looser).toEqual([]);
    expect(counts.bothRefuse).toBeGreaterThan(0);
  });

  it.each(REFINEMENT_VARIANTS.map((r) => r.refinement))(
    'refinement %s: refused by the real loader and by ours',
    (id) => {
      const real_ = real.get(`refinement ${id}`)!;
      expect(real_.valid).toBe(false);
      expect(RELEASE_REFINEMENTS.map((r) => r.id)).toContain(id);
      // ours refuses it by this refinement alone: the refinement's own check finds it
      const doc = variants.find((v) => v.id === `refinement ${id}`)!.document;
      expect(RELEASE_REFINEMENTS.find((r) => r.id === id)!.check(doc)).not.toEqual([]);
      expect(ours.get(`refinement ${id}`)).not.toEqual([]);
    },
  );

  it('gateway.controlUi.allowedOrigin (for allowedOrigins) is refused by both, ours naming the fix', () => {
    expect(real.get(TYPO)!.valid).toBe(false);
    expect(ours.get(TYPO)!.join('\n')).toMatch(
      /openclaw\.json gateway\.controlUi\.allowedOrigin: received the unknown key "allowedOrigin".*did you mean "allowedOrigins"/,
    );
  });
});
