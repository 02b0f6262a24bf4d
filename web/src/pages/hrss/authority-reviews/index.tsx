import { hrssDeskApi } from '../../../api/authorities';
import { ReviewDesk } from '../../authority/components/ReviewDesk';

/** 行业主管角色审核 (SPEC §14): the provincial authorities' applications, reviewed by the provincial HRSS. */
export function AuthorityRoleReviewPage() {
  return <ReviewDesk api={hrssDeskApi} title="行业主管角色审核" />;
}
