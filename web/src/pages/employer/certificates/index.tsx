import { Button, Popconfirm, Typography } from 'antd';
import { useRef } from 'react';
import { type CertificateRow, certificatesApi } from '../../../api/certificates';
import { requirementsApi } from '../../../api/requirements';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import {
  CERTIFICATE_HINT,
  useCertificateColumns,
  useRecount,
} from '../../person/certificates/certificateColumns';
import { useSeqColumn } from '../../records/components/columns';

const thisYear = new Date().getFullYear();
const searchFields: SearchField[] = [
  { type: 'text', name: 'name', label: '姓名' },
  { type: 'text', name: 'idNumber', label: '公民身份号码' },
  {
    type: 'select',
    name: 'year',
    label: '申报年度',
    options: Array.from({ length: 12 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y })),
  },
];

/** 继续教育证书打印 (manual 003 §1.6.4): the employer prints for its confirmed staff. */
export function StaffCertificatesPage() {
  const list = useRef<ListPageAction>(null);
  const reload = () => list.current?.reload();
  const seq = useSeqColumn<CertificateRow>();
  const columns = useCertificateColumns(reload, seq.column);
  const { recount, recounting } = useRecount(requirementsApi.recountStaff, reload);

  return (
    <ListPage<CertificateRow>
      title="继续教育证书打印"
      rowKey="key"
      columns={columns}
      searchFields={searchFields}
      actionRef={list}
      exportUrl={certificatesApi.staffExportUrl}
      description={<Typography.Paragraph type="secondary">{CERTIFICATE_HINT}</Typography.Paragraph>}
      toolbar={
        <Popconfirm
          title="将按已认定的继续教育记录重新统计本单位全部人员的学时，确定继续吗？"
          onConfirm={recount}
        >
          <Button loading={recounting}>重新统计学时</Button>
        </Popconfirm>
      }
      request={(query) => certificatesApi.staff(seq.track(query))}
    />
  );
}
