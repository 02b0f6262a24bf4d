import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { likePattern, type PageRequest, pageClause, queryNamed, totalOf } from '../../core/list-query';
import { teachers } from '../../db/schema';

/**
 * 师资 (SPEC §8), SQL only. Every read and write takes the owning org (orgScope): an org sees and
 * changes only its own teachers.
 */
export type TeacherRow = typeof teachers.$inferSelect;
export type TeacherValues = Omit<typeof teachers.$inferInsert, 'id' | 'unitId' | 'createdAt' | 'updatedAt'>;

export interface TeacherFilters {
  name?: string;
  idNumber?: string;
}

type ListRow = Pick<TeacherRow, 'id' | 'name' | 'sex' | 'phone' | 'courses' | 'qualification' | 'enabled'> & {
  id_number: string;
  total: string;
};

/** The list (core/list-query.ts): the page's ids by the org's index, then the columns shown. */
export async function listTeachers(q: Queryable, unitId: string, f: TeacherFilters, page: PageRequest) {
  const where = sql.join(
    [
      sql`t.unit_id = ${unitId}`,
      f.name ? sql`t.name ilike ${likePattern(f.name)}` : undefined,
      f.idNumber ? sql`t.id_number = ${f.idNumber.toUpperCase()}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const rows = await queryNamed<ListRow>(
    q,
    'teachers_list',
    sql`select x.id, x.name, x.sex, x.id_number, x.phone, x.courses, x.qualification, x.enabled, p.total
        from (select t.id, t.created_at, count(*) over () as total from teachers t where ${where}
              order by t.created_at desc, t.id asc ${pageClause(page)}) p
        join teachers x on x.id = p.id
        order by p.created_at desc, p.id asc`,
  );
  const total = await totalOf(rows, async () => {
    const [c] = await queryNamed<{ n: number }>(
      q,
      'teachers_count',
      sql`select count(*)::int as n from teachers t where ${where}`,
    );
    return c.n;
  });
  return {
    items: rows.map(({ id_number, total: _, ...r }) => ({ ...r, idNumber: id_number })),
    total,
  };
}

export async function findTeacher(q: Queryable, unitId: string, id: string): Promise<TeacherRow | null> {
  const [row] = await q
    .select()
    .from(teachers)
    .where(and(eq(teachers.id, id), eq(teachers.unitId, unitId)));
  return row ?? null;
}

/** The org's teachers among `ids`, locked for a change. */
export async function lockTeachers(q: Queryable, unitId: string, ids: string[]): Promise<TeacherRow[]> {
  return q
    .select()
    .from(teachers)
    .where(and(eq(teachers.unitId, unitId), inArray(teachers.id, ids)))
    .for('update');
}

/** Another teacher of the org with this ID number (unique per org). */
export async function idNumberTaken(q: Queryable, unitId: string, idNumber: string, exceptId?: string) {
  const [row] = await q
    .select({ id: teachers.id })
    .from(teachers)
    .where(
      and(
        eq(teachers.unitId, unitId),
        eq(teachers.idNumber, idNumber),
        exceptId ? ne(teachers.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

export async function insertTeacher(q: Queryable, unitId: string, values: TeacherValues) {
  const [row] = await q
    .insert(teachers)
    .values({ ...values, unitId })
    .returning();
  return row;
}

export async function updateTeacher(q: Queryable, unitId: string, id: string, values: TeacherValues) {
  const [row] = await q
    .update(teachers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(teachers.id, id), eq(teachers.unitId, unitId)))
    .returning();
  return row ?? null;
}

export async function setEnabled(q: Queryable, unitId: string, ids: string[], enabled: boolean) {
  await q
    .update(teachers)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(teachers.unitId, unitId), inArray(teachers.id, ids)));
}

export async function deleteTeachers(q: Queryable, unitId: string, ids: string[]) {
  await q.delete(teachers).where(and(eq(teachers.unitId, unitId), inArray(teachers.id, ids)));
}

/**
 * What refers to a teacher, named for the refusal message (a teacher someone refers to is 禁用,
 * not deleted — SPEC §8). Each entry is one referring table. Empty today: nothing refers to
 * teachers yet. The classes of issue 11 join it (培训班's 授课教师 and 班主任), e.g.
 * `{ label: '培训班', refers: (q, id) => exists(select 1 from class_teachers where teacher_id = id) }`.
 */
const REFERENCES: { label: string; refers: (q: Queryable, teacherId: string) => Promise<boolean> }[] = [];

/** The names of the things that refer to the teacher (empty: it may be deleted). */
export async function teacherReferences(q: Queryable, teacherId: string): Promise<string[]> {
  const found: string[] = [];
  for (const r of REFERENCES) if (await r.refers(q, teacherId)) found.push(r.label);
  return found;
}

/**
 * The 启用 teachers of the org among `ids`: the only ones a class may choose as 授课教师 or
 * 班主任 (the classes of issue 11 check their picks with it).
 */
export async function enabledTeachers(q: Queryable, unitId: string, ids: string[]): Promise<TeacherRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(teachers)
    .where(and(eq(teachers.unitId, unitId), eq(teachers.enabled, true), inArray(teachers.id, ids)));
}
