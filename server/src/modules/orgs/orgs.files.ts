import { sql } from 'drizzle-orm';
import type { Actor, Services } from '../../core/context';
import { queryRows } from '../../core/db';
import { authorityScope } from '../../core/scope';
import { lowerAuthoritiesWhere } from '../authorities/authorities.repository';
import * as repo from './orgs.repository';

/**
 * File policy: may the actor read this org attachment (营业执照, 统一社会信用代码证 …)? Agents
 * acting for the unit whose application uses it may; so may HRSS operators whose region covers
 * the unit; so may an org that is or was the reviewer of any workflow item the unit submitted
 * (an authority application, an institution's qualification …); and an authority may read
 * those of the lower authorities its 行业主管查询 shows.
 */
export async function orgFileReadable(s: Services, actor: Actor, fileId: string): Promise<boolean> {
  const unit = actor.actingUnit;
  if (!unit) return false;
  if ((await repo.profilesUsingLicence(s.db, fileId, { unitId: unit.id })).length > 0) return true;
  if (await repo.licenceOfUnitReviewedBy(s.db, fileId, unit.id)) return true;
  if (unit.roles.some((r) => r.role === 'authority' && r.series)) {
    const rows = await queryRows(
      s.db,
      sql`select 1 from org_profiles p
          where p.licence_file_id = ${fileId} and ${lowerAuthoritiesWhere(authorityScope(actor))}`,
    );
    if (rows.length > 0) return true;
  }
  const hrss = unit.roles.find((r) => r.role === 'hrss');
  if (!hrss) return false;
  const scope =
    hrss.level === 'province'
      ? { kind: 'all' as const }
      : { kind: 'prefix' as const, prefix: hrss.regionCode };
  return (await repo.profilesUsingLicence(s.db, fileId, scope)).length > 0;
}
