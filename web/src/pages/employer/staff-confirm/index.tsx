import { SEX_LABELS } from '@ce/shared';
import { App, Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { type PendingStaffItem, peopleApi, type StaffQuery } from '../../../api/people';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import { formatDateTime } from '../../../format';
import { useSeqColumn } from '../../records/components/columns';
import { StaffDetailDrawer } from './components/StaffDetailDrawer';

const searchFields: SearchField[] = [
  { type: 'text', name: 'name', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '公民身份号码' },
];

/**
 * 专业技术人员信息确认 (manual 003 §1.5.1): persons who picked this unit answer 是 / 否 one by one,
 * or 人员确认 for the selected ones.
 */
export function StaffConfirmPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn<PendingStaffItem>();
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const [openId, setOpenId] = useState<string | null>(null);

  const decide = async (row: PendingStaffItem, confirm: boolean) => {
    try {
      const r = confirm ? await peopleApi.confirmStaff(row.id) : await peopleApi.rejectStaff(row.id);
      void message.success(r.message ?? '操作成功');
      list.current?.reload();
    } catch (error) {
      onError(error);
      list.current?.reload();
    }
  };

  const confirmSelected = async (rows: PendingStaffItem[]) => {
    const result = await peopleApi.confirmStaffBatch(rows.map((r) => r.id));
    if (result.failed.length === 0) {
      void message.success(`已确认 ${result.succeeded} 名人员`);
      return;
    }
    const names = new Map(rows.map((r) => [r.id, r.name]));
    modal.warning({
      title: `已确认 ${result.succeeded} 名，${result.failed.length} 名未能确认`,
      content: (
        <ul style={{ paddingLeft: 20 }}>
          {result.failed.map((f) => (
            <li key={f.id}>
              {names.get(f.id) ?? f.id}：{f.message}
            </li>
          ))}
        </ul>
      ),
    });
  };

  const columns: TableColumnsType<PendingStaffItem> = [
    seq.column,
    { title: '姓名', dataIndex: 'name' },
    { title: '性别', dataIndex: 'sex', render: (_, row) => SEX_LABELS[row.sex] },
    { title: '公民身份号码', dataIndex: 'idNumber' },
    { title: '学历', dataIndex: 'education' },
    { title: '参加工作时间', dataIndex: 'workStartDate' },
    { title: '专业系列', dataIndex: 'series' },
    { title: '提交时间', dataIndex: 'submittedAt', render: (_, row) => formatDateTime(row.submittedAt) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
            查看
          </Button>
          <Button type="link" size="small" onClick={() => decide(row, true)}>
            是
          </Button>
          <Popconfirm title="确定该人员不属于本单位吗？" onConfirm={() => decide(row, false)}>
            <Button type="link" size="small" danger>
              否
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<PendingStaffItem>
        title="专业技术人员信息确认"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        description={
          <p style={{ marginTop: 0 }}>
            以下人员在“人员基本信息维护”中选择了本单位。点击“是”或“否”确认其是否属于本单位；勾选人员后点击“人员确认”可批量确认。
          </p>
        }
        batchActions={[
          { label: '人员确认', onClick: confirmSelected, confirm: '确定选中的人员属于本单位吗？' },
        ]}
        request={(query) => peopleApi.pendingStaff(seq.track(query) as StaffQuery)}
      />
      <StaffDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
