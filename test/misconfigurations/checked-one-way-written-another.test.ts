import { checkedOneWayCases } from './cases/checked-one-way-written-another';
import { describeMisconfigurationClass } from './describe-class';

describeMisconfigurationClass('checked one way, written another', checkedOneWayCases);
