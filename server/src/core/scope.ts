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
