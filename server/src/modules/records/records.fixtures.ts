import type { RecordDetail, RecordInput } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { Client } from '../../test/client';
import { actingFor, bindAgent, makePerson } from '../../test/factories';
import type { TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';
import type { TestEmployer } from '../../test/world';

/** Test helpers of the records tests (not a test file itself). */

let n = 0;

/** A valid 继续教育培训记录申报填写 form; each call a distinct course. */
export function recordBody(over: Partial<RecordInput> = {}): RecordInput {
  n += 1;
  return {
    courseName: `工匠精神与广东制造${n}`,
    subjectType: 'professional',
    studyForm: '面授',
    startDate: '2025-03-01',
    endDate: '2025-03-02',
    days: 2,
    declaredHours: 12,
    assessment: 'passed',
    institutionName: '广东省水利厅',
    location: '广州市天寿路116号',
    ...over,
  };
}

/** 附件材料 新增: uploads a proof and attaches it (base: /api/records or /api/employer/records). */
export async function attachProof(c: Client, recordId: string, base = '/api/records') {
  const file = await upload(c, 'ce_record', { name: '学时证明.png', bytes: pngBytes(), type: 'image/png' });
  if (file.status !== 200) throw new Error(`upload failed: ${JSON.stringify(file.body)}`);
  const r = await c.post<RecordDetail>(`${base}/${recordId}/attachments`, {
    fileId: file.body.id,
    name: '学时证明',
  });
  if (r.status !== 200) throw new Error(`attach failed: ${JSON.stringify(r.body)}`);
  return { fileId: file.body.id, record: r.body };
}

/** A person's record, saved, with its proof, and 确认送审 to the employer. */
export async function submittedRecord(c: Client, over: Partial<RecordInput> = {}) {
  const created = await c.post<RecordDetail>('/api/records', recordBody(over));
  if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const { fileId } = await attachProof(c, created.body.id);
  const sent = await c.post<RecordDetail>(`/api/records/${created.body.id}/submit`);
  if (sent.status !== 200) throw new Error(`submit failed: ${JSON.stringify(sent.body)}`);
  return { record: sent.body, fileId };
}

/** A second agent acting for the same employer. */
export async function secondAgent(t: TestApp, employer: TestEmployer) {
  const person = await makePerson(t);
  await bindAgent(t, employer.unit, person);
  return actingFor(t, person, employer.unit);
}

export async function auditCount(t: TestApp, action: string, objectId: string) {
  const rows = await t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)));
  return rows.length;
}
