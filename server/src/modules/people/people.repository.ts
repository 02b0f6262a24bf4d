import { and, asc, count, desc, eq, inArray, isNull, like, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { conflict } from '../../core/errors';
import { orgRoles, persons, professionals, units } from '../../db/schema';
import type { ProfessionalRow } from './people.policy';

export type ProfessionalValues = Omit<typeof professionals.$inferInsert, 'id' | 'createdAt'>;
export type EmployerBindingStatus = ProfessionalRow['bindingStatus'];

/** A profile with its employer's name and region, as detail pages show it. */
export interface ProfessionalWithEmployer {
  row: ProfessionalRow;
  employerName: string | null;
  employerRegion: string | null;
}

const withEmployer = {
  row: professionals,
  employerName: units.name,
  employerRegion: units.regionCode,
};

function base(q: Queryable) {
  return q
    .select(withEmployer)
    .from(professionals)
    .leftJoin(units, eq(units.accountId, professionals.employerId));
}

/** The person's own profile (scope: the person). */
export async function findByPerson(
  q: Queryable,
  personId: string,
  lock = false,
): Promise<ProfessionalWithEmployer | null> {
  const query = base(q).where(eq(professionals.personId, personId));
  const [row] = lock ? await query.for('update', { of: professionals }) : await query;
  return row ?? null;
}

/** By ID number, whoever holds it: for 新增 and for linking a registering person. */
export async function findByIdNumber(q: Queryable, idNumber: string, lock = false) {
  const query = base(q).where(eq(professionals.idNumber, idNumber));
  const [row] = lock ? await query.for('update', { of: professionals }) : await query;
  return row ?? null;
}

/** A row of the employer's (scope: employer id and the binding statuses the caller may touch). */
export async function findOfEmployer(
  q: Queryable,
  scope: { employerId: string; statuses: EmployerBindingStatus[] },
  id: string,
  lock = false,
): Promise<ProfessionalWithEmployer | null> {
  const query = base(q).where(
    and(
      eq(professionals.id, id),
      eq(professionals.employerId, scope.employerId),
      inArray(professionals.bindingStatus, scope.statuses),
    ),
  );
  const [row] = lock ? await query.for('update', { of: professionals }) : await query;
  return row ?? null;
}

/** Inserts a profile; a concurrent insert of the same ID number or person answers 409, not 500. */
export async function insertProfessional(q: Queryable, values: ProfessionalValues) {
  const [row] = await q.insert(professionals).values(values).onConflictDoNothing().returning();
  if (!row) throw conflict('该公民身份号码的人员信息已存在，请刷新后重试');
  return row;
}

export async function updateProfessional(q: Queryable, id: string, values: Partial<ProfessionalValues>) {
  await q
    .update(professionals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(professionals.id, id));
}

/** Links a profile an employer added before the person registered; returns the linked row ids. */
export async function linkUnlinked(q: Queryable, idNumber: string, personId: string): Promise<string[]> {
  const rows = await q
    .update(professionals)
    .set({ personId, updatedAt: new Date() })
    .where(and(eq(professionals.idNumber, idNumber), isNull(professionals.personId)))
    .returning({ id: professionals.id });
  return rows.map((r) => r.id);
}

export async function personOf(q: Queryable, personId: string) {
  const [row] = await q.select().from(persons).where(eq(persons.accountId, personId));
  return row ?? null;
}

export async function personByIdNumber(q: Queryable, idNumber: string) {
  const [row] = await q.select().from(persons).where(eq(persons.idNumber, idNumber));
  return row ?? null;
}

const activeEmployer = and(eq(orgRoles.role, 'employer'), eq(orgRoles.status, 'active'));

/** Units holding an active employer role, for the 所属单位 picker. */
export async function searchEmployers(q: Queryable, name: string | undefined, limit = 50) {
  return q
    .select({ id: units.accountId, name: units.name, regionCode: units.regionCode })
    .from(units)
    .innerJoin(orgRoles, and(eq(orgRoles.unitId, units.accountId), activeEmployer))
    .where(name ? like(units.name, `%${name}%`) : undefined)
    .orderBy(asc(units.name))
    .limit(limit);
}

export async function findActiveEmployer(q: Queryable, unitId: string) {
  const [row] = await q
    .select({ id: units.accountId, name: units.name, regionCode: units.regionCode })
    .from(units)
    .innerJoin(orgRoles, and(eq(orgRoles.unitId, units.accountId), activeEmployer))
    .where(eq(units.accountId, unitId));
  return row ?? null;
}

/** The employer's staff in one binding status, with the search of 信息维护 / 信息确认. */
export async function listOfEmployer(
  q: Queryable,
  scope: { employerId: string; status: EmployerBindingStatus },
  f: { name?: string; idNumber?: string; page: number; pageSize: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(professionals.employerId, scope.employerId),
    eq(professionals.bindingStatus, scope.status),
    f.name ? like(professionals.name, `%${f.name}%`) : undefined,
    f.idNumber ? like(professionals.idNumber, `%${f.idNumber.toUpperCase()}%`) : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = await q.select({ total: count() }).from(professionals).where(where);
  const items = await q
    .select()
    .from(professionals)
    .where(where)
    .orderBy(desc(professionals.bindingAt), asc(professionals.name), asc(professionals.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}
