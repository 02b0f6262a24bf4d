import type { EmployerProfile } from '@ce/shared';
import type { Queryable } from '../../core/db';
import { notFound } from '../../core/errors';
import { regionFullName } from '../regions/regions';
import * as repo from './orgs.repository';

/**
 * The employer's info as the application and 信息维护 pages show it. 单位名称, 代码 and 行政区划
 * come from the unit account; before the first 保存 the contact fields are prefilled from it.
 */
export async function presentEmployerProfile(q: Queryable, unitId: string): Promise<EmployerProfile> {
  const unit = await repo.findUnit(q, unitId);
  if (!unit) throw notFound('单位');
  const profile = await repo.findProfile(q, unitId, 'employer');
  const hrss = profile?.hrssUnitId
    ? { id: profile.hrssUnitId, name: (await repo.unitName(q, profile.hrssUnitId)) ?? '' }
    : await repo.findHrssFor(q, unit);
  const licence = profile?.licenceFileId ? await repo.findFile(q, profile.licenceFileId) : null;
  const regionCode = profile?.regionCode ?? unit.regionCode;
  return {
    status: profile?.status ?? 'none',
    unitName: profile?.unitName ?? unit.name,
    certType: profile?.certType ?? unit.certType,
    certNumber: profile?.certNumber ?? unit.certNumber,
    regionCode,
    regionName: regionFullName(regionCode),
    hrssUnitId: hrss?.id ?? null,
    hrssUnitName: hrss?.name ?? null,
    nature: profile?.nature ?? null,
    level: profile?.level ?? (unit.countyCode ? 'county' : 'city'),
    contactName: profile?.contactName ?? unit.contactName,
    officePhone: profile?.officePhone ?? null,
    mobilePhone: profile?.mobilePhone ?? (/^1\d{10}$/.test(unit.contactPhone) ? unit.contactPhone : null),
    email: profile?.email ?? null,
    postalCode: profile?.postalCode ?? null,
    unitAddress: profile?.address ?? unit.address,
    description: profile?.description ?? null,
    licence: licence ? { id: licence.id, name: licence.name } : null,
    updatedAt: profile?.updatedAt.toISOString() ?? null,
  };
}
