import { randomInt } from 'node:crypto';
import {
  type CategoryTotals,
  type CertificateRow,
  explanationText,
  maskIdNumber,
  type StaffCertificateQuery,
} from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { invalidState, notFound } from '../../core/errors';
import { personScope } from '../../core/scope';
import { activeRules } from '../requirements/requirements.repository';
import { employerScope, ruleSubjectsOf, totalsByYear, verdictFor } from '../requirements/standing';
import { authorityAtIssue } from './certificate-settings.service';
import * as repo from './certificates.repository';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** GD + year + 10 random characters of Crockford's base32 (no I, L, O, U). */
export function newCertificateNumber(year: number): string {
  let tail = '';
  for (let i = 0; i < 10; i += 1) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `GD${year}${tail}`;
}

/** The list rows (manual 003 §1.6.4) of the persons and years found. */
async function presentRows(
  s: Services,
  rows: Awaited<ReturnType<typeof repo.personYears>>['rows'],
): Promise<CertificateRow[]> {
  // one person appears once per year: ask for each person once
  const ids = [...new Set(rows.map((r) => r.professionalId))];
  const [rules, subjects, totals, certs] = await Promise.all([
    activeRules(s.db),
    ruleSubjectsOf(s.db, ids),
    repo.totalsOfMany(s.db, ids),
    repo.validCertificatesOf(s.db, ids),
  ]);
  return rows.map((r) => {
    const mine = totalsByYear(totals.filter((t) => t.professionalId === r.professionalId)).get(r.year);
    const v = verdictFor(
      rules,
      subjects.get(r.professionalId) ?? { series: r.series, regionCode: null },
      r.year,
      mine,
    );
    const cell = (t: 'public' | 'professional' | 'elective') => {
      const c = v.categories.find((x) => x.subjectType === t);
      return { courses: c?.courses ?? 0, hours: c?.recognised ?? 0 };
    };
    const cert = certs.find((c) => c.professionalId === r.professionalId && c.year === r.year);
    return {
      key: `${r.professionalId}:${r.year}`,
      professionalId: r.professionalId,
      year: r.year,
      name: r.name,
      idNumber: maskIdNumber(r.idNumber),
      series: r.series,
      public: cell('public'),
      professional: cell('professional'),
      elective: cell('elective'),
      totalHours: v.totalRecognised,
      passed: v.passed,
      explanation: explanationText(v),
      certificateNumber: cert?.number ?? null,
      issuedAt: cert?.issuedAt.toISOString() ?? null,
    };
  });
}

/** 继续教育证书打印 of the person: every year with recognised hours. */
export async function listMine(s: Services, actor: Actor) {
  const { personId } = personScope(actor);
  const { rows, total } = await repo.personYears(
    s.db,
    { kind: 'person', personId },
    {},
    { limit: 200, offset: 0 },
  );
  const items = await presentRows(s, rows);
  return { items, total, page: 1, pageSize: Math.max(items.length, 1) };
}

/**
 * 继续教育证书打印 of the employer: its confirmed staff, per person and year.
 * `page` overrides the query's paging (导出Excel asks for the first EXPORT_MAX_ROWS).
 */
export async function listStaff(
  s: Services,
  actor: Actor,
  query: StaffCertificateQuery,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const { unitId } = employerScope(actor);
  const { rows, total } = await repo.personYears(
    s.db,
    { kind: 'employer', unitId },
    { name: query.name, idNumber: query.idNumber, year: query.year },
    { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
  );
  return { items: await presentRows(s, rows), total, page: page.page, pageSize: page.pageSize };
}

/** The person themself, or an agent of the employer that confirmed them; anyone else: 404. */
function mayPrint(actor: Actor, p: repo.ProfessionalRow): boolean {
  if (actor.kind === 'person')
    return actor.permissions.has('certificate.self') && p.personId === actor.accountId;
  return (
    actor.permissions.has('certificate.staff') &&
    actor.actingUnit?.roles.some((r) => r.role === 'employer') === true &&
    p.employerId === actor.actingUnit.id &&
    p.bindingStatus === 'confirmed'
  );
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Checks 年度验证 and freezes what the certificate states under a new unique number. */
async function issue(tx: Tx, actor: Actor, p: repo.ProfessionalRow, year: number, totals: CategoryTotals) {
  // 证书设置 of the holder's region (their employer's) now: a re-print shows what was issued
  const subject = (await ruleSubjectsOf(tx, [p.id])).get(p.id);
  const authority = await authorityAtIssue(tx, subject?.regionCode ?? null);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await tx.transaction((sp) =>
        repo.insertCertificate(sp, {
          number: newCertificateNumber(year),
          professionalId: p.id,
          year,
          status: 'valid',
          name: p.name,
          series: p.series,
          publicHours: totals.public.hours,
          professionalHours: totals.professional.hours,
          electiveHours: totals.elective.hours,
          totalHours:
            Math.round((totals.public.hours + totals.professional.hours + totals.elective.hours) * 10) / 10,
          publicCourses: totals.public.courses,
          professionalCourses: totals.professional.courses,
          electiveCourses: totals.elective.courses,
          authorityName: authority.authorityName,
          sealFileId: authority.sealFileId,
          issuedBy: actor.accountId,
        }),
      );
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
}

/** 年度验证 of one person's year from the kept totals. */
async function yearVerdict(tx: Tx, p: repo.ProfessionalRow, year: number) {
  // one connection in a transaction: one query at a time
  const rules = await activeRules(tx);
  const subjects = await ruleSubjectsOf(tx, [p.id]);
  const rows = await repo.totalsOfMany(tx, [p.id]);
  const totals = totalsByYear(rows).get(year);
  const verdict = verdictFor(
    rules,
    subjects.get(p.id) ?? { series: p.series, regionCode: null },
    year,
    totals,
  );
  return { verdict, totals };
}

/** The year's kept totals when 年度验证 passes; refuses, saying what is missing, when not. */
async function passingTotals(tx: Tx, p: repo.ProfessionalRow, year: number) {
  const { verdict, totals } = await yearVerdict(tx, p, year);
  if (!verdict.passed || !totals) throw invalidState(`年度验证未通过：${explanationText(verdict)}`);
  return totals;
}

/** Loads the professional in scope (locked) and the year's verdict; refuses when not passed. */
async function passedYear(tx: Tx, actor: Actor, professionalId: string, year: number) {
  const p = await repo.lockProfessional(tx, professionalId);
  if (!p || !mayPrint(actor, p)) throw notFound('继续教育证书');
  return { p, totals: await passingTotals(tx, p, year) };
}

/**
 * After hours changed (培训信息维护), in the same transaction: a valid certificate of a year that
 * no longer passes 年度验证 is voided, so the public page stops calling it valid (SPEC §7).
 */
export async function voidUnearnedCertificates(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  professionalId: string,
  years: readonly number[],
) {
  const p = await repo.findProfessional(tx, professionalId);
  if (!p) return;
  for (const year of new Set(years)) {
    const cert = await repo.validCertificate(tx, p.id, year);
    if (!cert) continue;
    const { verdict } = await yearVerdict(tx, p, year);
    if (verdict.passed) continue;
    await repo.voidCertificate(tx, cert.id, actor.accountId);
    await audit(tx, ctx, {
      action: 'certificate.void',
      objectType: 'certificate',
      objectId: cert.id,
      detail: { number: cert.number, year, professionalId: p.id, reason: explanationText(verdict) },
    });
  }
}

/** 打印: the valid certificate of the year, issued now if there is none. */
export async function certificateFor(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  professionalId: string,
  year: number,
) {
  return s.db.transaction(async (tx) => {
    // printing again (the usual case) only reads: no row lock, so prints of one person do not queue
    const seen = await repo.findProfessional(tx, professionalId);
    const printed =
      seen && mayPrint(actor, seen) ? await repo.validCertificate(tx, seen.id, year) : undefined;
    if (seen && printed) {
      await passingTotals(tx, seen, year);
      return { cert: printed, idNumber: seen.idNumber };
    }
    const { p, totals } = await passedYear(tx, actor, professionalId, year);
    const existing = await repo.validCertificate(tx, p.id, year);
    if (existing) return { cert: existing, idNumber: p.idNumber };
    const cert = await issue(tx, actor, p, year, totals);
    await audit(tx, ctx, {
      action: 'certificate.issue',
      objectType: 'certificate',
      objectId: cert.id,
      detail: { number: cert.number, year, professionalId: p.id },
    });
    return { cert, idNumber: p.idNumber };
  });
}

/** 重新生成证书: voids the valid number and issues a new one. */
export async function reissue(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  professionalId: string,
  year: number,
) {
  return s.db.transaction(async (tx) => {
    const { p, totals } = await passedYear(tx, actor, professionalId, year);
    const old = await repo.validCertificate(tx, p.id, year);
    if (old) await repo.voidCertificate(tx, old.id, actor.accountId);
    const cert = await issue(tx, actor, p, year, totals);
    await audit(tx, ctx, {
      action: old ? 'certificate.reissue' : 'certificate.issue',
      objectType: 'certificate',
      objectId: cert.id,
      detail: { number: cert.number, voided: old?.number ?? null, year, professionalId: p.id },
    });
    return {
      number: cert.number,
      voidedNumber: old?.number ?? null,
      message: old
        ? `已重新生成证书，新证书编号 ${cert.number}，原证书编号 ${old.number} 已作废`
        : `已生成证书 ${cert.number}`,
    };
  });
}
