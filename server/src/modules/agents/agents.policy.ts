import { invalidState } from '../../core/errors';

type Status = 'pending' | 'active' | 'rejected' | 'cancelled';

/** State guards of a binding (manual 003 §1.1.3): request → 通过/拒绝 → 授权 → 取消绑定. */
export const bindingGuards = {
  respond(status: Status) {
    if (status !== 'pending') throw invalidState('该绑定申请已处理，不能重复操作');
  },
  authorize(status: Status, authorized: boolean) {
    if (status !== 'active') throw invalidState('经办人尚未通过绑定申请，不能授权');
    if (authorized) throw invalidState('已授权，无需重复授权');
  },
  unauthorize(status: Status, authorized: boolean) {
    if (status !== 'active' || !authorized) throw invalidState('该经办人未授权');
  },
  cancel(status: Status) {
    if (status !== 'pending' && status !== 'active') throw invalidState('该绑定已结束，不能取消');
  },
};
