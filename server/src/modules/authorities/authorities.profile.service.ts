import {
  type AuthorityInfo,
  type AuthorityProfileUpdateRequest,
  type AuthorityQueryItem,
  type authorityQueryQuery,
  maskPhone,
} from '@ce/shared';
import type { z } from 'zod';
import type { Actor, RequestContext, Services } from '../../core/context';
import { notFound } from '../../core/errors';
import { authorityScope } from '../../core/scope';
import { updateOrgContacts } from '../orgs/org-contacts';
import * as orgs from '../orgs/orgs.repository';
import { regionFullName } from '../regions/regions';
import { presentAuthority } from './authorities.present';
import * as repo from './authorities.repository';

/** 行业主管部门信息维护 (002 §1.2.2): the approved authority's info, every field shown. */
export async function getProfile(s: Services, actor: Actor): Promise<AuthorityInfo> {
  const { unitId } = authorityScope(actor);
  const profile = await orgs.findProfile(s.db, unitId, 'authority');
  if (!profile || profile.status !== 'approved') throw notFound('行业主管部门信息');
  return presentAuthority(s.db, unitId, profile);
}

/** Only a new application changes these (SPEC §3); sent back unchanged they are accepted. */
const LOCKED = ['unitName', 'certType', 'certNumber', 'nature', 'level', 'series', 'regionCode'] as const;

/**
 * 保存: 联系人, 办公电话, 移动电话, E-mail, 邮政编码, 单位通讯地址 and 单位职能简介 change without
 * review; a different value of a locked field is refused naming the field.
 */
export async function updateProfile(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: AuthorityProfileUpdateRequest,
) {
  const { unitId } = authorityScope(actor);
  return s.db.transaction(async (tx) => {
    await updateOrgContacts(tx, ctx, {
      unitId,
      role: 'authority',
      label: '行业主管部门信息',
      locked: LOCKED,
      input,
      action: 'authority.update',
    });
    return presentAuthority(tx, unitId, await orgs.findProfile(tx, unitId, 'authority'));
  });
}

/** 行业主管查询 (002 §1.7.4): approved authorities of its series below it, in its region. */
export async function queryAuthorities(
  s: Services,
  actor: Actor,
  query: z.infer<typeof authorityQueryQuery>,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const scope = authorityScope(actor);
  const { rows, total } = await repo.listLowerAuthorities(s.db, scope, query, page);
  const items: AuthorityQueryItem[] = rows.map((r) => ({
    id: r.id,
    regionName: regionFullName(r.region_code),
    unitName: r.unit_name,
    series: r.series,
    level: r.level,
    contactName: r.contact_name,
    phone: maskPhone(r.mobile_phone),
    unitAddress: r.address,
  }));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function queryDetail(s: Services, actor: Actor, id: string): Promise<AuthorityInfo> {
  const profile = await repo.lowerAuthority(s.db, authorityScope(actor), id);
  if (!profile) throw notFound('行业主管部门');
  return presentAuthority(s.db, profile.unitId, profile);
}
