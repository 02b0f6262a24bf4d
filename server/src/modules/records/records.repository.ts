import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Queryable, queryRows } from '../../core/db';
import { likePattern } from '../../core/list-query';
import { runReusable } from '../../core/reusable-query';
import {
  ceRecordFiles,
  ceRecords,
  files,
  orgProfiles,
  orgRoles,
  professionals,
  units,
  workflowItems,
} from '../../db/schema';
import { type RecordScope, scopeWhere } from './records.list';

/**
 * CE records, SQL only: the record with everything its detail and the write rules need (lists
 * read only what they show: records.list.ts). Every read takes the caller's scope (SPEC §13).
 */
export type { EmployerView, RecordFilters, RecordScope } from './records.list';

const employerUnit = alias(units, 'employer_unit');
const reviewerUnit = alias(units, 'reviewer_unit');

const lastHistory = (column: 'step' | 'actor_unit_name') =>
  sql<
    string | null
  >`(select h.${sql.raw(column)} from workflow_history h where h.item_id = ${workflowItems.id} order by h.seq desc limit 1)`;

const columns = {
  r: ceRecords,
  w: workflowItems,
  p: {
    id: professionals.id,
    personId: professionals.personId,
    name: professionals.name,
    idNumber: professionals.idNumber,
    sex: professionals.sex,
    series: professionals.series,
    employerId: professionals.employerId,
    bindingStatus: professionals.bindingStatus,
  },
  employerName: employerUnit.name,
  employerRegion: employerUnit.regionCode,
  reviewerUnitName: reviewerUnit.name,
  lastStep: lastHistory('step'),
  lastUnitName: lastHistory('actor_unit_name'),
};

export type RecordRow = {
  r: typeof ceRecords.$inferSelect;
  w: typeof workflowItems.$inferSelect;
  p: {
    id: string;
    personId: string | null;
    name: string;
    idNumber: string;
    sex: 'male' | 'female';
    series: string;
    employerId: string | null;
    bindingStatus: 'none' | 'pending' | 'confirmed' | 'rejected';
  };
  employerName: string | null;
  employerRegion: string | null;
  reviewerUnitName: string | null;
  lastStep: string | null;
  lastUnitName: string | null;
};

const itemJoin = and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, ceRecords.id));

function base(q: Queryable) {
  return q
    .select(columns)
    .from(ceRecords)
    .innerJoin(professionals, eq(professionals.id, ceRecords.professionalId))
    .innerJoin(workflowItems, itemJoin)
    .leftJoin(employerUnit, eq(employerUnit.accountId, ceRecords.employerId))
    .leftJoin(reviewerUnit, eq(reviewerUnit.accountId, workflowItems.reviewerUnitId));
}

export async function findRecord(q: Queryable, scope: RecordScope, id: string): Promise<RecordRow | null> {
  // built once per scope kind, its inputs as placeholders (core/reusable-query.ts)
  const who = sql.placeholder('who') as unknown as string;
  const where = sql.placeholder('where') as unknown as string;
  const [row] = await runReusable<RecordRow>(
    q,
    `records_find_${scope.kind}`,
    (b) =>
      base(b).where(
        and(
          eq(ceRecords.id, sql.placeholder('id')),
          scopeWhere(
            scope.kind === 'person'
              ? { kind: 'person', personId: who }
              : scope.kind === 'employer'
                ? { kind: 'employer', unitId: who }
                : { kind: 'authority', series: who, regionPattern: where },
          ),
        ),
      ),
    scope.kind === 'authority'
      ? { id, who: scope.series, where: scope.regionPattern }
      : { id, who: scope.kind === 'person' ? scope.personId : scope.unitId },
  );
  return row ?? null;
}

/** 上级人社主管部门 of an employer (its role application's HRSS unit). */
export async function authorityNameOf(q: Queryable, employerId: string): Promise<string | null> {
  const [row] = await q
    .select({ name: units.name })
    .from(orgProfiles)
    .innerJoin(units, eq(units.accountId, orgProfiles.hrssUnitId))
    .where(and(eq(orgProfiles.unitId, employerId), eq(orgProfiles.role, 'employer')));
  return row?.name ?? null;
}

/** Another record of the same person, same course (case- and space-insensitive), overlapping dates. */
export async function overlappingRecord(
  q: Queryable,
  r: { professionalId: string; courseName: string; startDate: string; endDate: string; exceptId?: string },
): Promise<string | null> {
  const norm = r.courseName.replace(/\s+/g, '').toLowerCase();
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select r.id from ce_records r
        join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id
        where r.professional_id = ${r.professionalId}
          and lower(regexp_replace(r.course_name, '[[:space:]\u3000]+', '', 'g')) = ${norm}
          and r.start_date <= ${r.endDate}::date and r.end_date >= ${r.startDate}::date
          and w.state <> 'rejected'
          ${r.exceptId ? sql`and r.id <> ${r.exceptId}::uuid` : sql``}
        limit 1`,
  );
  return rows[0]?.id ?? null;
}

/** A professional confirmed as the unit's staff (专业技术人员信息确认: 是). */
export async function confirmedStaff(q: Queryable, unitId: string, professionalId: string) {
  const [row] = await q
    .select()
    .from(professionals)
    .where(
      and(
        eq(professionals.id, professionalId),
        eq(professionals.employerId, unitId),
        eq(professionals.bindingStatus, 'confirmed'),
      ),
    );
  return row ?? null;
}

/** Serialises the record changes of one person (the overlap rule is checked under this lock). */
export async function lockProfessional(q: Queryable, professionalId: string) {
  await q
    .select({ id: professionals.id })
    .from(professionals)
    .where(eq(professionals.id, professionalId))
    .for('update');
}

/** A registered institution: a unit holding an active 施教机构 role. */
export async function findInstitution(q: Queryable, unitId: string) {
  const [row] = await q
    .select({ id: units.accountId, name: units.name })
    .from(units)
    .innerJoin(orgRoles, eq(orgRoles.unitId, units.accountId))
    .where(and(eq(units.accountId, unitId), eq(orgRoles.role, 'institution'), eq(orgRoles.status, 'active')));
  return row ?? null;
}

export async function searchInstitutions(q: Queryable, name: string | undefined) {
  return q
    .select({ id: units.accountId, name: units.name })
    .from(units)
    .innerJoin(orgRoles, eq(orgRoles.unitId, units.accountId))
    .where(
      and(
        eq(orgRoles.role, 'institution'),
        eq(orgRoles.status, 'active'),
        name ? ilike(units.name, likePattern(name)) : undefined,
      ),
    )
    .orderBy(asc(units.name))
    .limit(20);
}

export async function attachmentsOf(q: Queryable, recordId: string) {
  return q
    .select({ a: ceRecordFiles, mime: files.mime, size: files.size })
    .from(ceRecordFiles)
    .innerJoin(files, eq(files.id, ceRecordFiles.fileId))
    .where(eq(ceRecordFiles.recordId, recordId))
    .orderBy(asc(ceRecordFiles.createdAt), asc(ceRecordFiles.id));
}

export async function countAttachments(q: Queryable, recordId: string): Promise<number> {
  const [{ n }] = await q
    .select({ n: count() })
    .from(ceRecordFiles)
    .where(eq(ceRecordFiles.recordId, recordId));
  return n;
}

/** Records that use a file as an attachment, for the download policy. */
export async function recordIdsUsingFile(q: Queryable, fileId: string): Promise<string[]> {
  const rows = await q
    .select({ id: ceRecordFiles.recordId })
    .from(ceRecordFiles)
    .where(eq(ceRecordFiles.fileId, fileId));
  return rows.map((r) => r.id);
}

/** An upload of the actor for a CE record. */
export async function ownRecordFile(q: Queryable, ownerId: string, fileId: string) {
  const [row] = await q
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerId, ownerId), eq(files.purpose, 'ce_record')));
  return row ?? null;
}

export async function deleteRecordRows(q: Queryable, recordId: string) {
  await q.execute(
    sql`delete from workflow_history where item_id in
        (select id from workflow_items where object_type = 'ce_record' and object_id = ${recordId})`,
  );
  await q
    .delete(workflowItems)
    .where(and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, recordId)));
  await q.delete(ceRecordFiles).where(eq(ceRecordFiles.recordId, recordId));
  await q.delete(ceRecords).where(eq(ceRecords.id, recordId));
}
