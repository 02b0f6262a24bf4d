import { makeUscc, recordYear, WORKFLOW_ACTION_LABELS } from '@ce/shared';
import { count, eq } from 'drizzle-orm';
import type { Tx } from '../core/db';
import type { FileStore } from '../core/file-store';
import { ceRecords, professionals, units, workflowHistory, workflowItems } from '../db/schema';
import { refreshTotalsOf } from '../modules/requirements/totals';
import { ensureOrgRole, upsertAccount } from './accounts';
import { DEMO_INSTITUTIONS, type DemoRecord, type Flow, LINA_RECORDS } from './demo-ce-data';
import { attachDemoProof } from './demo-files';

/**
 * The CE part of the demo (manual 000's path, walkable from the README accounts): the demo unit
 * as an employer, 李娜 as its confirmed professional with records in every state, and a few
 * registered 施教机构 for the 施教机构名称 picker.
 */

/** Steps as the records module writes them (records.write.ts). */
const DECLARE_STEP = '继续教育记录申报';
const REVIEW_STEP = '继续教育记录申报单位审批';

const STATE: Record<Flow, 'draft' | 'submitted' | 'approved' | 'returned'> = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
  returned: 'returned',
  confirmed: 'approved',
};

const at = (date: string, days: number) => new Date(Date.parse(`${date}T02:00:00Z`) + days * 86_400_000);

export interface DemoActors {
  passwordHash: string;
  unit: { id: string; name: string; countyCode: string };
  agent: { id: string; name: string };
  lina: { id: string; name: string; idNumber: string; phone: string };
  hrssCityUnitId: string | null;
  /** where the records' 附件材料 go, as uploads do */
  files: FileStore;
}

async function seedInstitutions(tx: Tx, passwordHash: string) {
  const ids: string[] = [];
  for (const inst of DEMO_INSTITUTIONS) {
    const id = await upsertAccount(tx, 'unit', inst.loginName, passwordHash);
    const certNumber = makeUscc({
      first: inst.nature === '事业单位' ? '1' : '5',
      category: '2',
      region: inst.county,
      orgBase: inst.orgBase,
    });
    await tx
      .insert(units)
      .values({
        accountId: id,
        name: inst.name,
        certType: 'uscc',
        certNumber,
        provinceCode: '44',
        cityCode: inst.county.slice(0, 4),
        countyCode: inst.county,
        regionCode: inst.county,
        address: `${inst.name}教学楼`,
        legalRepresentative: '法定代表人',
        contactName: '培训部',
        contactPhone: '13900000010',
      })
      .onConflictDoNothing();
    await ensureOrgRole(tx, id, 'institution', {
      unitName: inst.name,
      certType: 'uscc',
      certNumber,
      nature: inst.nature,
      level: 'province',
      series: '工程技术人员',
      regionCode: inst.county,
      contactName: '培训部',
      officePhone: '020-87654321',
      mobilePhone: '13900000010',
      email: 'px@example.com',
      postalCode: '510000',
      address: `${inst.name}教学楼`,
      description: '面向专业技术人员开展继续教育培训',
    });
    ids.push(id);
  }
  return ids;
}

/** The demo unit as 法人单位, 李娜 its confirmed professional, her records and the institutions. */
export async function seedDemoCe(tx: Tx, a: DemoActors) {
  await ensureOrgRole(tx, a.unit.id, 'employer', {
    unitName: a.unit.name,
    certType: 'uscc',
    certNumber: (await tx.select().from(units).where(eq(units.accountId, a.unit.id)))[0]?.certNumber ?? '',
    nature: '民营企业',
    level: 'county',
    regionCode: a.unit.countyCode,
    hrssUnitId: a.hrssCityUnitId,
    contactName: a.agent.name,
    officePhone: '020-38886666',
    mobilePhone: '13800138003',
    email: 'hr@gdjs.example.com',
    postalCode: '510630',
    address: '广州市天河区天河路100号',
    description: '建设工程咨询、造价咨询、工程监理',
  });
  const institutions = await seedInstitutions(tx, a.passwordHash);

  const [prof] = await tx
    .insert(professionals)
    .values({
      personId: a.lina.id,
      idNumber: a.lina.idNumber,
      name: a.lina.name,
      sex: 'female',
      birthDate: `${a.lina.idNumber.slice(6, 10)}-${a.lina.idNumber.slice(10, 12)}-${a.lina.idNumber.slice(12, 14)}`,
      ethnicity: '汉族',
      nativePlace: '广东省深圳市',
      education: '大学本科教育',
      degree: '学士',
      major: '土木工程',
      school: '华南理工大学',
      graduationDate: '2012-07-01',
      workStartDate: '2012-08-01',
      phone: a.lina.phone,
      email: 'lina@example.com',
      qualification: '中级',
      qualificationDate: '2018-09-01',
      series: '工程技术人员',
      specialty: '建筑工程管理',
      postalCode: '518000',
      address: '深圳市福田区福华路88号',
      employerId: a.unit.id,
      bindingStatus: 'confirmed',
      bindingAt: new Date('2024-01-08T02:00:00Z'),
    })
    .onConflictDoUpdate({
      target: professionals.idNumber,
      set: { personId: a.lina.id, employerId: a.unit.id, bindingStatus: 'confirmed' },
    })
    .returning({ id: professionals.id });

  const [{ n }] = await tx
    .select({ n: count() })
    .from(ceRecords)
    .where(eq(ceRecords.professionalId, prof.id));
  if (n > 0) return;
  for (const r of LINA_RECORDS) await insertDemoRecord(tx, a, prof.id, r, institutions[r.institution]);
  await refreshTotalsOf(tx, [prof.id]);
}

async function insertDemoRecord(
  tx: Tx,
  a: DemoActors,
  professionalId: string,
  r: DemoRecord,
  institutionId: string,
) {
  const decided = r.flow === 'approved' || r.flow === 'confirmed';
  const [rec] = await tx
    .insert(ceRecords)
    .values({
      professionalId,
      source: r.flow === 'confirmed' ? 'employer' : 'person',
      employerId: a.unit.id,
      courseName: r.course,
      subjectType: r.subject,
      studyForm: r.subject === 'public' ? '网络培训' : '面授',
      startDate: r.start,
      endDate: r.end,
      days: r.days,
      declaredHours: r.hours,
      assessment: 'passed',
      reviewedHours: decided ? r.hours : null,
      recognisedHours: decided ? r.hours : null,
      institutionId,
      institutionName: DEMO_INSTITUTIONS[r.institution].name,
      year: recordYear(r.end),
      location: '广州市',
      content: r.course,
      createdBy: r.flow === 'confirmed' ? a.agent.id : a.lina.id,
      createdAt: at(r.end, 1),
    })
    .returning({ id: ceRecords.id });
  // past 草稿 a record has its proof, as 确认送审 and 确认 require (the draft is the one to try it on)
  if (r.flow !== 'draft') {
    const uploader = r.flow === 'confirmed' ? a.agent : a.lina;
    await attachDemoProof(tx, a.files, {
      recordId: rec.id,
      uploader,
      at: at(r.end, 1),
      lines: [
        'Continuing Education Training Certificate (demo)',
        `Trainee ID: ${a.lina.idNumber.slice(0, 4)}**********${a.lina.idNumber.slice(-4)}`,
        `Period: ${r.start} to ${r.end} (${r.days} days)`,
        `Hours: ${r.hours}`,
      ],
    });
  }
  const submitted = r.flow !== 'draft' && r.flow !== 'confirmed';
  const [item] = await tx
    .insert(workflowItems)
    .values({
      objectType: 'ce_record',
      objectId: rec.id,
      state: STATE[r.flow],
      reviewerUnitId: r.flow === 'submitted' ? a.unit.id : null,
      step: submitted ? REVIEW_STEP : null,
      submitterId: submitted ? a.lina.id : null,
      submittedAt: submitted ? at(r.end, 2) : null,
      version: r.flow === 'draft' ? 0 : r.flow === 'submitted' || r.flow === 'confirmed' ? 1 : 2,
    })
    .returning({ id: workflowItems.id });
  const person = { actorId: a.lina.id, actorName: a.lina.name, actorUnitId: null, actorUnitName: null };
  const employer = {
    actorId: a.agent.id,
    actorName: a.agent.name,
    actorUnitId: a.unit.id,
    actorUnitName: a.unit.name,
  };
  const history: (typeof workflowHistory.$inferInsert)[] = [];
  if (r.flow === 'confirmed') {
    history.push({
      itemId: item.id,
      seq: 1,
      step: DECLARE_STEP,
      action: 'confirm',
      opinion: WORKFLOW_ACTION_LABELS.confirm,
      at: at(r.end, 2),
      ...employer,
    });
  } else if (submitted) {
    history.push({
      itemId: item.id,
      seq: 1,
      step: DECLARE_STEP,
      action: 'submit',
      opinion: WORKFLOW_ACTION_LABELS.submit,
      at: at(r.end, 2),
      ...person,
    });
    if (r.flow === 'approved') {
      history.push({
        itemId: item.id,
        seq: 2,
        step: REVIEW_STEP,
        action: 'approve',
        opinion: '同意',
        at: at(r.end, 5),
        ...employer,
      });
    }
    if (r.flow === 'returned') {
      history.push({
        itemId: item.id,
        seq: 2,
        step: REVIEW_STEP,
        action: 'return',
        opinion: '附件材料不清晰，请补充培训证明后重新提交',
        at: at(r.end, 5),
        ...employer,
      });
    }
  }
  if (history.length > 0) await tx.insert(workflowHistory).values(history);
}
