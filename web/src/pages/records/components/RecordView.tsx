import {
  ACHIEVEMENT_KIND_LABELS,
  ACHIEVEMENT_ROLE_LABELS,
  ASSESSMENT_LABELS,
  RECORD_SOURCE_LABELS,
  SEX_LABELS,
  SUBJECT_TYPE_LABELS,
  WORKFLOW_STATE_LABELS,
} from '@ce/shared';
import { Card, Descriptions, type DescriptionsProps, Flex } from 'antd';
import type { ReactNode } from 'react';
import type { RecordDetail } from '../../../api/records';
import { ApprovalHistory } from '../../../components/ApprovalHistory';
import { StatusTag } from '../../../components/StatusTag';
import { AttachmentsPanel } from './AttachmentsPanel';

/** 性别 as stored ('male'/'female') or already a label. */
export function sexLabel(sex: string): string {
  return (SEX_LABELS as Record<string, string>)[sex] ?? sex;
}

/** Hours as the manual prints them (6.0, 12.5); empty until set. */
export function hours(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : value.toFixed(1);
}

/** 基本信息 read-only (继续教育培训记录申报查看 / 培训记录查看). */
export function RecordBasics({ detail }: { detail: RecordDetail }) {
  const d = detail;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: d.name },
    { key: 'sex', label: '性别', children: sexLabel(d.sex) },
    { key: 'idNumber', label: '公民身份号码', children: d.idNumber },
    { key: 'regionName', label: '所属地区', children: d.regionName },
    { key: 'authorityName', label: '主管部门', children: d.authorityName },
    { key: 'employerName', label: '工作单位', children: d.employerName },
    { key: 'series', label: '行业序列', children: d.series },
    { key: 'source', label: '记录来源', children: RECORD_SOURCE_LABELS[d.source] },
  ];
  if (d.achievementKind) {
    items.push(
      { key: 'achievementKind', label: '成果类型', children: ACHIEVEMENT_KIND_LABELS[d.achievementKind] },
      {
        key: 'achievementRole',
        label: '作者排名',
        children: d.achievementRole ? ACHIEVEMENT_ROLE_LABELS[d.achievementRole] : '',
      },
    );
  }
  items.push(
    { key: 'courseName', label: d.achievementKind ? '成果名称' : '课程名称', children: d.courseName },
    { key: 'subjectType', label: '科目类型', children: SUBJECT_TYPE_LABELS[d.subjectType] },
    { key: 'studyForm', label: '学习形式', children: d.studyForm },
    { key: 'startDate', label: '学习开始时间', children: d.startDate },
    { key: 'endDate', label: d.achievementKind ? '取得时间' : '学习结束时间', children: d.endDate },
    { key: 'days', label: '参训天数', children: d.days.toFixed(1) },
    { key: 'declaredHours', label: '拟申报学时', children: hours(d.declaredHours) },
    { key: 'assessment', label: '考核结果', children: ASSESSMENT_LABELS[d.assessment] },
    { key: 'reviewedHours', label: '审核学时', children: hours(d.reviewedHours) },
    { key: 'recognisedHours', label: '认定学时', children: hours(d.recognisedHours) },
    { key: 'institutionName', label: '施教机构名称', children: d.institutionName },
    { key: 'year', label: '申报年度', children: d.year },
    { key: 'location', label: '学习地点', children: d.location },
    { key: 'content', label: '学习内容', children: d.content },
    { key: 'remark', label: '备注', span: 'filled', children: d.remark },
    {
      key: 'state',
      label: '审核状态',
      children: <StatusTag status={d.state} labels={WORKFLOW_STATE_LABELS} />,
    },
    { key: 'reviewerUnitName', label: '审核部门', children: d.reviewerUnitName },
    { key: 'step', label: '审核环节', span: 'filled', children: d.step },
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 130 } }}
      items={items}
    />
  );
}

interface RecordViewProps {
  detail: RecordDetail;
  /** 新增 / 删除 of 附件材料 when the record allows it */
  onAttach?: (body: { fileId: string; name: string }) => Promise<unknown>;
  onDetach?: (attachmentId: string) => Promise<unknown>;
  /** what follows 审批流程, e.g. 审核结果 */
  children?: ReactNode;
}

/** A record read-only: 基本信息, 附件材料 (download), 审批流程 — and below, e.g. 审核结果. */
export function RecordView({ detail, onAttach, onDetach, children }: RecordViewProps) {
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="基本信息">
        <RecordBasics detail={detail} />
      </Card>
      <AttachmentsPanel
        attachments={detail.attachments}
        editable={detail.can.attach && Boolean(onAttach)}
        onAdd={onAttach}
        onRemove={onDetach}
      />
      <RecordHistory detail={detail} />
      {children}
    </Flex>
  );
}

export function RecordHistory({ detail }: { detail: RecordDetail }) {
  return (
    <Card size="small" title="审批流程">
      <ApprovalHistory history={detail.history} />
    </Card>
  );
}
