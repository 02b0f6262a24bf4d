import { recordYear, type SubjectType, type WorkflowState } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { ceRecords, orgProfiles, orgRoles, professionals, workflowItems } from '../db/schema';
import { refreshTotals } from '../modules/requirements/totals';
import type { Client } from './client';
import {
  actingFor,
  bindAgent,
  loggedIn,
  makePerson,
  makeUnit,
  type TestPerson,
  type TestUnit,
} from './factories';
import type { TestApp } from './harness';

/**
 * The CE world for tests: employers with an agent, professionals bound to them, records in
 * any state. Rows are written directly (these build the world a test starts from; the
 * behaviour under test always goes through the HTTP API).
 */

export interface TestEmployer {
  unit: TestUnit;
  agent: TestPerson;
  /** the agent acting for the employer */
  client: Client;
}

/** A unit holding the employer role (法人单位), with an authorized agent logged in for it. */
export async function makeEmployer(t: TestApp, opts: { cityCode?: string } = {}): Promise<TestEmployer> {
  const cityCode = opts.cityCode ?? '4401';
  const unit = await makeUnit(t, { cityCode });
  await t.db
    .insert(orgRoles)
    .values({ unitId: unit.id, role: 'employer', level: 'city', regionCode: cityCode });
  await t.db.insert(orgProfiles).values({
    ...orgProfileDefaults(unit),
    role: 'employer',
    status: 'approved',
    nature: '民营企业',
    level: 'city',
    regionCode: cityCode,
    email: 'hr@example.com',
  });
  return withAgent(t, unit);
}

/** An authorized agent bound to the unit, logged in acting for it. */
async function withAgent(t: TestApp, unit: TestUnit) {
  const agent = await makePerson(t);
  await bindAgent(t, unit, agent);
  return { unit, agent, client: await actingFor(t, agent, unit) };
}

export interface TestProfessional {
  id: string;
  person: TestPerson;
  /** the person logged in for themself */
  client: Client;
}

/** The profile fields every test professional shares (人员基本信息维护's dictionaries). */
export const PROFILE_DEFAULTS = {
  ethnicity: '汉族',
  nativePlace: '广东省广州市',
  education: '大学本科教育',
  degree: '学士',
  major: '土木工程',
  school: '华南理工大学',
  graduationDate: '2000-07-01',
  workStartDate: '2000-08-01',
  qualification: '中级',
  series: '工程技术人员',
  specialty: '建筑工程',
};

/** A person with a profile, bound to the employer in the given status (confirmed by default). */
export async function makeProfessional(
  t: TestApp,
  employer: TestEmployer | null,
  opts: { status?: 'none' | 'pending' | 'confirmed' | 'rejected'; series?: string } = {},
): Promise<TestProfessional> {
  const person = await makePerson(t);
  const id17 = person.idNumber;
  const [p] = await t.db
    .insert(professionals)
    .values({
      personId: person.id,
      idNumber: id17,
      name: person.realName,
      sex: Number(id17[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${id17.slice(6, 10)}-${id17.slice(10, 12)}-${id17.slice(12, 14)}`,
      ...PROFILE_DEFAULTS,
      phone: person.phone,
      series: opts.series ?? PROFILE_DEFAULTS.series,
      employerId: employer && opts.status !== 'none' ? employer.unit.id : null,
      bindingStatus: employer ? (opts.status ?? 'confirmed') : 'none',
      bindingAt: new Date(),
    })
    .returning();
  return { id: p.id, person, client: await loggedIn(t, person) };
}

/** A CE record in the given workflow state; approved records count in the kept totals. */
export async function makeRecord(
  t: TestApp,
  prof: { id: string },
  opts: {
    employerId?: string | null;
    state?: WorkflowState;
    subjectType?: SubjectType;
    hours?: number;
    endDate?: string;
    courseName?: string;
    assessment?: 'passed' | 'failed';
    source?: 'person' | 'employer' | 'import';
  } = {},
) {
  const hours = opts.hours ?? 12;
  const endDate = opts.endDate ?? '2025-06-30';
  const state = opts.state ?? 'approved';
  const [employer] =
    opts.employerId === undefined
      ? await t.db
          .select({ id: professionals.employerId })
          .from(professionals)
          .where(eq(professionals.id, prof.id))
      : [{ id: opts.employerId }];
  const [r] = await t.db
    .insert(ceRecords)
    .values({
      professionalId: prof.id,
      source: opts.source ?? 'person',
      employerId: employer?.id ?? null,
      courseName: opts.courseName ?? `课程${Math.random().toString(36).slice(2, 8)}`,
      subjectType: opts.subjectType ?? 'professional',
      studyForm: '面授',
      // enough calendar days for the hours (6 a day), ending on endDate
      startDate: new Date(Date.parse(`${endDate}T00:00:00Z`) - (Math.ceil(hours / 6) - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      endDate,
      days: Math.ceil(hours / 6),
      declaredHours: hours,
      assessment: opts.assessment ?? 'passed',
      reviewedHours: state === 'approved' ? hours : null,
      recognisedHours: state === 'approved' ? hours : null,
      institutionName: '测试施教机构',
      year: recordYear(endDate),
    })
    .returning();
  await t.db.insert(workflowItems).values({
    objectType: 'ce_record',
    objectId: r.id,
    state,
    reviewerUnitId: state === 'submitted' ? (employer?.id ?? null) : null,
    step: state === 'submitted' ? '继续教育记录申报单位审批' : null,
    submittedAt: state === 'draft' ? null : new Date(),
  });
  if (state === 'approved') await refreshTotals(t.db, prof.id, [r.year]);
  return r;
}

/** Records of 2025 that meet the default requirement (公需 30, 专业 42, 选修 18): the year passes. */
export async function passYear(t: TestApp, prof: { id: string }) {
  for (const [subjectType, hours] of [
    ['public', 30],
    ['professional', 42],
    ['elective', 18],
  ] as const) {
    await makeRecord(t, prof, { subjectType, hours, endDate: '2025-06-30' });
  }
}

export interface TestOrg {
  unit: TestUnit;
  agent: TestPerson;
  /** the agent acting for the org */
  client: Client;
}

/**
 * A unit holding the 行业主管部门 role of `series` at `level` (region: '44' province, a city
 * '4401', a county '440106'), with its approved application and an authorized agent logged in.
 */
export async function makeAuthority(
  t: TestApp,
  opts: { level?: 'province' | 'city' | 'county'; regionCode?: string; series?: string } = {},
): Promise<TestOrg> {
  const level = opts.level ?? 'province';
  const regionCode = opts.regionCode ?? (level === 'province' ? '44' : level === 'city' ? '4401' : '440106');
  const series = opts.series ?? '工程技术人员';
  const cityCode = level === 'province' ? '4401' : regionCode.slice(0, 4);
  const countyCode = level === 'county' ? regionCode : undefined;
  const unit = await makeUnit(t, { cityCode, countyCode });
  await t.db.insert(orgRoles).values({ unitId: unit.id, role: 'authority', level, regionCode, series });
  await t.db.insert(orgProfiles).values({
    ...orgProfileDefaults(unit),
    role: 'authority',
    status: 'approved',
    nature: '政府部门',
    level,
    series,
    regionCode,
  });
  return withAgent(t, unit);
}

/** A unit holding the 施教机构 role (its qualifications are up to the test), with an agent. */
export async function makeInstitution(
  t: TestApp,
  opts: { level?: 'province' | 'city' | 'county'; cityCode?: string } = {},
): Promise<TestOrg> {
  const level = opts.level ?? 'city';
  const cityCode = opts.cityCode ?? '4401';
  const regionCode = level === 'province' ? '44' : cityCode;
  const unit = await makeUnit(t, { cityCode });
  await t.db.insert(orgRoles).values({ unitId: unit.id, role: 'institution', level, regionCode });
  await t.db.insert(orgProfiles).values({
    ...orgProfileDefaults(unit),
    role: 'institution',
    status: 'approved',
    nature: '事业单位',
    level,
    regionCode,
    legalName: '法人',
    legalPhone: '13800000000',
    legalEmail: 'legal@example.com',
    contactEmail: 'contact@example.com',
    parentAuthorityName: '广东省住房和城乡建设厅',
  });
  return withAgent(t, unit);
}

function orgProfileDefaults(unit: TestUnit) {
  return {
    unitId: unit.id,
    unitName: unit.name,
    certType: 'uscc' as const,
    certNumber: `TEST${unit.id.slice(0, 14)}`,
    contactName: '联系人',
    officePhone: '020-88886666',
    mobilePhone: '13700000000',
    email: 'org@example.com',
    postalCode: '510000',
    address: '测试地址',
    description: '测试单位职能简介',
  };
}
