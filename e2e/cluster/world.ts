import { makeIdNumber } from '@ce/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/src/core/db';
import { accounts, ceRecords, professionals, workflowItems } from '../../server/src/db/schema';
import { PROFILE_DEFAULTS } from '../../server/src/test/world';

/**
 * The world the kill test starts from, written directly into the database (as server/src/test/world.ts
 * does for the API tests): more staff for the demo employer and many 待办 records for it to approve.
 * The behaviour under test always goes through the proxy.
 */

export async function accountId(db: Db, loginName: string): Promise<string> {
  const [a] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginName, loginName));
  if (!a) throw new Error(`no account ${loginName}: is the demo data seeded?`);
  return a.id;
}

export interface Staff {
  id: string;
  name: string;
  idNumber: string;
}

/** `n` professionals confirmed by the employer (no login of their own: the employer declares for them). */
export async function addStaff(db: Db, employerId: string, n: number): Promise<Staff[]> {
  const values = Array.from({ length: n }, (_, i) => {
    const birthDate = `19${String(70 + (i % 25))}0${1 + (i % 9)}1${i % 10}`;
    const idNumber = makeIdNumber({ region: '440106', birthDate, seq: 500 + i });
    return {
      idNumber,
      name: `集群${i + 1}号`,
      sex: Number(idNumber[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
      birthDate: `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6, 8)}`,
      ...PROFILE_DEFAULTS,
      phone: `137${String(20_000_000 + i).slice(-8)}`,
      employerId,
      bindingStatus: 'confirmed' as const,
      bindingAt: new Date(),
    };
  });
  const rows = await db.insert(professionals).values(values).returning();
  return rows.map((p) => ({ id: p.id, name: p.name, idNumber: p.idNumber }));
}

/** `n` records waiting (待办) at the employer, spread over the staff; returns their ids. */
export async function pendingRecords(db: Db, employerId: string, staff: Staff[], n: number) {
  const records = await db
    .insert(ceRecords)
    .values(
      Array.from({ length: n }, (_, i) => ({
        professionalId: staff[i % staff.length].id,
        source: 'person' as const,
        employerId,
        courseName: `集群待办课程${i + 1}`,
        subjectType: (['public', 'professional', 'elective'] as const)[i % 3],
        studyForm: '面授',
        startDate: '2025-05-05',
        endDate: '2025-05-06',
        days: 2,
        declaredHours: 12,
        assessment: 'passed' as const,
        institutionName: '广东省继续教育协会培训中心',
        year: 2025,
      })),
    )
    .returning({ id: ceRecords.id });
  await db.insert(workflowItems).values(
    records.map((r) => ({
      objectType: 'ce_record',
      objectId: r.id,
      state: 'submitted' as const,
      reviewerUnitId: employerId,
      step: '继续教育记录申报单位审批',
      submittedAt: new Date(),
    })),
  );
  return records.map((r) => r.id);
}

/** Workflow state per record id. */
export async function statesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: workflowItems.objectId, state: workflowItems.state })
    .from(workflowItems)
    .where(inArray(workflowItems.objectId, ids));
  return new Map(rows.map((r) => [r.id, r.state]));
}

/** How many of these record ids exist. */
export async function recordsPresent(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ceRecords)
    .where(inArray(ceRecords.id, ids));
  return n;
}

/** Records whose course name starts with `prefix` (the rows of one import). */
export async function recordsNamed(db: Db, prefix: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ceRecords)
    .where(sql`${ceRecords.courseName} like ${`${prefix}%`}`);
  return n;
}

/** Every professional of the employer (the demo's 李娜 and the added staff). */
export async function staffOf(db: Db, employerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: professionals.id })
    .from(professionals)
    .where(eq(professionals.employerId, employerId));
  return rows.map((r) => r.id);
}
