import { CERT_TYPE_LABELS, ORG_LEVEL_LABELS, QUALIFICATION_STATE_LABELS } from '@ce/shared';
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { fileUrl } from '../../../../api/client';
import type { InstitutionProfile, QualificationDetail } from '../../../../api/institutions';
import { ApprovalHistory } from '../../../../components/ApprovalHistory';
import { formatDateTime } from '../../../../format';

/** 基本信息 of an institution as 002 §1.5.2's detail shows it. */
export function InstitutionBasics({ p }: { p: InstitutionProfile }) {
  const dash = (v: string | null) => v ?? '-';
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label="机构名称">{p.unitName}</Descriptions.Item>
      <Descriptions.Item label="机构代码" span={2}>
        {p.certNumber}（{CERT_TYPE_LABELS[p.certType]}）
      </Descriptions.Item>
      <Descriptions.Item label="机构/基地级别">{p.level ? ORG_LEVEL_LABELS[p.level] : '-'}</Descriptions.Item>
      <Descriptions.Item label="性质">{dash(p.nature)}</Descriptions.Item>
      <Descriptions.Item label="上级行业主管部门名称">{dash(p.parentAuthorityName)}</Descriptions.Item>
      <Descriptions.Item label="法人姓名">{dash(p.legalName)}</Descriptions.Item>
      <Descriptions.Item label="法人联系电话">{dash(p.legalPhone)}</Descriptions.Item>
      <Descriptions.Item label="法人E-Mail">{dash(p.legalEmail)}</Descriptions.Item>
      <Descriptions.Item label="联系人姓名">{dash(p.contactName)}</Descriptions.Item>
      <Descriptions.Item label="联系人电话">{dash(p.contactMobile)}</Descriptions.Item>
      <Descriptions.Item label="联系人E-Mail">{dash(p.contactEmail)}</Descriptions.Item>
      <Descriptions.Item label="机构详细地址" span={3}>
        {dash(p.institutionAddress)}
      </Descriptions.Item>
      <Descriptions.Item label="机构基地简介" span={3}>
        {dash(p.institutionIntro)}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 附件材料: the institution's 统一社会信用代码证 / 办学许可. */
export function LicenceTable({ p }: { p: InstitutionProfile }) {
  const rows = p.licence ? [p.licence] : [];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '没有数据需要显示' }}
      aria-label="附件材料"
      columns={[
        { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
        { title: '附件名称', dataIndex: 'name' },
        { title: '附件类型', key: 'kind', render: () => '统一社会信用代码证 / 办学许可' },
        { title: '附件大小(kb)', key: 'size', render: (_, f) => Math.ceil(f.size / 1024) },
        { title: '上传时间', key: 'at', render: (_, f) => formatDateTime(f.uploadedAt) },
        {
          title: '操作',
          key: 'actions',
          render: (_, f) => (
            <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
              下载
            </a>
          ),
        },
      ]}
    />
  );
}

/**
 * 专业资格审核 detail (002 §1.5.2): 基本信息, 申请培训专业 (专业名称, 专业概述, 所属行业), 附件材料,
 * 审批流程; `children` (the 审核结果 panel) below.
 */
export function QualificationView({
  detail,
  children,
}: {
  detail: QualificationDetail;
  children?: ReactNode;
}) {
  const q = detail.qualification;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="基本信息">
        <InstitutionBasics p={detail.institution} />
      </Card>
      <Card
        size="small"
        title="申请培训专业"
        extra={<Tag>{QUALIFICATION_STATE_LABELS[detail.status.state]}</Tag>}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[q]}
          aria-label="申请培训专业"
          columns={[
            { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
            { title: '专业名称', dataIndex: 'series' },
            { title: '专业概述', dataIndex: 'overview' },
            { title: '所属行业', dataIndex: 'industry', render: (v: string | null) => v ?? '-' },
          ]}
        />
      </Card>
      <Card size="small" title="附件材料">
        <LicenceTable p={detail.institution} />
      </Card>
      <Card size="small" title="审批流程">
        <ApprovalHistory history={detail.history} />
      </Card>
      {children}
    </Space>
  );
}
