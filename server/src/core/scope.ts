import type { Actor } from './context';
import { forbidden } from './errors';

/** The part of the province an HRSS org sees: everything (province level) or a region prefix. */
export type RegionScope = { kind: 'all' } | { kind: 'prefix'; prefix: string };

/** Region scope of an agent acting for an HRSS org (SPEC §13: HRSS sees its region). */
export function hrssScope(actor: Actor): RegionScope {
  const grant = actor.actingUnit?.roles.find((r) => r.role === 'hrss');
  if (!grant) throw forbidden('仅人社部门可使用此功能');
  if (grant.level === 'province') return { kind: 'all' };
  return { kind: 'prefix', prefix: grant.regionCode };
}

/** A unit account acting on its own account centre. */
export function unitScope(actor: Actor): { unitId: string } {
  if (actor.kind !== 'unit') throw forbidden('仅单位账号可使用此功能');
  return { unitId: actor.accountId };
}

/** A person acting for themself. */
export function personScope(actor: Actor): { personId: string } {
  if (actor.kind !== 'person') throw forbidden('仅个人账号可使用此功能');
  return { personId: actor.accountId };
}

/**
 * What an authority sees (SPEC §13): its region — its level and below — restricted to its 专业序列.
 * `region` is 'all' for a provincial authority (this system runs one province), else the prefix of
 * the region codes it covers (a city '4401', a county '440106').
 */
export interface AuthorityScope {
  unitId: string;
  level: 'province' | 'city' | 'county';
  regionCode: string;
  series: string;
  region: RegionScope;
}

/** Scope of an agent acting for an authority. */
export function authorityScope(actor: Actor): AuthorityScope {
  const grant = actor.actingUnit?.roles.find((r) => r.role === 'authority');
  if (!actor.actingUnit || !grant?.series) throw forbidden('仅行业主管部门可使用此功能');
  return {
    unitId: actor.actingUnit.id,
    level: grant.level,
    regionCode: grant.regionCode,
    series: grant.series,
    region: grant.level === 'province' ? { kind: 'all' } : { kind: 'prefix', prefix: grant.regionCode },
  };
}

/** An institution sees its own qualifications, plans, classes, enrolments and trainees. */
export function institutionScope(actor: Actor): { unitId: string; regionCode: string } {
  const grant = actor.actingUnit?.roles.find((r) => r.role === 'institution');
  if (!actor.actingUnit || !grant) throw forbidden('仅施教机构可使用此功能');
  return { unitId: actor.actingUnit.id, regionCode: grant.regionCode };
}

/** The org an agent acts for, whatever its role (师资信息维护 and other per-org pages). */
export function orgScope(actor: Actor): { unitId: string } {
  if (!actor.actingUnit) throw forbidden('请先使用选中的单位账号登录');
  return { unitId: actor.actingUnit.id };
}
