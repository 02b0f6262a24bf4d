import { Button, Modal, type TableColumnsType, Typography } from 'antd';
import { employerRecordsApi, type StaffOption } from '../../../../api/records';
import { ListPage, type SearchField } from '../../../../components/ListPage';
import { sexLabel } from '../../../records/components/RecordView';

const searchFields: SearchField[] = [
  { type: 'text', name: 'name', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '公民身份号码' },
];

/** 选择人员: the employer's staff (专业技术人员信息维护); only confirmed staff can be 选入. */
export function StaffPicker({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (staff: StaffOption) => void;
}) {
  const columns: TableColumnsType<StaffOption> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '性别', dataIndex: 'sex', render: (_, row) => sexLabel(row.sex) },
    { title: '公民身份号码', dataIndex: 'idNumber' },
    { title: '学历', dataIndex: 'education' },
    { title: '参加工作时间', dataIndex: 'workStartDate' },
    { title: '行业序列', dataIndex: 'series' },
    {
      title: '操作',
      key: 'actions',
      render: (_, row) =>
        row.bindingStatus === 'confirmed' ? (
          <Button type="link" size="small" onClick={() => onPick(row)}>
            选入
          </Button>
        ) : (
          <Typography.Text type="secondary">未确认</Typography.Text>
        ),
    },
  ];
  return (
    <Modal title="选择人员" open={open} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      <ListPage<StaffOption>
        title="本单位专业技术人员"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        request={(query) => employerRecordsApi.staff(query)}
      />
    </Modal>
  );
}
