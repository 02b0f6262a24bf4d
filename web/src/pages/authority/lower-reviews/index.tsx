import { lowerDeskApi } from '../../../api/authorities';
import { ReviewDesk } from '../components/ReviewDesk';

/** 下级行业主管部门（行业组织）信息审核 (002 §1.5.1): applications of the level below, same 专业序列. */
export function LowerAuthorityReviewPage() {
  return <ReviewDesk api={lowerDeskApi} title="下级行业主管部门（行业组织）信息审核" />;
}
