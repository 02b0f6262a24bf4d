import type { Actor } from '../../core/context';
import { authorityScope, personScope } from '../../core/scope';
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

/**
 * An agent of an authority (行业主管部门): approved records of the professionals of its 专业序列
 * whose employer is in its region — the whole province for a provincial one (SPEC §13).
 */
export function authorityView(actor: Actor) {
  const a = authorityScope(actor);
  const scope: RecordScope = {
    kind: 'authority',
    series: a.series,
    regionPattern: a.region.kind === 'all' ? '%' : `${a.region.prefix}%`,
  };
  const viewer: Viewer = { kind: 'authority', accountId: actor.accountId, unitId: a.unitId };
  return { series: a.series, scope, viewer };
}
