import type { Actor, Services } from '../../core/context';
import * as repo from './orgs.repository';

/**
 * File policy: may the actor read this org attachment (营业执照 …)? Agents acting for the unit
 * whose application uses it may, and so may HRSS operators whose region covers the unit.
 */
export async function orgFileReadable(s: Services, actor: Actor, fileId: string): Promise<boolean> {
  const unit = actor.actingUnit;
  if (!unit) return false;
  if ((await repo.profilesUsingLicence(s.db, fileId, { unitId: unit.id })).length > 0) return true;
  const hrss = unit.roles.find((r) => r.role === 'hrss');
  if (!hrss) return false;
  const scope =
    hrss.level === 'province'
      ? { kind: 'all' as const }
      : { kind: 'prefix' as const, prefix: hrss.regionCode };
  return (await repo.profilesUsingLicence(s.db, fileId, scope)).length > 0;
}
