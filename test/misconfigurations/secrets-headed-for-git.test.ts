import { secretsHeadedForGitCases } from './cases/secrets-headed-for-git';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('secrets headed for git', secretsHeadedForGitCases);
