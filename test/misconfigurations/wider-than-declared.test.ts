import { widerThanDeclaredCases } from './cases/wider-than-declared';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('wider than declared', widerThanDeclaredCases);
