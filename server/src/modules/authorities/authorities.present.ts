import type { AuthorityInfo, OrgLevel, WorkflowStatusDto } from '@ce/shared';
import type { Queryable } from '../../core/db';
import { notFound } from '../../core/errors';
import * as orgs from '../orgs/orgs.repository';
import { regionFullName } from '../regions/regions';
import { historyOf, type WorkflowItem } from '../workflow/workflow.engine';
import { attachmentOf } from './authorities.repository';

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

/** The region an authority of `level` covers, from its unit account (省 / 市 / 县(区)). */
export function regionForLevel(
  unit: Pick<orgs.UnitRow, 'provinceCode' | 'cityCode' | 'countyCode' | 'regionCode'>,
  level: OrgLevel | null,
): string {
  if (level === 'province') return unit.provinceCode;
  if (level === 'city') return unit.cityCode;
  if (level === 'county') return unit.countyCode ?? unit.regionCode;
  return unit.regionCode;
}

/**
 * The authority's info (application, 信息维护, review and 查询 pages). 单位名称, 代码 and 行政区划
 * come from the unit account; before the first 保存 the contact fields are prefilled from it.
 */
export async function presentAuthority(
  q: Queryable,
  unitId: string,
  profile: orgs.OrgProfileRow | null,
): Promise<AuthorityInfo> {
  const unit = await orgs.findUnit(q, unitId);
  if (!unit) throw notFound('单位');
  const licence = profile?.licenceFileId ? await attachmentOf(q, profile.licenceFileId) : null;
  const regionCode = profile?.regionCode ?? unit.regionCode;
  const hrss = profile?.hrssUnitId ? await orgs.unitName(q, profile.hrssUnitId) : null;
  return {
    id: profile?.id ?? null,
    status: profile?.status ?? 'none',
    unitName: profile?.unitName ?? unit.name,
    certType: profile?.certType ?? unit.certType,
    certNumber: profile?.certNumber ?? unit.certNumber,
    regionCode,
    regionName: regionFullName(regionCode),
    nature: profile?.nature ?? null,
    level: profile?.level ?? null,
    series: profile?.series ?? null,
    contactName: profile?.contactName ?? unit.contactName,
    officePhone: profile?.officePhone ?? null,
    mobilePhone: profile?.mobilePhone ?? (/^1\d{10}$/.test(unit.contactPhone) ? unit.contactPhone : null),
    email: profile?.email ?? null,
    postalCode: profile?.postalCode ?? null,
    unitAddress: profile?.address ?? unit.address,
    description: profile?.description ?? null,
    parentUnitName: await orgs.unitName(q, profile?.parentUnitId ?? null),
    hrssUnitName: hrss ?? (await orgs.findHrssFor(q, unit))?.name ?? null,
    licence: licence
      ? {
          id: licence.id,
          name: licence.name,
          kind: KINDS[licence.mime] ?? licence.mime,
          size: licence.size,
          uploadedAt: licence.createdAt.toISOString(),
          uploaderName: licence.uploaderName,
        }
      : null,
    updatedAt: profile?.updatedAt.toISOString() ?? null,
  };
}

/** 审核状态, 审核部门, 审核环节 and the version of an application's workflow item. */
export async function presentWorkflow(
  q: Queryable,
  item: WorkflowItem,
): Promise<{ workflow: WorkflowStatusDto; history: Awaited<ReturnType<typeof historyOf>> }> {
  const reviewerUnitName = await orgs.unitName(q, item.reviewerUnitId);
  return {
    workflow: {
      state: item.state,
      reviewerUnitName,
      step: item.step,
      version: item.version,
      canWithdraw: item.state === 'submitted' && !item.firstApproverId,
      firstApproved: item.firstApproverId !== null,
    },
    history: await historyOf(q, item, reviewerUnitName),
  };
}
