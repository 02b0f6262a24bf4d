import { makeUscc, WORKFLOW_ACTION_LABELS } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../core/db';
import type { FileStore } from '../core/file-store';
import { saveUpload } from '../core/files';
import {
  institutionQualifications,
  orgProfiles,
  orgRoles,
  persons,
  teachers,
  units,
  workflowHistory,
  workflowItems,
} from '../db/schema';
import { ensureBinding, upsertAccount } from './accounts';
import { demoProofPdf } from './demo-files';
import { DEMO_ORGS, DEMO_SERIES, type DemoOrg, idOf } from './demo-orgs-data';

/**
 * Seeds the demo's authorities and institutions (demo-orgs-data.ts) as if each had applied and
 * been reviewed through the workflow: 广东省住房和城乡建设厅 approved by 广东省人社厅, 广州市住房和
 * 城乡建设局 by the provincial authority, 广州市建设职业培训学校's 工程技术人员 qualification approved
 * by the city authority, 广州市工程技术继续教育培训中心's waiting at it. Idempotent.
 */

const APPLY_STEP = '行业主管角色申请';
const QUALIFY_STEP = '专业培训资格申请';
const QUALIFY_REVIEW = '施教机构专业培训资格审核';

interface Actor {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
}

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

async function seedOrgUnit(tx: Tx, org: DemoOrg, passwordHash: string) {
  const id = await upsertAccount(tx, 'unit', org.loginName, passwordHash);
  const certNumber = makeUscc({ first: '1', category: '1', region: org.county, orgBase: org.orgBase });
  await tx
    .insert(units)
    .values({
      accountId: id,
      name: org.name,
      certType: 'uscc',
      certNumber,
      provinceCode: '44',
      cityCode: org.county.slice(0, 4),
      countyCode: org.county,
      regionCode: org.county,
      address: `${org.name}办公楼`,
      legalRepresentative: '法定代表人',
      contactName: org.agent.realName,
      contactPhone: org.agent.phone,
    })
    .onConflictDoNothing();
  const agentId = await upsertAccount(tx, 'person', org.agent.loginName, passwordHash);
  await tx
    .insert(persons)
    .values({
      accountId: agentId,
      realName: org.agent.realName,
      idNumber: idOf(org.agent, org.county),
      phone: org.agent.phone,
      realnameLevel: 2,
    })
    .onConflictDoUpdate({ target: persons.accountId, set: { realnameLevel: 2 } });
  await ensureBinding(tx, id, agentId);
  return { id, certNumber, agent: { id: agentId, name: org.agent.realName, unitId: id, unitName: org.name } };
}

/** The org's approved role and its 角色申请 (profile); returns the profile id. */
async function seedRole(
  tx: Tx,
  org: DemoOrg,
  unitId: string,
  certNumber: string,
  parentUnitId: string | null,
) {
  const regionCode = org.level === 'province' ? '44' : org.county.slice(0, 4);
  const series = org.role === 'authority' ? DEMO_SERIES : null;
  await tx
    .insert(orgRoles)
    .values({ unitId, role: org.role, level: org.level, regionCode, series })
    .onConflictDoUpdate({ target: [orgRoles.unitId, orgRoles.role], set: { status: 'active', series } });
  const contact = {
    contactName: org.agent.realName,
    mobilePhone: org.agent.phone,
    email: `${org.loginName}@example.com`,
    address: `${org.name}办公楼`,
  };
  const profile =
    org.role === 'authority'
      ? { ...contact, officePhone: '020-83330000', postalCode: '510030', parentUnitId }
      : {
          ...contact,
          legalName: '法定代表人',
          legalPhone: '13900000020',
          legalEmail: `legal.${org.loginName}@example.com`,
          contactEmail: `${org.loginName}@example.com`,
          parentAuthorityName: '广州市住房和城乡建设局',
        };
  const [row] = await tx
    .insert(orgProfiles)
    .values({
      unitId,
      role: org.role,
      status: 'approved',
      unitName: org.name,
      certType: 'uscc',
      certNumber,
      nature: org.nature,
      level: org.level,
      series,
      regionCode: org.county,
      description:
        org.role === 'authority'
          ? `负责${org.level === 'province' ? '全省' : '全市'}工程技术人员继续教育的行业管理`
          : '面向工程技术人员开展专业课继续教育培训',
      ...profile,
    })
    .onConflictDoUpdate({ target: [orgProfiles.unitId, orgProfiles.role], set: { status: 'approved' } })
    .returning({ id: orgProfiles.id });
  return row.id;
}

/** A workflow item with its 审批流程: submitted by `by`, then decided by `reviewer` unless pending. */
async function seedItem(
  tx: Tx,
  item: { objectType: string; objectId: string; submitStep: string; reviewStep: string; date: string },
  by: Actor,
  reviewer: Actor,
  decided: boolean,
) {
  const [existing] = await tx
    .select({ id: workflowItems.id })
    .from(workflowItems)
    .where(and(eq(workflowItems.objectType, item.objectType), eq(workflowItems.objectId, item.objectId)));
  if (existing) return;
  const submittedAt = day(item.date);
  const [row] = await tx
    .insert(workflowItems)
    .values({
      objectType: item.objectType,
      objectId: item.objectId,
      state: decided ? 'approved' : 'submitted',
      reviewerUnitId: decided ? null : reviewer.unitId,
      step: item.reviewStep,
      submitterId: by.id,
      submitterUnitId: by.unitId,
      submittedAt,
      version: decided ? 2 : 1,
    })
    .returning({ id: workflowItems.id });
  const entry = (seq: number, who: Actor, action: 'submit' | 'approve', step: string, at: Date) => ({
    itemId: row.id,
    seq,
    step,
    action,
    actorId: who.id,
    actorName: who.name,
    actorUnitId: who.unitId,
    actorUnitName: who.unitName,
    opinion: WORKFLOW_ACTION_LABELS[action],
    at,
  });
  const history = [entry(1, by, 'submit', item.submitStep, submittedAt)];
  if (decided)
    history.push(entry(2, reviewer, 'approve', item.reviewStep, day(item.date.replace(/-\d\d$/, '-20'))));
  await tx.insert(workflowHistory).values(history);
}

async function seedTeachers(tx: Tx, org: DemoOrg, unitId: string) {
  for (const teacher of org.teachers) {
    await tx
      .insert(teachers)
      .values({
        unitId,
        name: teacher.name,
        sex: teacher.sex,
        idNumber: idOf(teacher, org.county),
        qualification: teacher.qualification,
        phone: `139${String(teacher.seq).padStart(8, '0')}`,
        email: `teacher${teacher.seq}@example.com`,
        courses: teacher.courses,
        intro: `${teacher.name}，${teacher.qualification}职称，长期从事${teacher.courses.split('；')[0]}的教学与研究。`,
      })
      .onConflictDoNothing();
  }
}

/** The 统一社会信用代码证 of the org's 角色申请, uploaded by its agent as the page does (once). */
async function seedLicence(tx: Tx, files: FileStore, profileId: string, agent: Actor, certNumber: string) {
  const [profile] = await tx.select().from(orgProfiles).where(eq(orgProfiles.id, profileId));
  if (profile?.licenceFileId) return;
  const saved = await saveUpload(tx, files, {
    ownerId: agent.id,
    purpose: 'licence',
    name: '统一社会信用代码证.pdf',
    bytes: demoProofPdf(['Unified Social Credit Code Certificate', certNumber]),
  });
  await tx.update(orgProfiles).set({ licenceFileId: saved.id }).where(eq(orgProfiles.id, profileId));
}

export async function seedDemoOrgs(tx: Tx, files: FileStore, passwordHash: string, hrss: Actor) {
  const made = new Map<string, { id: string; profileId: string; agent: Actor }>();
  for (const org of DEMO_ORGS) {
    const { id, certNumber, agent } = await seedOrgUnit(tx, org, passwordHash);
    const parent = org.role === 'authority' && org.level === 'city' ? made.get('gdzjt') : undefined;
    const profileId = await seedRole(tx, org, id, certNumber, parent?.id ?? null);
    await seedLicence(tx, files, profileId, agent, certNumber);
    await seedTeachers(tx, org, id);
    made.set(org.loginName, { id, profileId, agent });
  }
  const province = made.get('gdzjt');
  const city = made.get('gzzjj');
  if (!province || !city) return;
  const application = (profileId: string, date: string, reviewStep: string) => ({
    objectType: 'authority_application',
    objectId: profileId,
    submitStep: APPLY_STEP,
    reviewStep,
    date,
  });
  await seedItem(
    tx,
    application(province.profileId, '2026-03-02', '行业主管角色审核'),
    province.agent,
    hrss,
    true,
  );
  await seedItem(
    tx,
    application(city.profileId, '2026-03-10', '下级行业主管部门信息审核'),
    city.agent,
    province.agent,
    true,
  );

  for (const [login, date, decided] of [
    ['gzjszx', '2026-04-01', true],
    ['gzgcjx', '2026-11-24', false],
  ] as const) {
    const inst = made.get(login);
    if (!inst) continue;
    const [q] = await tx
      .insert(institutionQualifications)
      .values({
        unitId: inst.id,
        series: DEMO_SERIES,
        overview: '开展工程技术人员专业课继续教育：建筑施工、工程造价、BIM与装配式建筑',
        status: decided ? 'approved' : 'submitted',
      })
      .onConflictDoUpdate({
        target: [institutionQualifications.unitId, institutionQualifications.series],
        set: { updatedAt: new Date() },
      })
      .returning({ id: institutionQualifications.id });
    await seedItem(
      tx,
      {
        objectType: 'qualification',
        objectId: q.id,
        submitStep: QUALIFY_STEP,
        reviewStep: QUALIFY_REVIEW,
        date,
      },
      inst.agent,
      city.agent,
      decided,
    );
  }
}
