import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { accounts, persons, units } from '../../db/schema';

export async function findAccountByLogin(q: Queryable, loginName: string) {
  const [row] = await q
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.loginName}) = lower(${loginName})`);
  return row ?? null;
}

export async function lockAccountRow(q: Queryable, id: string) {
  const [row] = await q.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row ?? null;
}

export async function findPersonByLogin(q: Queryable, loginName: string) {
  const [row] = await q
    .select({ account: accounts, person: persons })
    .from(accounts)
    .innerJoin(persons, eq(persons.accountId, accounts.id))
    .where(sql`lower(${accounts.loginName}) = lower(${loginName})`);
  return row ?? null;
}

export async function findPersonByIdNumber(q: Queryable, idNumber: string) {
  const [row] = await q.select().from(persons).where(eq(persons.idNumber, idNumber));
  return row ?? null;
}

export async function findPerson(q: Queryable, accountId: string) {
  const [row] = await q.select().from(persons).where(eq(persons.accountId, accountId));
  return row ?? null;
}

export async function findUnit(q: Queryable, accountId: string) {
  const [row] = await q.select().from(units).where(eq(units.accountId, accountId));
  return row ?? null;
}

export async function findUnitByCert(q: Queryable, certNumber: string) {
  const [row] = await q.select().from(units).where(eq(units.certNumber, certNumber));
  return row ?? null;
}

export async function loginNameTaken(q: Queryable, loginName: string): Promise<boolean> {
  return (await findAccountByLogin(q, loginName)) !== null;
}
