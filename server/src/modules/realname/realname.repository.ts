import { and, count, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import { accounts, persons, realnameApplications } from '../../db/schema';

const reviewer = alias(persons, 'reviewer');

function scopeWhere(scope: RegionScope): SQL | undefined {
  // a city HRSS sees applicants whose ID number's address code lies in its region
  return scope.kind === 'all' ? undefined : like(persons.idNumber, `${scope.prefix}%`);
}

const columns = {
  app: realnameApplications,
  loginName: accounts.loginName,
  realName: persons.realName,
  idNumber: persons.idNumber,
  phone: persons.phone,
  reviewerName: reviewer.realName,
};

function base(q: Queryable) {
  return q
    .select(columns)
    .from(realnameApplications)
    .innerJoin(persons, eq(persons.accountId, realnameApplications.personId))
    .innerJoin(accounts, eq(accounts.id, realnameApplications.personId))
    .leftJoin(reviewer, eq(reviewer.accountId, realnameApplications.reviewerId));
}

export type RealnameRow = Awaited<ReturnType<typeof findApplication>>;

export async function listApplications(
  q: Queryable,
  scope: RegionScope,
  f: {
    status?: 'pending' | 'approved' | 'rejected';
    realName?: string;
    idNumber?: string;
    page: number;
    pageSize: number;
  },
) {
  const where = and(
    scopeWhere(scope),
    f.status ? eq(realnameApplications.status, f.status) : undefined,
    f.realName ? like(persons.realName, `%${f.realName}%`) : undefined,
    f.idNumber ? eq(persons.idNumber, f.idNumber.toUpperCase()) : undefined,
  );
  const [{ total }] = await q
    .select({ total: count() })
    .from(realnameApplications)
    .innerJoin(persons, eq(persons.accountId, realnameApplications.personId))
    .where(where);
  const items = await base(q)
    .where(where)
    .orderBy(desc(realnameApplications.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

export async function findApplication(q: Queryable, scope: RegionScope, id: string, lock = false) {
  const query = base(q).where(and(eq(realnameApplications.id, id), scopeWhere(scope)));
  const [row] = lock ? await query.for('update', { of: realnameApplications }) : await query;
  return row ?? null;
}

export async function latestOfPerson(q: Queryable, personId: string) {
  const [row] = await base(q)
    .where(eq(realnameApplications.personId, personId))
    .orderBy(desc(realnameApplications.createdAt))
    .limit(1);
  return row ?? null;
}

/** Applications that use a file, for the file download policy. */
export async function applicationIdsUsingFile(q: Queryable, fileId: string): Promise<string[]> {
  const rows = await q
    .select({ id: realnameApplications.id })
    .from(realnameApplications)
    .where(or(eq(realnameApplications.frontFileId, fileId), eq(realnameApplications.backFileId, fileId)));
  return rows.map((r) => r.id);
}
