import { ORG_ROLE_LABELS } from './access';
import { FIELD_LABELS } from './api/labels';
import {
  ACHIEVEMENT_KIND_LABELS,
  ACHIEVEMENT_ROLE_LABELS,
  ORG_LEVEL_LABELS,
  RECORD_SOURCE_LABELS,
} from './dicts';
import { WORKFLOW_STATE_LABELS } from './workflow-states';

/** 审计日志 in words, for the page and its 导出Excel alike. */

/** What an audit row is about, in words (the stored type is a table-like code). */
export const AUDIT_OBJECT_TYPE_LABELS: Record<string, string> = {
  account: '账号',
  unit: '单位账号',
  agent_binding: '经办人绑定',
  ce_record: '继续教育记录',
  certificate: '继续教育证书',
  certificate_settings: '证书设置',
  employer: '法人单位',
  file: '文件',
  import_job: '批量申报',
  org_profile: '法人单位信息',
  professional: '专业技术人员',
  qualification: '专业培训资格',
  realname_application: '实名认证申请',
  recount_job: '重新统计学时',
  requirement_rule: '年度学时要求',
  review_opinion: '批注',
  teacher: '教师',
  workflow_settings: '审核设置',
};

/** The keys the server writes into an audit row's detail, beyond the request fields' labels. */
const DETAIL_KEY_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  reason: '原因',
  failures: '连续失败次数',
  accounts: '账号数',
  number: '证书编号',
  voided: '作废证书编号',
  previousAuthorityName: '原发证机关',
  replacedSealFileId: '原公章文件编号',
  year: '年度',
  professionalId: '人员编号',
  persons: '人数',
  changed: '变更',
  region: '地区',
  changedPersons: '学时已更新人数',
  changedRows: '更新的学时统计项',
  source: '来源',
  kind: '成果类型',
  role: '角色',
  recognisedHours: '认定学时',
  attachmentId: '附件编号',
  fileId: '文件编号',
  licenceFileId: '营业执照文件编号',
  courseName: '课程名称',
  state: '审核状态',
  created: '首次保存',
  level: '隶属关系',
  regionCode: '行政区划代码',
  size: '文件大小（字节）',
  personLoginName: '经办人账号',
  unitLoginName: '单位账号',
  before: '修改前',
  after: '修改后',
  fromYear: '起始年度',
  toYear: '截止年度',
  series: '专业系列',
  totalHours: '总学时',
  version: '版本',
  twoReviewers: '两人审核',
  tookOver: '接收已有人员',
  rows: '行数',
  count: '条数',
  fileName: '文件名称',
  opinion: '审核意见',
  name: '姓名',
  employerId: '所属单位',
  previousEmployerId: '原所属单位',
  returnedRecords: '退回的待审核记录数',
  reviewerUnitId: '审核部门',
  unitId: '单位',
  personId: '人员',
  unitName: '单位名称',
  loginName: '登录账号',
  purpose: '文件用途',
};

const DETAIL_VALUE_LABELS: Record<string, Record<string, string>> = {
  source: RECORD_SOURCE_LABELS,
  state: WORKFLOW_STATE_LABELS,
  kind: ACHIEVEMENT_KIND_LABELS,
  role: { ...ORG_ROLE_LABELS, ...ACHIEVEMENT_ROLE_LABELS },
  level: ORG_LEVEL_LABELS,
  purpose: { realname: '实名认证', licence: '营业执照', ce_record: '继续教育记录附件' },
};

/** Names of the ids an audit row mentions (units, persons, professionals), as the server resolved them. */
export type AuditNames = Record<string, string>;

function detailValue(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'string' && names[value]) return names[value];
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    // 修改前 / 修改后 of 培训信息维护 carry the changed fields as JSON themselves
    if (value.startsWith('{')) {
      const nested = describeAuditDetail(value, names);
      return nested ? `（${nested}）` : value;
    }
    return DETAIL_VALUE_LABELS[key]?.[value] ?? value;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object')
    return describeAuditDetail(JSON.stringify(value), names) ?? JSON.stringify(value);
  return String(value);
}

/**
 * The detail (a JSON object) as 「标签：值」 pairs, an id shown by its name when `names` has it;
 * null when it is not JSON.
 */
export function describeAuditDetail(detail: string, names: AuditNames = {}): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => `${DETAIL_KEY_LABELS[key] ?? key}：${detailValue(key, value, names)}`)
    .join('；');
}
