import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { reviewOpinions, workflowSettings } from '../../db/schema';

/** 批注管理 and 审核设置 of the acting reviewer org (SPEC §5). */

function reviewerUnit(actor: Actor): string {
  const unit = actor.actingUnit;
  if (!unit || unit.roles.length === 0) throw forbidden('仅审核单位可使用此功能');
  return unit.id;
}

const present = (o: typeof reviewOpinions.$inferSelect) => ({
  id: o.id,
  text: o.text,
  sortOrder: o.sortOrder,
});

export async function listOpinions(s: Services, actor: Actor) {
  const unitId = reviewerUnit(actor);
  const rows = await s.db
    .select()
    .from(reviewOpinions)
    .where(eq(reviewOpinions.unitId, unitId))
    .orderBy(asc(reviewOpinions.sortOrder), asc(reviewOpinions.createdAt));
  return { items: rows.map(present) };
}

export async function createOpinion(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { text: string; sortOrder: number },
) {
  const unitId = reviewerUnit(actor);
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewOpinions)
      .values({ unitId, ...input })
      .returning();
    await audit(tx, ctx, { action: 'opinion.create', objectType: 'review_opinion', objectId: row.id });
    return present(row);
  });
}

export async function updateOpinion(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: { text: string; sortOrder: number },
) {
  const unitId = reviewerUnit(actor);
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .update(reviewOpinions)
      .set(input)
      .where(and(eq(reviewOpinions.id, id), eq(reviewOpinions.unitId, unitId)))
      .returning();
    if (!row) throw notFound('批注');
    await audit(tx, ctx, { action: 'opinion.update', objectType: 'review_opinion', objectId: id });
    return present(row);
  });
}

export async function deleteOpinion(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const unitId = reviewerUnit(actor);
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(reviewOpinions)
      .where(and(eq(reviewOpinions.id, id), eq(reviewOpinions.unitId, unitId)))
      .returning();
    if (!row) throw notFound('批注');
    await audit(tx, ctx, { action: 'opinion.delete', objectType: 'review_opinion', objectId: id });
    return { ok: true as const, message: '删除成功' };
  });
}

export async function getSettings(s: Services, actor: Actor) {
  const unitId = reviewerUnit(actor);
  const [row] = await s.db.select().from(workflowSettings).where(eq(workflowSettings.unitId, unitId));
  return { twoReviewers: row?.twoReviewers ?? false };
}

/** 本单位至少有2人审核后此记录才能作最终记录 (the 广州 rule), on or off for the acting org. */
export async function saveSettings(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { twoReviewers: boolean },
) {
  const unitId = reviewerUnit(actor);
  return s.db.transaction(async (tx) => {
    await tx
      .insert(workflowSettings)
      .values({ unitId, twoReviewers: input.twoReviewers })
      .onConflictDoUpdate({
        target: workflowSettings.unitId,
        set: { twoReviewers: input.twoReviewers, updatedAt: new Date() },
      });
    await audit(tx, ctx, {
      action: 'workflow.settings',
      objectType: 'workflow_settings',
      objectId: unitId,
      detail: { twoReviewers: input.twoReviewers },
    });
    return { twoReviewers: input.twoReviewers };
  });
}
