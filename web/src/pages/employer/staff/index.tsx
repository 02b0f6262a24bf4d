import { SEX_LABELS } from '@ce/shared';
import { App, Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useAccess } from '../../../access';
import { peopleApi, type StaffListItem, type StaffQuery } from '../../../api/people';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import { useSeqColumn } from '../../records/components/columns';
import { StaffModal } from './components/StaffModal';

const searchFields: SearchField[] = [
  { type: 'text', name: 'name', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '公民身份号码' },
];

/** 专业技术人员信息维护 (manual 003 §1.5.2): 新增, 修改, 解除绑定 of the unit's confirmed staff. */
export function StaffPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn<StaffListItem>();
  const { message } = App.useApp();
  const onError = useApiError();
  const { session } = useAccess();
  const [target, setTarget] = useState<'new' | string | null>(null);

  const unbind = async (row: StaffListItem) => {
    try {
      const r = await peopleApi.unbindStaff(row.id);
      void message.success(r.message ?? '已解除绑定');
      list.current?.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<StaffListItem> = [
    seq.column,
    { title: '姓名', dataIndex: 'name' },
    { title: '性别', dataIndex: 'sex', render: (_, row) => SEX_LABELS[row.sex] },
    { title: '公民身份号码', dataIndex: 'idNumber' },
    { title: '学历', dataIndex: 'education' },
    { title: '参加工作时间', dataIndex: 'workStartDate' },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget(row.id)}>
            修改
          </Button>
          <Popconfirm title="确定解除该学员和本单位的绑定关系吗?" onConfirm={() => unbind(row)}>
            <Button type="link" size="small" danger>
              解除绑定
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const close = useCallback(() => setTarget(null), []);
  const saved = useCallback(() => {
    setTarget(null);
    list.current?.reload();
  }, []);

  return (
    <>
      <ListPage<StaffListItem>
        title="单位人员基本信息"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        exportUrl={peopleApi.staffExportUrl}
        toolbar={
          <Button type="primary" onClick={() => setTarget('new')}>
            新增
          </Button>
        }
        request={(query) => peopleApi.staff(seq.track(query) as StaffQuery)}
      />
      <StaffModal
        target={target}
        unitName={session?.actingUnit?.name ?? ''}
        onClose={close}
        onSaved={saved}
      />
    </>
  );
}
