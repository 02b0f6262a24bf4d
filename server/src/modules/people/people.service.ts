import { checkIdNumber, type MyProfileRequest, type MySubmitRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { fieldError, invalidState, notFound } from '../../core/errors';
import { personScope } from '../../core/scope';
import { returnPendingRecords, UNBOUND_BY_PERSON } from '../records/records.unbinding';
import { regionFullName } from '../regions/regions';
import { workflowActor } from '../workflow/workflow.engine';
import { assertProfileDates } from './people.policy';
import { presentDetail, profileColumns } from './people.present';
import * as repo from './people.repository';

/**
 * Links the profile an employer added (新增) before this ID number registered. Called in the
 * registration transaction and again on the person's first visit if it was missed.
 */
export async function linkProfessionalToAccount(
  q: Queryable,
  ctx: RequestContext,
  account: { id: string; loginName: string; name: string; idNumber: string },
): Promise<void> {
  for (const id of await repo.linkUnlinked(q, account.idNumber, account.id)) {
    await audit(q, ctx, {
      action: 'staff.link',
      actor: { id: account.id, loginName: account.loginName, name: account.name },
      objectType: 'professional',
      objectId: id,
    });
  }
}

/** The person and their profile (linked on the way if an employer added it first). */
async function ownProfile(q: Queryable, ctx: RequestContext, actor: Actor, lock = false) {
  const { personId } = personScope(actor);
  const person = await repo.personOf(q, personId);
  if (!person) throw notFound('个人账号');
  let found = await repo.findByPerson(q, personId, lock);
  if (!found) {
    await linkProfessionalToAccount(q, ctx, {
      id: personId,
      loginName: actor.loginName,
      name: person.realName,
      idNumber: person.idNumber,
    });
    found = await repo.findByPerson(q, personId, lock);
  }
  return { person, found };
}

/** 人员基本信息维护: the saved profile, or what the account already knows. */
export async function getMyProfile(s: Services, ctx: RequestContext, actor: Actor) {
  return s.db.transaction(async (tx) => {
    const { person, found } = await ownProfile(tx, ctx, actor);
    const id = checkIdNumber(person.idNumber);
    return {
      prefill: {
        name: person.realName,
        idNumber: person.idNumber,
        sex: id.ok ? id.sex : null,
        birthDate: id.ok ? id.birthDate : null,
        contactPhone: person.phone,
      },
      profile: found ? presentDetail(found) : null,
    };
  });
}

async function pickedEmployer(q: Queryable, employerId: string) {
  const employer = await repo.findActiveEmployer(q, employerId);
  if (!employer) throw fieldError('employerId', '所选单位不是本系统的法人单位，请重新选择');
  return employer;
}

const CHANGE_CONFIRMED =
  '您已是所属单位确认的人员，更换所属单位请选择新单位后点击“提交”：提交后与原单位的绑定关系解除，新单位确认后生效';

/**
 * 保存: the profile and the picked employer. The binding itself changes at 提交; a confirmed
 * binding is never ended by 保存.
 */
export async function saveMyProfile(s: Services, ctx: RequestContext, actor: Actor, input: MyProfileRequest) {
  return s.db.transaction(async (tx) => {
    const { person, found } = await ownProfile(tx, ctx, actor, true);
    assertProfileDates(person.idNumber, input);
    const columns = profileColumns(input);
    const current = found?.row;
    const employerId = input.employerId === undefined ? (current?.employerId ?? null) : input.employerId;
    let binding: { employerId: string | null; bindingStatus: 'none' } | Record<string, never> = {};
    if (employerId !== (current?.employerId ?? null)) {
      if (current?.bindingStatus === 'confirmed') throw invalidState(CHANGE_CONFIRMED);
      if (employerId) await pickedEmployer(tx, employerId);
      binding = { employerId, bindingStatus: 'none' };
    }
    let id: string;
    if (current) {
      id = current.id;
      await repo.updateProfessional(tx, id, { ...columns, ...binding });
    } else {
      const row = await repo.insertProfessional(tx, {
        ...columns,
        personId: person.accountId,
        idNumber: person.idNumber,
        employerId,
        bindingStatus: 'none',
        createdBy: person.accountId,
      });
      id = row.id;
    }
    await audit(tx, ctx, { action: 'profile.save', objectType: 'professional', objectId: id });
    const saved = await repo.findByPerson(tx, person.accountId);
    if (!saved) throw notFound('人员基本信息');
    return { message: '保存成功', profile: presentDetail(saved) };
  });
}

/**
 * 提交 (manual 001 §3.2.1 第三步): saves and sends the binding to the employer for
 * 专业技术人员信息确认. Picking another employer while confirmed ends the old binding; records
 * stay with the person.
 */
export async function submitMyProfile(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: MySubmitRequest,
) {
  return s.db.transaction(async (tx) => {
    const { person, found } = await ownProfile(tx, ctx, actor, true);
    assertProfileDates(person.idNumber, input);
    const employer = await pickedEmployer(tx, input.employerId);
    const columns = profileColumns(input);
    const current = found?.row;
    const stillConfirmed = current?.bindingStatus === 'confirmed' && current.employerId === employer.id;
    const previousEmployerId =
      current?.bindingStatus === 'confirmed' && !stillConfirmed ? current.employerId : null;
    const binding = stillConfirmed
      ? {}
      : { employerId: employer.id, bindingStatus: 'pending' as const, bindingAt: new Date() };
    let id: string;
    if (current) {
      id = current.id;
      await repo.updateProfessional(tx, id, { ...columns, ...binding });
    } else {
      const row = await repo.insertProfessional(tx, {
        ...columns,
        ...binding,
        personId: person.accountId,
        idNumber: person.idNumber,
        createdBy: person.accountId,
      });
      id = row.id;
    }
    // leaving a confirmed employer: what waits at its desk goes back to the person (SPEC §4)
    const returned = previousEmployerId
      ? await returnPendingRecords(
          tx,
          ctx,
          workflowActor(actor),
          { professionalId: id, employerId: previousEmployerId },
          UNBOUND_BY_PERSON,
        )
      : 0;
    await audit(tx, ctx, {
      action: stillConfirmed ? 'profile.save' : 'profile.submit',
      objectType: 'professional',
      objectId: id,
      detail: { employerId: employer.id, previousEmployerId, returnedRecords: returned },
    });
    const saved = await repo.findByPerson(tx, person.accountId);
    if (!saved) throw notFound('人员基本信息');
    const message = stillConfirmed
      ? '保存成功，所属单位已确认您的人员信息'
      : `提交成功，请等待“${employer.name}”确认${previousEmployerId ? '；与原单位的绑定关系已解除' : ''}${returned > 0 ? `，${returned}条待原单位审核的继续教育记录已退回，可在新单位确认后重新送审` : ''}`;
    return { message, profile: presentDetail(saved) };
  });
}

/** 所属单位 picker: units holding an active employer role anywhere in the province. */
export async function searchEmployers(s: Services, query: { name?: string }) {
  const rows = await repo.searchEmployers(s.db, query.name || undefined);
  return rows.map((r) => ({ id: r.id, name: r.name, regionName: regionFullName(r.regionCode) }));
}
