import { REALNAME_STATUS_LABELS } from '@ce/shared';
import { Button, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { hrssApi } from '../../../api/hrss';
import type { RealnameApplication, RealnameListQuery } from '../../../api/types';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { ReviewDrawer } from './components/ReviewDrawer';

const searchFields: SearchField[] = [
  { type: 'text', name: 'realName', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '证件号码' },
  {
    type: 'select',
    name: 'status',
    label: '审核状态',
    options: Object.entries(REALNAME_STATUS_LABELS).map(([value, label]) => ({ value, label })),
  },
];

/** 实名认证审核 (HRSS): level-2 applications with the uploaded ID photos. */
export function RealnameReviewPage() {
  const list = useRef<ListPageAction>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<RealnameApplication> = [
    { title: '登录账号', dataIndex: 'loginName' },
    { title: '姓名', dataIndex: 'realName' },
    { title: '证件号码', dataIndex: 'idNumber' },
    { title: '手机号码', dataIndex: 'phone' },
    {
      title: '审核状态',
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} labels={REALNAME_STATUS_LABELS} />,
    },
    { title: '提交时间', dataIndex: 'submittedAt', render: (_, row) => formatDateTime(row.submittedAt) },
    { title: '审核人', dataIndex: 'reviewerName' },
    { title: '审核时间', dataIndex: 'reviewedAt', render: (_, row) => formatDateTime(row.reviewedAt) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          {row.status === 'pending' ? '审核' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ListPage<RealnameApplication>
        title="实名认证审核"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        request={(query) => hrssApi.realnameApplications(query as RealnameListQuery)}
      />
      <ReviewDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onReviewed={() => {
          setOpenId(null);
          list.current?.reload();
        }}
      />
    </>
  );
}
