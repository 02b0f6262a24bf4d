import { Button, Typography } from 'antd';
import { useRef } from 'react';
import { type CertificateRow, certificatesApi } from '../../../api/certificates';
import { requirementsApi } from '../../../api/requirements';
import { ListPage, type ListPageAction } from '../../../components/ListPage';
import { useSeqColumn } from '../../records/components/columns';
import { CERTIFICATE_HINT, useCertificateColumns, useRecount } from './certificateColumns';

/** 继续教育证书打印 (manual 001 §3.3.4): the person's years, printable once 年度验证 passes. */
export function PersonCertificatesPage() {
  const list = useRef<ListPageAction>(null);
  const reload = () => list.current?.reload();
  // one page of years: 序号 counts from 1
  const seq = useSeqColumn<CertificateRow>();
  const columns = useCertificateColumns(reload, seq.column);
  const { recount, recounting } = useRecount(requirementsApi.recountMine, reload);

  return (
    <ListPage<CertificateRow>
      title="继续教育证书打印"
      rowKey="key"
      columns={columns}
      paginated={false}
      actionRef={list}
      description={<Typography.Paragraph type="secondary">{CERTIFICATE_HINT}</Typography.Paragraph>}
      toolbar={
        <Button onClick={recount} loading={recounting}>
          重新统计学时
        </Button>
      }
      request={() => certificatesApi.mine()}
    />
  );
}
