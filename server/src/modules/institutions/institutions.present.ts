import type { InstitutionProfile } from '@ce/shared';
import type { Queryable } from '../../core/db';
import { notFound } from '../../core/errors';
import * as orgs from '../orgs/orgs.repository';
import { regionFullName } from '../regions/regions';

/**
 * The institution's info as 施教机构角色申请, 施教机构信息维护 and the reviewer's 基本信息 show it
 * (manual 002 §1.5.2). 机构名称 and 机构代码 come from the unit account; before the first 保存 the
 * contact fields are prefilled from it.
 */
export async function presentInstitutionProfile(q: Queryable, unitId: string): Promise<InstitutionProfile> {
  const unit = await orgs.findUnit(q, unitId);
  if (!unit) throw notFound('单位');
  const p = await orgs.findProfile(q, unitId, 'institution');
  const licence = p?.licenceFileId ? await orgs.findFile(q, p.licenceFileId) : null;
  const regionCode = p?.regionCode ?? unit.regionCode;
  return {
    status: p?.status ?? 'none',
    unitName: p?.unitName ?? unit.name,
    certType: p?.certType ?? unit.certType,
    certNumber: p?.certNumber ?? unit.certNumber,
    regionCode,
    regionName: regionFullName(regionCode),
    level: p?.level ?? null,
    nature: p?.nature ?? null,
    parentAuthorityName: p?.parentAuthorityName ?? null,
    legalName: p?.legalName ?? unit.legalRepresentative,
    legalPhone: p?.legalPhone ?? null,
    legalEmail: p?.legalEmail ?? null,
    contactName: p?.contactName ?? unit.contactName,
    contactMobile: p?.mobilePhone ?? (/^1\d{10}$/.test(unit.contactPhone) ? unit.contactPhone : null),
    contactEmail: p?.contactEmail ?? null,
    institutionAddress: p?.address ?? unit.address,
    institutionIntro: p?.description ?? null,
    licence: licence
      ? {
          id: licence.id,
          name: licence.name,
          size: licence.size,
          uploadedAt: licence.createdAt.toISOString(),
        }
      : null,
    updatedAt: p?.updatedAt.toISOString() ?? null,
  };
}
