import type { EmployerProfileUpdateRequest } from '@ce/shared';
import type { Actor, RequestContext, Services } from '../../core/context';
import { employerUnitId } from '../people/people.policy';
import { updateOrgContacts } from './org-contacts';
import { presentEmployerProfile } from './orgs.present';

/** 法人单位信息维护: the approved employer's info, every field shown. */
export async function getEmployerProfile(s: Services, actor: Actor) {
  return presentEmployerProfile(s.db, employerUnitId(actor));
}

/** Fields that only a new application may change (SPEC §3); sent back unchanged they are accepted. */
const LOCKED = ['unitName', 'certType', 'certNumber', 'nature', 'level', 'regionCode'] as const;

/**
 * 保存 (manual 003 §1.2.2): 联系人, 办公电话, 移动电话, Email, 邮政编码, 单位通讯地址 and 单位职能简介
 * change without review. A different value for a locked field is refused, naming the field.
 */
export async function updateEmployerProfile(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: EmployerProfileUpdateRequest,
) {
  const unitId = employerUnitId(actor);
  return s.db.transaction(async (tx) => {
    await updateOrgContacts(tx, ctx, {
      unitId,
      role: 'employer',
      label: '法人单位信息',
      locked: LOCKED,
      input,
      action: 'org.update',
    });
    return presentEmployerProfile(tx, unitId);
  });
}
