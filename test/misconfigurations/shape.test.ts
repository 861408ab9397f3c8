import { shapeCases } from './cases/shape';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('shape (missing or mistyped fields)', shapeCases);
