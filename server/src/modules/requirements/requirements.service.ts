import {
  DEFAULT_REQUIREMENT_RULES,
  type RequirementRule,
  type RequirementRuleDto,
  type RequirementSaveRequest,
} from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { fieldError, forbidden, invalidState, notFound } from '../../core/errors';
import { hrssScope, type RegionScope } from '../../core/scope';
import { regionName } from '../regions/regions';
import * as repo from './requirements.repository';
import { regionLabel } from './standing';

function mayEdit(scope: RegionScope, regionCode: string | null): boolean {
  if (scope.kind === 'all') return true;
  return regionCode?.startsWith(scope.prefix) === true;
}

function presentDefault(r: RequirementRule, index: number): RequirementRuleDto {
  return {
    id: null,
    ...r,
    regionName: '全省',
    version: index + 1,
    active: true,
    isDefault: true,
    editable: false,
    note: '系统默认',
    createdByName: null,
    createdAt: null,
  };
}

/** 年度学时要求设置: the HRSS rules in the actor's region, then the shipped defaults (系统默认). */
export async function list(s: Services, actor: Actor, query: { history?: '0' | '1' }) {
  const scope = hrssScope(actor);
  const rows = await repo.listRules(s.db, scope, query.history === '1');
  const items: RequirementRuleDto[] = rows.map(({ rule, createdByName }) => ({
    id: rule.id,
    ...repo.toRule(rule),
    regionName: regionLabel(rule.regionCode),
    version: rule.version,
    active: rule.active,
    isDefault: false,
    editable: rule.active && mayEdit(scope, rule.regionCode),
    note: rule.note,
    createdByName: createdByName ?? null,
    createdAt: rule.createdAt.toISOString(),
  }));
  items.push(...DEFAULT_REQUIREMENT_RULES.map(presentDefault));
  const scopeRegionCode = scope.kind === 'all' ? null : scope.prefix;
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: items.length,
    scopeRegionCode,
    scopeRegionName: regionLabel(scopeRegionCode),
  };
}

/** Where the HRSS may set a rule: a city HRSS only its own region, the province any or none. */
function checkRegion(scope: RegionScope, regionCode: string | null) {
  if (regionCode !== null && !regionName(regionCode)) throw fieldError('regionCode', '请选择正确的地区');
  if (scope.kind === 'all') return;
  if (regionCode === null) throw fieldError('regionCode', '只能设置本地区的学时要求，请选择适用地区');
  if (!regionCode.startsWith(scope.prefix)) throw forbidden('只能设置本地区的学时要求');
}

/**
 * Saves a rule. A rule of the same years, series and region is superseded: the old version stays,
 * inactive, and the new one carries the next version number. 修改 names the rule it replaces.
 */
export async function save(s: Services, ctx: RequestContext, actor: Actor, input: RequirementSaveRequest) {
  const scope = hrssScope(actor);
  const key = {
    fromYear: input.fromYear,
    toYear: input.toYear ?? null,
    series: input.series ?? null,
    regionCode: input.regionCode ?? null,
  };
  checkRegion(scope, key.regionCode);
  return s.db.transaction(async (tx) => {
    let version = 0;
    if (input.replacesId) {
      const old = await repo.findRule(tx, scope, input.replacesId);
      if (!old) throw notFound('学时要求');
      if (!old.active) throw invalidState('该学时要求已被修改或停用，请刷新后重试');
      if (!mayEdit(scope, old.regionCode)) throw forbidden('只能修改本地区的学时要求');
      await repo.deactivate(tx, old.id);
      version = old.version;
    }
    for (const same of await repo.sameKey(tx, key)) {
      version = Math.max(version, same.version);
      if (same.active) await repo.deactivate(tx, same.id);
    }
    const row = await repo.insertRule(tx, {
      ...key,
      totalHours: input.totalHours,
      publicHours: input.publicHours,
      professionalHours: input.professionalHours,
      electiveHours: input.electiveHours,
      hoursPerDay: input.hoursPerDay,
      note: input.note || null,
      version: version + 1,
      active: true,
      createdBy: actor.accountId,
    });
    await audit(tx, ctx, {
      action: 'requirement.save',
      objectType: 'requirement_rule',
      objectId: row.id,
      detail: {
        fromYear: row.fromYear,
        toYear: row.toYear,
        series: row.series,
        regionCode: row.regionCode,
        totalHours: row.totalHours,
        version: row.version,
      },
    });
    return { ok: true as const, message: `已保存（第${row.version}版）` };
  });
}

/** 停用: the rule stops applying (the defaults or a wider rule take over again). */
export async function deactivate(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const scope = hrssScope(actor);
  return s.db.transaction(async (tx) => {
    const row = await repo.findRule(tx, scope, id);
    if (!row) throw notFound('学时要求');
    if (!mayEdit(scope, row.regionCode)) throw forbidden('只能停用本地区的学时要求');
    if (!row.active) throw invalidState('该学时要求已停用');
    await repo.deactivate(tx, id);
    await audit(tx, ctx, { action: 'requirement.deactivate', objectType: 'requirement_rule', objectId: id });
    return { ok: true as const, message: '已停用' };
  });
}
