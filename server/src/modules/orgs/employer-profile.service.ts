import type { EmployerProfileUpdateRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { fieldError, notFound } from '../../core/errors';
import { employerUnitId } from '../people/people.policy';
import { presentEmployerProfile } from './orgs.present';
import * as repo from './orgs.repository';

/** 法人单位信息维护: the approved employer's info, every field shown. */
export async function getEmployerProfile(s: Services, actor: Actor) {
  return presentEmployerProfile(s.db, employerUnitId(actor));
}

/** Fields that only a new application may change (SPEC §3); sent back unchanged they are accepted. */
const LOCKED = ['unitName', 'certType', 'certNumber', 'nature', 'level', 'regionCode'] as const;
const LOCKED_MESSAGE = '不能在信息维护中修改，如需变更请联系人社部门重新申请';

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
    const profile = await repo.findProfile(tx, unitId, 'employer', true);
    if (!profile) throw notFound('法人单位信息');
    for (const field of LOCKED) {
      const sent = input[field];
      if (sent !== undefined && sent !== profile[field]) throw fieldError(field, LOCKED_MESSAGE);
    }
    const changes = {
      contactName: input.contactName,
      officePhone: input.officePhone,
      mobilePhone: input.mobilePhone,
      email: input.email,
      postalCode: input.postalCode,
      address: input.unitAddress,
      description: input.description,
    };
    const changed = Object.entries(changes)
      .filter(([k, v]) => profile[k as keyof typeof changes] !== v)
      .map(([k]) => (k === 'address' ? 'unitAddress' : k));
    await repo.updateProfile(tx, unitId, 'employer', changes);
    await audit(tx, ctx, {
      action: 'org.update',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'employer', changed: changed.join(',') },
    });
    return presentEmployerProfile(tx, unitId);
  });
}
