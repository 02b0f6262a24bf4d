import { FILE_MAX_BYTES, IMPORT_STATUS_LABELS, type ImportJob, type ImportJobSummary } from '@ce/shared';
import { App, Button, Card, Flex, Progress, Steps, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { importsApi } from '../../../api/imports';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, WRAP_COLUMN } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { ImportResult } from './ImportResult';

const POLL_MS = 500;
const finished = (job: ImportJob) => job.status !== 'checking' && job.status !== 'importing';

/** 继续教育记录批量申报 (manual 003 §1.6.2): 模板下载 → 上传模板 → 数据入库, then 导入记录. */
export function RecordsImportPage() {
  const onError = useApiError();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const history = useRef<ListPageAction>(null);

  const poll = useCallback(
    (jobId: string) => {
      let live = true;
      const tick = () => {
        importsApi
          .job(jobId)
          .then((next) => {
            if (!live) return;
            setJob(next);
            if (finished(next)) history.current?.reload();
            else setTimeout(tick, POLL_MS);
          })
          .catch((error: unknown) => live && onError(error));
      };
      tick();
      return () => {
        live = false;
      };
    },
    [onError],
  );
  const [jobId, setJobId] = useState<string | null>(null);
  useEffect(() => (jobId ? poll(jobId) : undefined), [jobId, poll]);

  const upload = (file: File) => {
    setJob(null);
    setJobId(null);
    setUploading(0);
    importsApi
      .upload(file, setUploading)
      .then((started) => setJobId(started.jobId))
      .catch((error: unknown) => onError(error))
      .finally(() => setUploading(null));
  };

  const step = job ? 2 : uploading !== null ? 1 : 0;
  // 数据入库 ends finished (导入成功) or in error (数据有误, 导入失败), not forever in progress
  const stepStatus = !job || !finished(job) ? 'process' : job.status === 'done' ? 'finish' : 'error';
  return (
    <Flex vertical gap={16}>
      <Card title="继续教育记录批量申报">
        <Steps
          current={step}
          status={stepStatus}
          style={{ marginBottom: 24 }}
          items={[{ title: '模板下载' }, { title: '上传模板' }, { title: '数据入库' }]}
        />
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>
            第二步：点击
            <Typography.Link href={importsApi.templateUrl} download>
              模板下载
            </Typography.Link>
            ，按“填写说明”工作表填写内容（姓名与公民身份号码须为本单位已确认的专业技术人员）。第三步：上传模板。
            第四步：系统逐行校验，全部无误后一次入库，人员立即获得学时；任何一行有误则不导入任何记录。
          </Typography.Paragraph>
          <Flex gap={16} align="center">
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              disabled={uploading !== null || (job !== null && !finished(job))}
              beforeUpload={(file) => {
                if (!file.name.toLowerCase().endsWith('.xlsx') || file.size > FILE_MAX_BYTES) {
                  void message.error('请上传由模板填写、不超过10MB的 .xlsx 文件');
                  return Upload.LIST_IGNORE;
                }
                upload(file);
                return false;
              }}
            >
              <Button type="primary" loading={uploading !== null}>
                上传模板
              </Button>
            </Upload>
            <Button href={importsApi.templateUrl} download>
              模板下载
            </Button>
          </Flex>
          {uploading !== null && <Progress percent={uploading} size="small" format={(p) => `上传 ${p}%`} />}
          {job && <ImportResult job={job} />}
        </Flex>
      </Card>
      <ListPage<ImportJobSummary>
        title="导入记录"
        rowKey="id"
        actionRef={history}
        request={(q) => importsApi.jobs({ page: q.page, pageSize: q.pageSize })}
        columns={[
          { title: '上传时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '文件名称', dataIndex: 'fileName', className: WRAP_COLUMN },
          { title: '经办人', dataIndex: 'createdByName' },
          { title: '总行数', dataIndex: 'totalRows' },
          { title: '导入条数', dataIndex: 'importedRows' },
          { title: '错误数', dataIndex: 'errorCount' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (_: unknown, r) => <StatusTag status={r.status} labels={IMPORT_STATUS_LABELS} />,
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r) => (
              <Flex gap={8}>
                <Typography.Link onClick={() => setJobId(r.id)}>查看</Typography.Link>
                {r.status === 'invalid' && (
                  <Typography.Link href={importsApi.errorsUrl(r.id)} download>
                    导出错误报告
                  </Typography.Link>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
