import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { runReusable } from '../../core/reusable-query';
import { certificates, ceTotals, professionals } from '../../db/schema';

export type CertificateRow = typeof certificates.$inferSelect;
export type ProfessionalRow = typeof professionals.$inferSelect;

/** Which professionals a list covers: the person themself, or an employer's confirmed staff. */
export type CertificateScope = { kind: 'person'; personId: string } | { kind: 'employer'; unitId: string };

function scopeWhere(scope: CertificateScope): SQL | undefined {
  return scope.kind === 'person'
    ? eq(professionals.personId, scope.personId)
    : and(eq(professionals.employerId, scope.unitId), eq(professionals.bindingStatus, 'confirmed'));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PersonYearFilter {
  name?: string;
  idNumber?: string;
  year?: number;
}

/** One row per person and year that has kept totals, in scope, paged. */
export async function personYears(
  q: Queryable,
  scope: CertificateScope,
  filter: PersonYearFilter,
  page: { limit: number; offset: number },
) {
  const where = and(
    scopeWhere(scope),
    filter.name ? sql`${professionals.name} like ${`%${escapeLike(filter.name)}%`}` : undefined,
    filter.idNumber
      ? sql`upper(${professionals.idNumber}) like ${`%${escapeLike(filter.idNumber.toUpperCase())}%`}`
      : undefined,
    filter.year ? eq(ceTotals.year, filter.year) : undefined,
  );
  const [{ total }] = await q
    .select({ total: sql<number>`count(distinct (${ceTotals.professionalId}, ${ceTotals.year}))::int` })
    .from(ceTotals)
    .innerJoin(professionals, eq(professionals.id, ceTotals.professionalId))
    .where(where);
  const rows = await q
    .select({
      professionalId: ceTotals.professionalId,
      year: ceTotals.year,
      name: professionals.name,
      idNumber: professionals.idNumber,
      series: professionals.series,
    })
    .from(ceTotals)
    .innerJoin(professionals, eq(professionals.id, ceTotals.professionalId))
    .where(where)
    .groupBy(
      ceTotals.professionalId,
      ceTotals.year,
      professionals.name,
      professionals.idNumber,
      professionals.series,
    )
    .orderBy(desc(ceTotals.year), asc(professionals.name), asc(ceTotals.professionalId))
    .limit(page.limit)
    .offset(page.offset);
  return { total: Number(total), rows: rows.map((r) => ({ ...r, year: Number(r.year) })) };
}

/** Kept totals of these persons. */
export async function totalsOfMany(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select({
      professionalId: ceTotals.professionalId,
      year: ceTotals.year,
      subjectType: ceTotals.subjectType,
      hours: ceTotals.hours,
      courses: ceTotals.courses,
    })
    .from(ceTotals)
    .where(inArray(ceTotals.professionalId, [...new Set(ids)]));
}

/** The valid certificates of these persons. */
export async function validCertificatesOf(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(certificates)
    .where(and(inArray(certificates.professionalId, [...new Set(ids)]), eq(certificates.status, 'valid')));
}

/** The professional, locked: issuing for one person and year happens one at a time. */
export async function lockProfessional(q: Queryable, id: string): Promise<ProfessionalRow | undefined> {
  const [row] = await q.select().from(professionals).where(eq(professionals.id, id)).for('update');
  return row;
}

export async function findProfessional(q: Queryable, id: string): Promise<ProfessionalRow | undefined> {
  const [row] = await q.select().from(professionals).where(eq(professionals.id, id));
  return row;
}

export async function validCertificate(q: Queryable, professionalId: string, year: number) {
  const [row] = await q
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.professionalId, professionalId),
        eq(certificates.year, year),
        eq(certificates.status, 'valid'),
      ),
    );
  return row;
}

export async function insertCertificate(q: Queryable, values: typeof certificates.$inferInsert) {
  const [row] = await q.insert(certificates).values(values).returning();
  return row;
}

export async function voidCertificate(q: Queryable, id: string, by: string) {
  await q
    .update(certificates)
    .set({ status: 'voided', voidedAt: new Date(), voidedBy: by })
    .where(eq(certificates.id, id));
}

export async function findByNumber(q: Queryable, number: string) {
  // the public 证书查验 (a QR scan queue at a certificate desk): built once, planned once per connection
  const [row] = await runReusable<typeof certificates.$inferSelect>(
    q,
    'certificates_by_number',
    (b) =>
      b
        .select()
        .from(certificates)
        .where(eq(certificates.number, sql.placeholder('number'))),
    { number },
  );
  return row;
}
