import { maskIdNumber, maskPhone, type RealnameApplication } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError, fieldError, invalidState, notFound } from '../../core/errors';
import { hrssScope, personScope } from '../../core/scope';
import { files, persons, realnameApplications } from '../../db/schema';
import { findPerson } from '../identity/identity.repository';
import * as repo from './realname.repository';

type Row = NonNullable<repo.RealnameRow>;

export function present(row: Row, full: boolean): RealnameApplication {
  return {
    id: row.app.id,
    accountId: row.app.personId,
    loginName: row.loginName,
    realName: row.realName,
    idNumber: full ? row.idNumber : maskIdNumber(row.idNumber),
    phone: full ? row.phone : maskPhone(row.phone),
    status: row.app.status,
    submittedAt: row.app.createdAt.toISOString(),
    reviewedAt: row.app.reviewedAt?.toISOString() ?? null,
    reviewerName: row.reviewerName ?? null,
    reason: row.app.reason,
  };
}

export async function myRealname(s: Services, actor: Actor) {
  const { personId } = personScope(actor);
  const person = await findPerson(s.db, personId);
  const latest = await repo.latestOfPerson(s.db, personId);
  return { level: person?.realnameLevel ?? 1, latest: latest ? present(latest, true) : null };
}

async function ownImage(q: Queryable, personId: string, fileId: string, field: string) {
  const [file] = await q
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerId, personId)));
  if (!file) throw fieldError(field, '请先上传照片');
  if (file.mime === 'application/pdf') throw fieldError(field, '身份证照片应为JPG或PNG图片');
  return file;
}

async function setApproved(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  personId: string,
  reviewer: Actor | null,
  opinion?: string,
) {
  await q
    .update(realnameApplications)
    .set({
      status: 'approved',
      reason: opinion || null,
      reviewerId: reviewer?.accountId ?? null,
      reviewerUnitId: reviewer?.actingUnit?.id ?? null,
      reviewedAt: new Date(),
    })
    .where(eq(realnameApplications.id, id));
  await q.update(persons).set({ realnameLevel: 2 }).where(eq(persons.accountId, personId));
  await audit(q, ctx, { action: 'realname.approve', objectType: 'realname_application', objectId: id });
}

/** A person applies for level 2 with the two ID photos. */
export async function apply(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { frontFileId: string; backFileId: string },
) {
  const { personId } = personScope(actor);
  return s.db.transaction(async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound('个人账号');
    if (person.realnameLevel >= 2) throw invalidState('您已通过二级实名认证，无需再次申请');
    const latest = await repo.latestOfPerson(tx, personId);
    if (latest?.app.status === 'pending') throw invalidState('您的实名认证申请正在审核中，请耐心等待');
    if (input.frontFileId === input.backFileId)
      throw fieldError('backFileId', '人像面和国徽面不能是同一张照片');
    const front = await ownImage(tx, personId, input.frontFileId, 'frontFileId');
    const back = await ownImage(tx, personId, input.backFileId, 'backFileId');
    // the same picture uploaded twice is two files with one content: compared by its hash
    if (front.sha256 === back.sha256) {
      throw fieldError('backFileId', '人像面和国徽面不能是同一张照片', 'UNPROCESSABLE');
    }
    const [app] = await tx
      .insert(realnameApplications)
      .values({ personId, frontFileId: input.frontFileId, backFileId: input.backFileId, status: 'pending' })
      .returning();
    await audit(tx, ctx, { action: 'realname.apply', objectType: 'realname_application', objectId: app.id });
    if ((await s.identity.submit(tx, { id: app.id, personId })) === 'verified') {
      await setApproved(tx, ctx, app.id, personId, null, `由${s.identity.name}核验通过`);
    }
    const row = await repo.latestOfPerson(tx, personId);
    if (!row) throw new AppError('INTERNAL', '申请保存失败');
    return present(row, true);
  });
}

export async function list(s: Services, actor: Actor, query: Parameters<typeof repo.listApplications>[2]) {
  const { items, total } = await repo.listApplications(s.db, hrssScope(actor), query);
  return { items: items.map((r) => present(r, false)), total, page: query.page, pageSize: query.pageSize };
}

export async function detail(s: Services, actor: Actor, id: string) {
  const row = await repo.findApplication(s.db, hrssScope(actor), id);
  if (!row) throw notFound('实名认证申请');
  return { ...present(row, true), frontFileId: row.app.frontFileId, backFileId: row.app.backFileId };
}

/** 审核通过 / 审核不通过; the row lock makes two reviewers acting at once settle in turn. */
export async function review(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  decision: { approve: true; opinion?: string } | { approve: false; reason: string },
) {
  const scope = hrssScope(actor);
  return s.db.transaction(async (tx) => {
    const row = await repo.findApplication(tx, scope, id, true);
    if (!row) throw notFound('实名认证申请');
    if (row.app.status !== 'pending') throw invalidState('该申请已审核，不能重复审核');
    if (decision.approve) {
      await setApproved(tx, ctx, id, row.app.personId, actor, decision.opinion);
    } else {
      await tx
        .update(realnameApplications)
        .set({
          status: 'rejected',
          reason: decision.reason,
          reviewerId: actor.accountId,
          reviewerUnitId: actor.actingUnit?.id ?? null,
          reviewedAt: new Date(),
        })
        .where(eq(realnameApplications.id, id));
      await audit(tx, ctx, {
        action: 'realname.reject',
        objectType: 'realname_application',
        objectId: id,
        detail: { reason: decision.reason },
      });
    }
    const updated = await repo.findApplication(tx, scope, id);
    if (!updated) throw notFound('实名认证申请');
    return present(updated, true);
  });
}

/** File policy: a reviewer in scope may see the photos of an application. */
export async function reviewerMaySeeFile(s: Services, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('realname.review')) return false;
  const scope = hrssScope(actor);
  for (const id of await repo.applicationIdsUsingFile(s.db, fileId)) {
    if (await repo.findApplication(s.db, scope, id)) return true;
  }
  return false;
}
