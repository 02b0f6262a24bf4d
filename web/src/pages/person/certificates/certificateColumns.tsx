import { App, Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type CertificateRow, certificatePdfUrl, certificatesApi } from '../../../api/certificates';
import { useApiError } from '../../../api/useApiError';

/** Starts the browser's download of a PDF, as the 打印 link does. */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

const category = (title: string, key: 'public' | 'professional' | 'elective') => ({
  title,
  children: [
    { title: '门数', key: `${key}.courses`, render: (_: unknown, r: CertificateRow) => r[key].courses },
    { title: '学时', key: `${key}.hours`, render: (_: unknown, r: CertificateRow) => r[key].hours },
  ],
});

/**
 * The columns of 继续教育证书打印 (manual 003 §1.6.4) with 打印 and 重新生成证书并打印, shared by the
 * person's and the employer's page. `reload` refreshes the list once a number has been issued.
 */
export function useCertificateColumns(
  reload: () => void,
  /** 序号, first as in manual 003 §1.6.4 (and the 导出Excel) */
  seq: TableColumnsType<CertificateRow>[number],
): TableColumnsType<CertificateRow> {
  const { message } = App.useApp();
  const onError = useApiError();

  const reissue = async (row: CertificateRow) => {
    try {
      const r = await certificatesApi.reissue(row.professionalId, row.year);
      void message.success(r.message);
      download(certificatePdfUrl(row.professionalId, row.year));
      reload();
    } catch (error) {
      onError(error);
    }
  };

  return [
    seq,
    { title: '姓名', dataIndex: 'name', fixed: 'left' },
    { title: '公民身份号码', dataIndex: 'idNumber' },
    { title: '培训年度', dataIndex: 'year' },
    { title: '专业序列', dataIndex: 'series' },
    category('公需科目', 'public'),
    category('专业科目', 'professional'),
    category('个人选修科目', 'elective'),
    { title: '总学时', dataIndex: 'totalHours' },
    {
      title: '年度验证结果',
      dataIndex: 'passed',
      render: (_, r) =>
        r.passed ? (
          <Tag color="success">通过</Tag>
        ) : (
          <Tooltip title={r.explanation}>
            <Tag color="error">不通过</Tag>
          </Tooltip>
        ),
    },
    {
      title: '继续教育证书号',
      dataIndex: 'certificateNumber',
      render: (_, r) => r.certificateNumber ?? <Typography.Text type="secondary">未生成</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, r) =>
        r.passed ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              href={certificatePdfUrl(r.professionalId, r.year)}
              download
              onClick={() => setTimeout(reload, 2000)}
            >
              打印
            </Button>
            {r.certificateNumber ? (
              <Popconfirm
                title="重新生成证书并打印"
                description={`将作废原证书编号 ${r.certificateNumber} 并生成新的证书编号，确定继续吗？`}
                onConfirm={() => reissue(r)}
              >
                <Button type="link" size="small">
                  重新生成证书并打印
                </Button>
              </Popconfirm>
            ) : (
              // nothing to regenerate before the first 打印 issues the certificate
              <Tooltip title="尚未生成证书，请先点击“打印”">
                <Button type="link" size="small" disabled>
                  重新生成证书并打印
                </Button>
              </Tooltip>
            )}
          </Space>
        ) : null,
    },
  ];
}

export const CERTIFICATE_HINT =
  '温馨提示：继续教育证书为PDF文件（横向A4），点击“打印”下载后即可打印；年度验证通过（公需课、专业课、选修课学时均达到要求）后方可打印。证书上的二维码可用于查验证书真伪。';

/** 重新统计学时: runs the recount, says what changed and reloads the list. */
export function useRecount(run: () => Promise<{ message: string }>, reload: () => void) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [recounting, setRecounting] = useState(false);
  const recount = async () => {
    setRecounting(true);
    try {
      const r = await run();
      void message.success(r.message);
      reload();
    } catch (error) {
      onError(error);
    } finally {
      setRecounting(false);
    }
  };
  return { recount, recounting };
}
