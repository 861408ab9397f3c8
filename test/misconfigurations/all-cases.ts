/** Every misconfiguration case, by class (the sweep and the per-class tests read this). */
import type { MisconfigurationCase, MisconfigurationClass } from './misconfiguration-case';
import { applyScriptCases } from './cases/apply-script';
import { checkedOneWayCases } from './cases/checked-one-way-written-another';
import { limitsAndFormatsCases } from './cases/limits-and-formats';
import { secretsHeadedForGitCases } from './cases/secrets-headed-for-git';
import { shapeCases } from './cases/shape';
import { unitSlipCases } from './cases/unit-slips';
import { widerThanDeclaredCases } from './cases/wider-than-declared';

export const CASES_BY_CLASS: Readonly<Record<MisconfigurationClass, readonly MisconfigurationCase[]>> = {
  'wider-than-declared': widerThanDeclaredCases,
  'secrets-headed-for-git': secretsHeadedForGitCases,
  'checked-one-way-written-another': checkedOneWayCases,
  'apply-script': applyScriptCases,
  'unit-slips': unitSlipCases,
  'limits-and-formats': limitsAndFormatsCases,
  shape: shapeCases,
};
