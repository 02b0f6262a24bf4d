import type { Actor, Services } from '../../core/context';
import { employerUnitId } from '../people/people.policy';
import { findRecord, type RecordScope, recordIdsUsingFile } from './records.repository';

const EMPLOYER_PERMISSIONS = ['record.declare', 'record.review', 'record.correct', 'record.query'] as const;

/**
 * File policy: may the actor read this CE record attachment? Only when a record using it is in
 * the actor's scope: the person's own record, or a record the employer may see (SPEC §13).
 */
export async function recordFileReadable(s: Services, actor: Actor, fileId: string): Promise<boolean> {
  let scope: RecordScope;
  if (actor.kind === 'person' && actor.permissions.has('record.self')) {
    scope = { kind: 'person', personId: actor.accountId };
  } else if (actor.kind === 'agent' && EMPLOYER_PERMISSIONS.some((p) => actor.permissions.has(p))) {
    if (!actor.actingUnit?.roles.some((r) => r.role === 'employer')) return false;
    scope = { kind: 'employer', unitId: employerUnitId(actor) };
  } else {
    return false;
  }
  for (const id of await recordIdsUsingFile(s.db, fileId)) {
    if (await findRecord(s.db, scope, id)) return true;
  }
  return false;
}
