import { SEX_LABELS, TEACHER_STATUS_LABELS } from '@ce/shared';
import { App, Button, type TableColumnsType, Tag } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { type TeacherListItem, teachersApi } from '../../../api/teachers';
import {
  type BatchAction,
  ListPage,
  type ListPageAction,
  type SearchField,
  WRAP_COLUMN,
} from '../../../components/ListPage';
import { useSeqColumn } from '../../records/components/columns';
import { TeacherModal } from './components/TeacherModal';

const searchFields: SearchField[] = [
  { type: 'text', name: 'name', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '公民身份号码' },
];

/**
 * 师资信息维护 (manual 002 §1.6.1, 003 §1.7.1) of an authority, institution or employer: its own
 * teachers; 启用 ones may later be chosen as 授课教师 or 班主任, a teacher in use is 禁用, not deleted.
 */
export function TeachersPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn<TeacherListItem>();
  const { message } = App.useApp();
  const [target, setTarget] = useState<'new' | string | null>(null);

  const batch = (
    label: string,
    run: (ids: string[]) => Promise<{ message: string }>,
    confirm: string,
    danger = false,
  ): BatchAction<TeacherListItem> => ({
    label,
    danger,
    confirm,
    onClick: async (rows) => {
      const r = await run(rows.map((row) => row.id));
      void message.success(r.message);
    },
  });
  const batchActions = [
    batch('启用', teachersApi.enable, '确定启用选中的教师吗？启用后可被选为授课教师或班主任。'),
    batch('禁用', teachersApi.disable, '确定禁用选中的教师吗？禁用后不能再被选为授课教师或班主任。'),
    batch('删除', teachersApi.remove, '确定删除选中的教师吗？已被培训班使用的教师不能删除，请禁用。', true),
  ];

  const columns: TableColumnsType<TeacherListItem> = [
    seq.column,
    { title: '姓名', dataIndex: 'name' },
    { title: '性别', dataIndex: 'sex', render: (_, row) => SEX_LABELS[row.sex] },
    { title: '联系电话', dataIndex: 'contactPhone' },
    { title: '可教授课程', dataIndex: 'teachableCourses', className: WRAP_COLUMN },
    { title: '职称', dataIndex: 'teacherTitle' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, row) => (
        <Tag color={row.status === 'enabled' ? 'green' : 'default'}>{TEACHER_STATUS_LABELS[row.status]}</Tag>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setTarget(row.id)}>
          修改
        </Button>
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
      <ListPage<TeacherListItem>
        title="师资信息"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        batchActions={batchActions}
        exportUrl={teachersApi.exportUrl}
        toolbar={
          <Button type="primary" onClick={() => setTarget('new')}>
            新增
          </Button>
        }
        request={(query) => teachersApi.list(seq.track(query))}
      />
      <TeacherModal target={target} onClose={close} onSaved={saved} />
    </>
  );
}
