import { Button, Drawer, Flex, Spin, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import {
  employerRecordsApi,
  type QueryRecordsQuery,
  type RecordDetail,
  type RecordListItem,
} from '../../../api/records';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type SearchField } from '../../../components/ListPage';
import {
  recordColumns,
  searchText,
  searchYear,
  subjectTypeOptions,
  useSeqColumn,
} from '../../records/components/columns';
import { RecordBasics } from '../../records/components/RecordView';

const searchFields: SearchField[] = [
  searchText('name', '姓名'),
  searchText('courseName', '课程名称'),
  { type: 'select', name: 'subjectType', label: '课程类型', options: subjectTypeOptions },
  searchText('institutionName', '施教机构名称'),
  searchYear(),
];

/** 培训记录查看: the record's fields, read-only. */
function RecordQueryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const onError = useApiError();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    employerRecordsApi
      .get(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  return (
    <Drawer open={id !== null} onClose={onClose} title="培训记录查看" size={960} destroyOnHidden>
      {detail ? (
        <Flex vertical gap={16}>
          <RecordBasics detail={detail} />
        </Flex>
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}

/** 继续教育培训记录查询 (manual 003 §1.9.2): the staff's approved records, with 导出Excel. */
export function RecordsQueryPage() {
  const seq = useSeqColumn();
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<RecordListItem> = [
    seq.column,
    recordColumns.name,
    recordColumns.idNumber,
    recordColumns.institutionName,
    recordColumns.subjectType(),
    recordColumns.courseName,
    recordColumns.declaredHours,
    recordColumns.recognisedHours,
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <>
      <ListPage<RecordListItem>
        title="继续教育培训记录"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        exportUrl={employerRecordsApi.exportUrl}
        request={(query) => employerRecordsApi.query(seq.track(query) as QueryRecordsQuery)}
      />
      <RecordQueryDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
