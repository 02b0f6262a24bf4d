import { Button, type TableColumnsType, Typography } from 'antd';
import { useRef, useState } from 'react';
import { employerRecordsApi, type QueryRecordsQuery, type RecordListItem } from '../../../api/records';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import {
  recordColumns,
  searchText,
  searchYear,
  subjectTypeOptions,
  useSeqColumn,
} from '../../records/components/columns';
import { CorrectDrawer } from './components/CorrectDrawer';

const searchFields: SearchField[] = [
  searchText('name', '姓名'),
  searchText('courseName', '课程名称'),
  { type: 'select', name: 'subjectType', label: '科目类型', options: subjectTypeOptions },
  searchYear(),
];

/** 培训信息维护 (manual 004 单位业务): the approved records of the staff, each open to 修改 with a reason. */
export function RecordsCorrectPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn();
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<RecordListItem> = [
    seq.column,
    recordColumns.name,
    recordColumns.idNumber,
    recordColumns.courseName,
    recordColumns.subjectType('科目类型'),
    recordColumns.startDate,
    recordColumns.endDate,
    recordColumns.declaredHours,
    recordColumns.recognisedHours,
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <>
      <ListPage<RecordListItem>
        title="培训信息维护"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        description={
          <Typography.Paragraph type="secondary">
            本单位审核同意的记录均在此列出；修改后该人员的学时随即重新统计。
          </Typography.Paragraph>
        }
        request={(query) => employerRecordsApi.query(seq.track(query) as QueryRecordsQuery)}
      />
      <CorrectDrawer id={openId} onClose={() => setOpenId(null)} onSaved={() => list.current?.reload()} />
    </>
  );
}
