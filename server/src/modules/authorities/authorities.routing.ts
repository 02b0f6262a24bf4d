import { ORG_LEVEL_LABELS, type OrgLevel } from '@ce/shared';
import type { Queryable } from '../../core/db';
import * as orgs from '../orgs/orgs.repository';
import { regionFullName } from '../regions/regions';
import { findProvinceHrss } from './authorities.repository';

/** 审核环节 of an application: the provincial HRSS's, or the parent authority's. */
export const SUBMIT_STEP = '行业主管角色申请';
export const HRSS_STEP = '行业主管角色审核';
export const PARENT_STEP = '下级行业主管部门信息审核';

export const MISSING_PARENT = '上一级行业主管部门并没有在本系统注册申请角色';

export type Route =
  | { ok: true; reviewerUnitId: string; reviewerName: string; step: string }
  | { ok: false; missing: string };

/**
 * Who reviews an application (002 §1.2.1, SPEC §5), in the order 省 → 市 → 县(区):
 * 省级 → the provincial HRSS; 市级 → the approved 省级 authority of the same 专业序列;
 * 县(区)级 → the approved 市级 authority of the same series in its city.
 */
export async function routeOf(
  q: Queryable,
  unit: Pick<orgs.UnitRow, 'provinceCode' | 'cityCode'>,
  level: OrgLevel,
  series: string,
): Promise<Route> {
  if (level === 'province') {
    const hrss = await findProvinceHrss(q, unit.provinceCode);
    return hrss
      ? { ok: true, reviewerUnitId: hrss.id, reviewerName: hrss.name, step: HRSS_STEP }
      : { ok: false, missing: `${regionFullName(unit.provinceCode)}的省级人社部门` };
  }
  const parent =
    level === 'city'
      ? { level: 'province' as const, regionCode: unit.provinceCode }
      : { level: 'city' as const, regionCode: unit.cityCode };
  const found = await orgs.findAuthority(q, { series, ...parent });
  if (found) return { ok: true, reviewerUnitId: found.id, reviewerName: found.name, step: PARENT_STEP };
  return {
    ok: false,
    missing: `${regionFullName(parent.regionCode)} ${series} 的${ORG_LEVEL_LABELS[parent.level]}行业主管部门`,
  };
}
