import { unitSlipCases } from './cases/unit-slips';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('unit slips', unitSlipCases);
