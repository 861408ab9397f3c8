import { limitsAndFormatsCases } from './cases/limits-and-formats';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('limits and formats', limitsAndFormatsCases);
