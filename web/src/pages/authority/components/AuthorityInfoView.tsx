import { type AuthorityInfo, CERT_TYPE_LABELS, ORG_LEVEL_LABELS } from '@ce/shared';
import { Descriptions, Table } from 'antd';
import { fileUrl } from '../../../api/client';
import { formatDateTime } from '../../../format';

type Attachment = NonNullable<AuthorityInfo['licence']>;

/** 附件材料 (序号 / 附件名称 / 附件类型 / 附件大小(kb) / 上传时间 / 经办人 / 操作). */
export function LicenceTable({ licence }: { licence: AuthorityInfo['licence'] }) {
  return (
    <Table<Attachment & { seq: number }>
      aria-label="附件材料"
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '未上传统一社会信用代码证' }}
      dataSource={licence ? [{ ...licence, seq: 1 }] : []}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 64 },
        { title: '附件名称', dataIndex: 'name', render: () => '统一社会信用代码证（组织机构代码）' },
        { title: '附件类型', dataIndex: 'kind' },
        {
          title: '附件大小(kb)',
          dataIndex: 'size',
          render: (_, r) => Math.max(1, Math.round(r.size / 1024)),
        },
        { title: '上传时间', dataIndex: 'uploadedAt', render: (_, r) => formatDateTime(r.uploadedAt) },
        { title: '经办人', dataIndex: 'uploaderName' },
        {
          title: '操作',
          key: 'actions',
          render: (_, r) => (
            <a href={fileUrl(r.id)} target="_blank" rel="noreferrer" title={r.name}>
              下载
            </a>
          ),
        },
      ]}
    />
  );
}

/** The authority's info read-only (审核 and 查询 details). */
export function AuthorityInfoView({ info }: { info: AuthorityInfo }) {
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="单位名称">{info.unitName}</Descriptions.Item>
        <Descriptions.Item label="单位代码类型">{CERT_TYPE_LABELS[info.certType]}</Descriptions.Item>
        <Descriptions.Item label="单位代码">{info.certNumber}</Descriptions.Item>
        <Descriptions.Item label="单位性质">{info.nature}</Descriptions.Item>
        <Descriptions.Item label="隶属关系">
          {info.level ? ORG_LEVEL_LABELS[info.level] : ''}
        </Descriptions.Item>
        <Descriptions.Item label="专业序列">{info.series}</Descriptions.Item>
        <Descriptions.Item label="行政区划">{info.regionName}</Descriptions.Item>
        <Descriptions.Item label="上级行业主管部门">{info.parentUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="人社业务主管部门">{info.hrssUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系人">{info.contactName}</Descriptions.Item>
        <Descriptions.Item label="办公电话">{info.officePhone}</Descriptions.Item>
        <Descriptions.Item label="移动电话">{info.mobilePhone}</Descriptions.Item>
        <Descriptions.Item label="Email">{info.email}</Descriptions.Item>
        <Descriptions.Item label="邮政编码">{info.postalCode}</Descriptions.Item>
        <Descriptions.Item label="单位通讯地址" span={2}>
          {info.unitAddress}
        </Descriptions.Item>
        <Descriptions.Item label="单位职能简介" span={2}>
          {info.description}
        </Descriptions.Item>
      </Descriptions>
      <LicenceTable licence={info.licence} />
    </>
  );
}
