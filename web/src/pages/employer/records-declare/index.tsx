import { STUDY_FORMS } from '@ce/shared';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { type DeclaredRecordsQuery, employerRecordsApi, type RecordListItem } from '../../../api/records';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import {
  employerRecordColumns,
  searchText,
  searchYear,
  stateOptions,
  subjectTypeOptions,
  useSeqColumn,
} from '../../records/components/columns';
import { DeclareDrawer } from './components/DeclareDrawer';

const searchFields: SearchField[] = [
  searchText('courseName', '课程名称'),
  { type: 'select', name: 'subjectType', label: '课程类型', options: subjectTypeOptions },
  {
    type: 'select',
    name: 'studyForm',
    label: '学习形式',
    options: STUDY_FORMS.map((s) => ({ value: s, label: s })),
  },
  { type: 'select', name: 'state', label: '认定结果', options: stateOptions },
  searchYear(),
];

/** 继续教育记录申报 (manual 003 §1.6.1): the employer declares records for its staff; 确认 grants the hours. */
export function RecordsDeclarePage() {
  const list = useRef<ListPageAction>(null);
  const { modal } = App.useApp();
  const seq = useSeqColumn();
  const [openId, setOpenId] = useState<string | null | undefined>(undefined);

  const removeRows = async (rows: RecordListItem[]) => {
    const failed: string[] = [];
    for (const row of rows) {
      try {
        await employerRecordsApi.remove(row.id);
      } catch (error) {
        failed.push(
          `${row.name}「${row.courseName}」：${error instanceof Error ? error.message : '删除失败'}`,
        );
      }
    }
    const summary = `成功 ${rows.length - failed.length} 条，失败 ${failed.length} 条`;
    if (failed.length === 0) modal.success({ title: '删除完成', content: summary });
    else
      modal.warning({
        title: '删除完成',
        content: (
          <div>
            <p>{summary}</p>
            {failed.map((f) => (
              <p key={f}>{f}</p>
            ))}
          </div>
        ),
      });
  };

  const columns = employerRecordColumns(seq.column, {
    title: '操作',
    key: 'actions',
    fixed: 'right',
    render: (_, row) => (
      <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
        查看
      </Button>
    ),
  });

  return (
    <>
      <ListPage<RecordListItem>
        title="继续教育记录申报"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        request={(query) => employerRecordsApi.list(seq.track(query) as DeclaredRecordsQuery)}
        toolbar={
          <Button type="primary" onClick={() => setOpenId(null)}>
            添加培训记录
          </Button>
        }
        batchActions={[
          {
            label: '删除',
            danger: true,
            confirm: '确定删除选中的记录吗？信息没有确认之前都可以删除。',
            onClick: removeRows,
          },
        ]}
      />
      <DeclareDrawer id={openId} onIdChange={setOpenId} onChanged={() => list.current?.reload()} />
    </>
  );
}
