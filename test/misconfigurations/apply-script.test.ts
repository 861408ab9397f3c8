import { applyScriptCases } from './cases/apply-script';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('the apply script', applyScriptCases);
