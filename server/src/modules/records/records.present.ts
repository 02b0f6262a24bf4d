import {
  maskIdNumber,
  type Permission,
  type RecordDetail,
  type RecordListItem,
  SEX_LABELS,
  SUBJECT_TYPE_LABELS,
} from '@ce/shared';
import type { Queryable } from '../../core/db';
import { regionFullName } from '../regions/regions';
import { historyOf } from '../workflow/workflow.engine';
import type { RecordListRow } from './records.list';
import { attachmentsOf, authorityNameOf, type RecordRow } from './records.repository';

/** Who looks at a record: the person it belongs to, an agent of an employer, or of an authority (reads only). */
export type Viewer =
  | { kind: 'person'; accountId: string }
  | { kind: 'employer'; accountId: string; unitId: string; permissions: ReadonlySet<Permission> }
  | { kind: 'authority'; accountId: string; unitId: string };

/** 审核部门 / 审核环节: the org and step waiting now, or those of the last action. */
function desk(row: RecordListRow) {
  if (row.w.state === 'submitted') return { reviewerUnitName: row.reviewerUnitName, step: row.w.step };
  return { reviewerUnitName: row.lastUnitName, step: row.lastStep };
}

export function presentListItem(row: RecordListRow, full = false): RecordListItem {
  const { r } = row;
  return {
    id: r.id,
    name: row.p.name,
    idNumber: full ? row.p.idNumber : maskIdNumber(row.p.idNumber),
    subjectType: r.subjectType,
    courseName: r.courseName,
    studyForm: r.studyForm,
    startDate: r.startDate,
    endDate: r.endDate,
    year: r.year,
    declaredHours: r.declaredHours,
    reviewedHours: r.reviewedHours,
    recognisedHours: r.recognisedHours,
    assessment: r.assessment,
    institutionName: r.institutionName,
    source: r.source,
    ...desk(row),
    state: row.w.state,
    employerName: row.employerName,
  };
}

/** Why the record counts or not, in words (SPEC §7: explain, don't just judge). */
export function countsNote(row: RecordRow): string {
  const { r, w } = row;
  if (w.state === 'rejected') return '不同意并结案，不计学时';
  if (r.assessment === 'failed') return '考核结果不合格，不计学时';
  switch (w.state) {
    case 'approved':
      return (r.recognisedHours ?? 0) > 0
        ? `已认定，计入${r.year}年${SUBJECT_TYPE_LABELS[r.subjectType]}学时`
        : '认定学时为0，不计学时';
    case 'submitted':
      return w.firstApproverId
        ? '已有1人审核同意，待本单位另一位审核人审核，审核通过后计入'
        : '待单位审核，审核通过后计入';
    case 'returned':
      return '已退回，请修改后重新送审';
    default:
      return r.source === 'employer' ? '草稿，单位确认后计入' : '草稿，确认送审并审核通过后计入';
  }
}

export function canFlags(row: RecordRow, viewer: Viewer): RecordDetail['can'] {
  const { r, w } = row;
  const editable = w.state === 'draft' || w.state === 'returned';
  const deletable = editable || w.state === 'rejected';
  const none = {
    edit: false,
    delete: false,
    attach: false,
    submit: false,
    withdraw: false,
    confirm: false,
    review: false,
    correct: false,
  };
  if (viewer.kind === 'authority') return none;
  if (viewer.kind === 'person') {
    const own = r.source === 'person' || r.source === 'achievement';
    return {
      ...none,
      edit: own && editable && r.source !== 'achievement',
      delete: own && deletable,
      attach: own && editable,
      submit: own && editable,
      withdraw: w.state === 'submitted' && !w.firstApproverId && w.submitterId === viewer.accountId,
    };
  }
  const declared =
    r.source === 'employer' && r.employerId === viewer.unitId && viewer.permissions.has('record.declare');
  const myStaff = row.p.employerId === viewer.unitId && row.p.bindingStatus === 'confirmed';
  return {
    ...none,
    edit: declared && editable,
    delete: declared && deletable,
    attach: declared && editable,
    confirm: declared && editable,
    review:
      w.state === 'submitted' &&
      w.reviewerUnitId === viewer.unitId &&
      viewer.permissions.has('record.review') &&
      w.firstApproverId !== viewer.accountId,
    correct:
      w.state === 'approved' &&
      r.employerId === viewer.unitId &&
      myStaff &&
      viewer.permissions.has('record.correct'),
  };
}

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

/** 继续教育培训记录申报查看: the record, 附件材料, 审批流程, and what the viewer may do. */
export async function presentDetail(q: Queryable, row: RecordRow, viewer: Viewer): Promise<RecordDetail> {
  const { r, w } = row;
  const employerId = r.employerId ?? row.p.employerId;
  const attachments = await attachmentsOf(q, r.id);
  const history = await historyOf(q, w, row.reviewerUnitName);
  const mine =
    viewer.kind === 'person' ? w.submitterId === viewer.accountId : w.submitterUnitId === viewer.unitId;
  return {
    ...presentListItem(row, true),
    professionalId: r.professionalId,
    sex: SEX_LABELS[row.p.sex],
    regionName: row.employerRegion ? regionFullName(row.employerRegion) || null : null,
    authorityName: employerId ? await authorityNameOf(q, employerId) : null,
    series: row.p.series,
    days: r.days,
    institutionId: r.institutionId,
    location: r.location,
    content: r.content,
    remark: r.remark,
    achievementKind: r.achievementKind,
    achievementRole: r.achievementRole,
    attachments: attachments.map(({ a, mime, size }) => ({
      id: a.id,
      fileId: a.fileId,
      name: a.name,
      type: FILE_TYPES[mime] ?? mime,
      sizeKb: Math.round((size / 1024) * 10) / 10,
      uploadedAt: a.createdAt.toISOString(),
      uploadedByName: a.uploadedByName,
    })),
    history,
    workflow: {
      state: w.state,
      reviewerUnitName: w.state === 'submitted' ? row.reviewerUnitName : null,
      step: w.step,
      version: w.version,
      canWithdraw: w.state === 'submitted' && !w.firstApproverId && mine,
      firstApproved: w.firstApproverId !== null,
    },
    countsNote: countsNote(row),
    can: canFlags(row, viewer),
  };
}
