import { Alert, Button, Drawer, Spin, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { authorityRecordsApi, type RecordDetail, type RecordListItem } from '../../../api/records';
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

/** 姓名, 公民身份号码, 课程名称, 科目类型, 年度; 专业系列 is the authority's own (MANUAL-MAP §3 B16). */
const searchFields: SearchField[] = [
  searchText('name', '姓名'),
  searchText('idNumber', '公民身份号码'),
  searchText('courseName', '课程名称'),
  { type: 'select', name: 'subjectType', label: '科目类型', options: subjectTypeOptions },
  searchYear(),
];

/** 继续教育记录查看: the manual's detail, read-only. */
function AuthorityRecordDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const onError = useApiError();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    authorityRecordsApi
      .get(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  return (
    <Drawer open={id !== null} onClose={onClose} title="继续教育记录查看" size={960} destroyOnHidden>
      {detail ? <RecordBasics detail={detail} /> : <Spin />}
    </Drawer>
  );
}

/**
 * 继续教育记录查询 (manual 002 §1.7.1) of an authority: the approved records of the professionals of
 * its 专业系列 whose employer is in its region, with the columns of 003 §1.9.2 and 导出Excel.
 */
export function AuthorityRecordsQueryPage() {
  const seq = useSeqColumn();
  const [openId, setOpenId] = useState<string | null>(null);
  const [series, setSeries] = useState<string | null>(null);

  const columns: TableColumnsType<RecordListItem> = [
    seq.column,
    recordColumns.name,
    recordColumns.idNumber,
    recordColumns.institutionName,
    recordColumns.subjectType(),
    recordColumns.courseName,
    recordColumns.declaredHours,
    recordColumns.recognisedHours,
    { title: '年度', dataIndex: 'year' },
    {
      title: '操作',
      key: 'actions',
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
        title="继续教育记录"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        exportUrl={authorityRecordsApi.exportUrl}
        description={
          series && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`专业系列：${series}（本部门的专业系列，查询本地区单位人员认定通过的记录）`}
            />
          )
        }
        request={async (query) => {
          const r = await authorityRecordsApi.list(seq.track(query));
          setSeries(r.series);
          return r;
        }}
      />
      <AuthorityRecordDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
