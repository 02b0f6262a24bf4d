import type { CertificateRow, CertificateVerification, ReissueResponse } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { Client } from '../../test/client';
import { startTestApp, type TestApp } from '../../test/harness';
import {
  makeEmployer,
  makeProfessional,
  makeRecord,
  type TestEmployer,
  type TestProfessional,
} from '../../test/world';
import { verificationUrl } from './certificates.pdf';
import { newCertificateNumber } from './certificates.service';

let t: TestApp;
let employer: TestEmployer;
let passed: TestProfessional;
let short: TestProfessional;
const YEAR = 2025;
type List = { items: CertificateRow[]; total: number };

async function meetRequirement(p: { id: string }, year: number) {
  const endDate = `${year}-06-30`;
  await makeRecord(t, p, { subjectType: 'public', hours: 30, endDate });
  await makeRecord(t, p, { subjectType: 'professional', hours: 24, endDate });
  await makeRecord(t, p, { subjectType: 'professional', hours: 18, endDate });
  await makeRecord(t, p, { subjectType: 'elective', hours: 18, endDate });
}

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
  passed = await makeProfessional(t, employer);
  short = await makeProfessional(t, employer);
  await meetRequirement(passed, YEAR);
  await makeRecord(t, short, { subjectType: 'public', hours: 18, endDate: `${YEAR}-03-01` });
  await makeRecord(t, short, { subjectType: 'professional', hours: 42, endDate: `${YEAR}-03-01` });
  await makeRecord(t, short, { subjectType: 'elective', hours: 18, endDate: `${YEAR}-03-01` });
});
afterAll(() => t.close());

const pdfUrl = (p: { id: string }, year = YEAR) => `/api/certificates/${p.id}/${year}/pdf`;

describe('继续教育证书打印', () => {
  it("lists the employer's confirmed staff per year with the manual's columns", async () => {
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    await makeRecord(t, pending, { hours: 6, endDate: `${YEAR}-01-01` });
    const r = await employer.client.get<List>(`/api/employer/certificates?year=${YEAR}`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const row = r.body.items.find((i) => i.professionalId === passed.id);
    expect(row).toMatchObject({
      year: YEAR,
      name: passed.person.realName,
      idNumber: `${passed.person.idNumber.slice(0, 4)}**********${passed.person.idNumber.slice(-4)}`,
      series: '工程技术人员',
      public: { courses: 1, hours: 30 },
      professional: { courses: 2, hours: 42 },
      elective: { courses: 1, hours: 18 },
      totalHours: 90,
      passed: true,
      certificateNumber: null,
    });
    const other = r.body.items.find((i) => i.professionalId === short.id);
    expect(other).toMatchObject({ passed: false, explanation: '公需课还差 12 学时' });
    const byName = await employer.client.get<List>(
      `/api/employer/certificates?name=${encodeURIComponent(short.person.realName)}`,
    );
    expect(byName.body.items.map((i) => i.professionalId)).toEqual([short.id]);
    const byId = await employer.client.get<List>(
      `/api/employer/certificates?idNumber=${passed.person.idNumber}`,
    );
    expect(byId.body.items.map((i) => i.professionalId)).toEqual([passed.id]);
  });

  it('refuses to print when 年度验证 does not pass, saying what is missing', async () => {
    const r = await employer.client.get(pdfUrl(short));
    expect(r.status).toBe(409);
    expect(r.error.message).toBe('年度验证未通过：公需课还差 12 学时');
    const none = await short.client.get(pdfUrl(short, 2019));
    expect(none.status).toBe(409);
    expect(none.error.message).toBe(
      '年度验证未通过：公需课还差 18 学时，专业课还差 42 学时，选修课还差 12 学时',
    );
  });

  it('prints a PDF whose number the public page verifies; printing again keeps the number', async () => {
    const r = await employer.client.get<string>(pdfUrl(passed));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.body.startsWith('%PDF')).toBe(true);
    const list = await employer.client.get<List>(`/api/employer/certificates?year=${YEAR}`);
    const number = list.body.items.find((i) => i.professionalId === passed.id)?.certificateNumber ?? '';
    expect(number).toMatch(new RegExp(`^GD${YEAR}[0-9A-HJKMNP-TV-Z]{10}$`));
    expect(String(r.headers['content-disposition'])).toContain(number);
    // the QR code's link points to the verification page of this number
    expect(r.body).toContain(verificationUrl('http://localhost:80', number));

    const v = await new Client(t).get<CertificateVerification>(`/api/public/certificates/${number}`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      number,
      status: 'valid',
      year: YEAR,
      totalHours: 90,
      publicHours: 30,
      voidedAt: null,
    });
    expect(v.body.name).not.toBe(passed.person.realName);
    expect(v.body.name[0]).toBe(passed.person.realName[0]);

    const own = await passed.client.get<string>(pdfUrl(passed));
    expect(own.status).toBe(200);
    const mine = await passed.client.get<List>('/api/certificates/mine');
    expect(mine.body.items.map((i) => i.certificateNumber)).toEqual([number]);
    const issued = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'certificate.issue'));
    expect(issued.filter((a) => a.detail?.number === number)).toHaveLength(1);
  });

  it('重新生成证书 voids the old number and issues a new one', async () => {
    const before = await passed.client.get<List>('/api/certificates/mine');
    const old = before.body.items[0].certificateNumber ?? '';
    const r = await employer.client.post<ReissueResponse>(`/api/certificates/${passed.id}/${YEAR}/reissue`);
    expect(r.status).toBe(200);
    expect(r.body.voidedNumber).toBe(old);
    expect(r.body.number).not.toBe(old);
    const anon = new Client(t);
    const voided = await anon.get<CertificateVerification>(`/api/public/certificates/${old}`);
    expect(voided.body.status).toBe('voided');
    expect(voided.body.voidedAt).not.toBeNull();
    const fresh = await anon.get<CertificateVerification>(
      `/api/public/certificates/${r.body.number.toLowerCase()}`,
    );
    expect(fresh.body.status).toBe('valid');
    const pdf = await passed.client.get<string>(pdfUrl(passed));
    expect(pdf.body).toContain(`verify?no=${r.body.number}`);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'certificate.reissue'));
    expect(audits.map((a) => a.detail?.voided)).toContain(old);
    const refused = await short.client.post(`/api/certificates/${short.id}/${YEAR}/reissue`);
    expect(refused.status).toBe(409);
  });

  it('培训信息维护 that makes the year fail voids its certificate; one that keeps it passing does not', async () => {
    const p = await makeProfessional(t, employer);
    const endDate = `${YEAR}-06-30`;
    await makeRecord(t, p, { subjectType: 'public', hours: 30, endDate });
    await makeRecord(t, p, { subjectType: 'elective', hours: 18, endDate });
    const big = await makeRecord(t, p, { subjectType: 'professional', hours: 48, endDate });
    expect((await employer.client.get<string>(pdfUrl(p))).status).toBe(200);
    const list = await employer.client.get<List>(`/api/employer/certificates?idNumber=${p.person.idNumber}`);
    const number = list.body.items[0].certificateNumber ?? '';
    const anon = new Client(t);

    const still = await employer.client.post(`/api/employer/records/${big.id}/correct`, {
      recognisedHours: 42,
      correctionReason: '认定学时有误',
    });
    expect(still.status).toBe(200);
    expect((await anon.get<CertificateVerification>(`/api/public/certificates/${number}`)).body.status).toBe(
      'valid',
    );

    const failing = await employer.client.post(`/api/employer/records/${big.id}/correct`, {
      recognisedHours: 30,
      correctionReason: '部分课时未完成',
    });
    expect(failing.status).toBe(200);
    const v = await anon.get<CertificateVerification>(`/api/public/certificates/${number}`);
    expect(v.body.status).toBe('voided');
    const after = await employer.client.get<List>(`/api/employer/certificates?idNumber=${p.person.idNumber}`);
    expect(after.body.items[0]).toMatchObject({
      passed: false,
      certificateNumber: null,
      explanation: '专业课还差 12 学时',
    });
    const voids = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'certificate.void'));
    expect(voids.filter((a) => a.detail?.number === number)).toHaveLength(1);
    expect((await employer.client.get(pdfUrl(p))).status).toBe(409);
  });

  it("导出Excel: the filtered list as shown, IDs masked, never another employer's staff", async () => {
    const rival = await makeEmployer(t);
    const theirs = await makeProfessional(t, rival);
    await meetRequirement(theirs, YEAR);
    const asRow = (r: CertificateRow, i: number) => [
      i + 1,
      r.name,
      r.idNumber,
      r.year,
      r.series,
      r.public.courses,
      r.public.hours,
      r.professional.courses,
      r.professional.hours,
      r.elective.courses,
      r.elective.hours,
      r.totalHours,
      r.passed ? '通过' : `不通过（${r.explanation}）`,
      r.certificateNumber ?? '未生成',
    ];

    const list = await employer.client.get<List>(`/api/employer/certificates?year=${YEAR}&pageSize=200`);
    const x = await employer.client.downloadSheet(`/api/employer/certificates/export?year=${YEAR}`);
    expect(x.disposition).toContain(encodeURIComponent('继续教育证书.xlsx'));
    // 序号 first, as on the page (manual 003 §1.6.4)
    expect(x.header).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '培训年度',
      '专业序列',
      '公需科目门数',
      '公需科目学时',
      '专业科目门数',
      '专业科目学时',
      '个人选修科目门数',
      '个人选修科目学时',
      '总学时',
      '年度验证结果',
      '继续教育证书号',
    ]);
    expect(x.rows).toEqual(list.body.items.map(asRow));
    const mask = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
    const mine = x.rows.find((r) => r[1] === passed.person.realName);
    expect(mine?.slice(1, 5)).toEqual([
      passed.person.realName,
      mask(passed.person.idNumber),
      YEAR,
      '工程技术人员',
    ]);
    expect(mine?.[13]).toMatch(new RegExp(`^GD${YEAR}`));
    expect(x.rows.find((r) => r[1] === short.person.realName)?.slice(12)).toEqual([
      '不通过（公需课还差 12 学时）',
      '未生成',
    ]);
    expect(x.rows.map((r) => r[1])).not.toContain(theirs.person.realName);

    // the list's filters; the page does not limit the export
    const byName = await employer.client.get<List>(
      `/api/employer/certificates?name=${encodeURIComponent(short.person.realName)}`,
    );
    const filtered = await employer.client.downloadSheet(
      `/api/employer/certificates/export?name=${encodeURIComponent(short.person.realName)}&page=3&pageSize=1`,
    );
    expect(filtered.rows).toEqual(byName.body.items.map(asRow));
    expect(filtered.rows.map((r) => r[1])).toEqual([short.person.realName]);

    // the rival sees only its own staff, even when it searches for ours
    const rivals = await rival.client.downloadSheet('/api/employer/certificates/export');
    expect(rivals.rows.map((r) => r[1])).toEqual([theirs.person.realName]);
    const probe = await rival.client.downloadSheet(
      `/api/employer/certificates/export?idNumber=${passed.person.idNumber}`,
    );
    expect(probe.rows).toEqual([]);
    expect((await passed.client.get('/api/employer/certificates/export')).status).toBe(403);
  });

  it("hides another employer's staff and another person's certificates (404)", async () => {
    const stranger = await makeEmployer(t);
    expect((await stranger.client.get(pdfUrl(passed))).status).toBe(404);
    expect((await stranger.client.post(`/api/certificates/${passed.id}/${YEAR}/reissue`)).status).toBe(404);
    expect((await short.client.get(pdfUrl(passed))).status).toBe(404);
    const list = await stranger.client.get<List>('/api/employer/certificates');
    expect(list.body.total).toBe(0);
    // after unbinding, the old employer no longer prints for the person
    const moved = await makeProfessional(t, employer, { status: 'rejected' });
    await meetRequirement(moved, YEAR);
    expect((await employer.client.get(pdfUrl(moved))).status).toBe(404);
    expect((await moved.client.get(pdfUrl(moved))).status).toBe(200);
  });

  it('answers an unknown number with 证书编号不存在', async () => {
    const r = await new Client(t).get('/api/public/certificates/GD2025NOTEXIST00');
    expect(r.status).toBe(404);
    expect(r.error.message).toBe('证书编号不存在');
  });

  it('builds numbers and verification URLs', () => {
    expect(newCertificateNumber(2026)).toMatch(/^GD2026[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(verificationUrl('https://ce.example.gov.cn/', 'GD2026AB')).toBe(
      'https://ce.example.gov.cn/verify?no=GD2026AB',
    );
  });
});
