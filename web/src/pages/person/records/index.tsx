import { EMPLOYER_BINDING_LABELS, type EmployerBindingStatus } from '@ce/shared';
import { Alert, Button, Popconfirm, Space, type TableColumnsType, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { peopleApi } from '../../../api/people';
import { type MyRecordsQuery, myRecordsApi, type RecordListItem } from '../../../api/records';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import {
  recordColumns,
  searchText,
  searchYear,
  stateOptions,
  subjectTypeOptions,
  useSeqColumn,
} from '../../records/components/columns';
import { AchievementModal } from './components/AchievementModal';
import { NotConfirmedHelp, PersonRecordDrawer } from './components/PersonRecordDrawer';

const searchFields: SearchField[] = [
  { type: 'select', name: 'state', label: '审核状态', options: stateOptions },
  searchYear(),
  { type: 'select', name: 'subjectType', label: '科目类型', options: subjectTypeOptions },
  searchText('courseName', '课程名称'),
];

const editable = (row: RecordListItem) => row.state === 'draft' || row.state === 'returned';

/**
 * 继续教育记录 (manual 001 §3.3.1, manual 000 step 8): 添加 → fill → 保存 → 附件材料 → 确认送审;
 * a returned record (不同意并退案) is edited and sent again.
 */
export function PersonRecordsPage() {
  const list = useRef<ListPageAction>(null);
  const onError = useApiError();
  const seq = useSeqColumn();
  const [open, setOpen] = useState<{ id: string | null; readOnly: boolean } | undefined>(undefined);
  const [achievement, setAchievement] = useState(false);
  const reload = () => list.current?.reload();
  // 添加 needs a profile the employer confirmed (the server refuses otherwise): said up front, not
  // after a whole record has been typed
  const [binding, setBinding] = useState<EmployerBindingStatus | null>(null);
  useEffect(() => {
    let live = true;
    peopleApi
      .myProfile()
      .then((d) => live && setBinding(d.profile?.bindingStatus ?? 'none'))
      .catch(() => undefined); // unknown: 添加 stays offered and the server says why if it refuses
    return () => {
      live = false;
    };
  }, []);
  const blocked = binding !== null && binding !== 'confirmed';

  const remove = async (id: string) => {
    try {
      await myRecordsApi.remove(id);
      reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<RecordListItem> = [
    seq.column,
    recordColumns.courseName,
    recordColumns.subjectType('科目类型'),
    recordColumns.startDate,
    recordColumns.endDate,
    recordColumns.declaredHours,
    recordColumns.recognisedHours,
    recordColumns.reviewerUnitName,
    recordColumns.step,
    recordColumns.state,
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpen({ id: row.id, readOnly: true })}>
            查看
          </Button>
          {editable(row) && (
            <Button type="link" size="small" onClick={() => setOpen({ id: row.id, readOnly: false })}>
              修改
            </Button>
          )}
          {editable(row) && (
            <Popconfirm title="确定删除此记录吗？" onConfirm={() => remove(row.id)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {blocked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`所属单位确认状态：${EMPLOYER_BINDING_LABELS[binding]}，暂不能申报继续教育记录`}
          description={<NotConfirmedHelp />}
        />
      )}
      <ListPage<RecordListItem>
        title="继续教育记录"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        request={(query) => myRecordsApi.list(seq.track(query) as MyRecordsQuery)}
        toolbar={
          <>
            <Tooltip title={blocked ? '所属单位确认您的人员信息后才能添加继续教育记录' : undefined}>
              <Button
                type="primary"
                disabled={blocked}
                onClick={() => setOpen({ id: null, readOnly: false })}
              >
                添加
              </Button>
            </Tooltip>
            <Button onClick={() => setAchievement(true)}>成果申报</Button>
          </>
        }
      />
      <PersonRecordDrawer
        id={open?.id}
        readOnly={open?.readOnly}
        onIdChange={(id) => setOpen(id === undefined ? undefined : { id, readOnly: open?.readOnly ?? false })}
        onChanged={reload}
      />
      <AchievementModal
        open={achievement}
        onClose={() => setAchievement(false)}
        blockedHelp={<NotConfirmedHelp />}
        onCreated={(created) => {
          setAchievement(false);
          reload();
          setOpen({ id: created.id, readOnly: false });
        }}
      />
    </>
  );
}
