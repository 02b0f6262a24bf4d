import type { Actor } from '../../core/context';
import { personScope } from '../../core/scope';
import { employerUnitId } from '../people/people.policy';
import type { Viewer } from './records.present';
import type { RecordScope } from './records.repository';

/** A person acting for themself: their own records only. */
export function personView(actor: Actor) {
  const { personId } = personScope(actor);
  const scope: RecordScope = { kind: 'person', personId };
  const viewer: Viewer = { kind: 'person', accountId: personId };
  return { personId, scope, viewer };
}

/** An agent of an employer (法人单位): the records of its staff and what waits at its desk. */
export function employerView(actor: Actor) {
  const unitId = employerUnitId(actor);
  const scope: RecordScope = { kind: 'employer', unitId };
  const viewer: Viewer = {
    kind: 'employer',
    accountId: actor.accountId,
    unitId,
    permissions: actor.permissions,
  };
  return { unitId, scope, viewer };
}
