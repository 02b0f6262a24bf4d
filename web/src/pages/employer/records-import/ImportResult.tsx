import type { ImportJob } from '@ce/shared';
import { Alert, Button, Flex, Progress, Table, Typography } from 'antd';
import { importsApi } from '../../../api/imports';

const running = (job: ImportJob) => job.status === 'checking' || job.status === 'importing';

/** 第四步 数据入库: the progress of a job, then its outcome (成功, or the row-level error report). */
export function ImportResult({ job }: { job: ImportJob }) {
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  if (running(job)) {
    return (
      <Flex vertical gap={8}>
        <Typography.Text>
          {job.status === 'checking' ? '正在校验数据' : '校验通过，正在入库'}：{job.processedRows} /{' '}
          {job.totalRows} 行
        </Typography.Text>
        <Progress percent={job.status === 'importing' ? 99 : percent} status="active" />
      </Flex>
    );
  }
  if (job.status === 'done') {
    return <Alert type="success" showIcon title={`导入成功，共导入 ${job.importedRows} 条记录`} />;
  }
  if (job.status === 'failed') {
    return <Alert type="error" showIcon title={job.message ?? '导入失败，未导入任何记录，请稍后重新上传'} />;
  }
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        title="数据有误，未导入任何记录，请修改后重新上传"
        description={`共 ${job.errorCount} 处错误${job.errorCount > job.errors.length ? `，下表列出前 ${job.errors.length} 处，完整内容请导出错误报告` : ''}。`}
        action={
          <Button href={importsApi.errorsUrl(job.id)} download>
            导出错误报告
          </Button>
        }
      />
      <Table
        size="small"
        rowKey={(e) => `${e.row}-${e.column}`}
        dataSource={job.errors}
        columns={[
          { title: '行号', dataIndex: 'row', width: 90 },
          { title: '列', dataIndex: 'column', width: 160 },
          { title: '错误原因', dataIndex: 'message' },
        ]}
        pagination={{ pageSize: 10, showSizeChanger: true, showTotal: () => `共 ${job.errorCount} 条` }}
      />
    </Flex>
  );
}
