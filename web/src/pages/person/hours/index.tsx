import { SUBJECT_TYPE_LABELS, type WorkflowState } from '@ce/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { type HoursRecordDto, type MyHoursResponse, requirementsApi } from '../../../api/requirements';
import { useApiError } from '../../../api/useApiError';
import { fitColumns, PAGE_SIZES, showTotal, WRAP_COLUMN } from '../../../components/ListPage';

const STATE_COLORS: Record<WorkflowState, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
};

const columns: TableColumnsType<HoursRecordDto> = [
  { title: '课程名称', dataIndex: 'courseName', className: WRAP_COLUMN },
  { title: '科目类型', dataIndex: 'subjectType', render: (_, r) => SUBJECT_TYPE_LABELS[r.subjectType] },
  { title: '学习结束时间', dataIndex: 'endDate' },
  { title: '拟申报学时', dataIndex: 'declaredHours' },
  { title: '认定学时', dataIndex: 'recognisedHours', render: (_, r) => r.recognisedHours ?? '—' },
  {
    title: '状态',
    dataIndex: 'state',
    render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.statusLabel}</Tag>,
  },
  {
    title: '说明',
    dataIndex: 'reason',
    className: WRAP_COLUMN,
    render: (_, r) => (
      <Typography.Text type={r.countedHours > 0 ? 'success' : 'secondary'}>{r.reason}</Typography.Text>
    ),
  },
];

/** 年度学时情况 (SPEC §7): required / recognised / missing per category, and every record explained. */
export function PersonHoursPage() {
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<MyHoursResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [recounting, setRecounting] = useState(false);

  const load = useCallback(
    (y: number | undefined, page: { page: number; pageSize: number }) => {
      setLoading(true);
      requirementsApi
        .myHours({ year: y, ...page })
        .then(setData)
        .catch(onError)
        .finally(() => setLoading(false));
    },
    [onError],
  );
  useEffect(() => load(year, paging), [load, year, paging]);

  const recount = async () => {
    setRecounting(true);
    try {
      const r = await requirementsApi.recountMine();
      void message.success(r.message);
      load(year, paging);
    } catch (error) {
      onError(error);
    } finally {
      setRecounting(false);
    }
  };

  if (data && !data.hasProfile) {
    return (
      <Card title="年度学时情况">
        <Result
          status="info"
          title="尚未填写人员基本信息"
          subTitle={data.hint}
          extra={
            <Button type="primary" onClick={() => navigate('/person/profile')}>
              去填写人员基本信息
            </Button>
          }
        />
      </Card>
    );
  }

  const v = data?.verdict ?? null;
  return (
    <Flex vertical gap={16}>
      <Card
        title="年度学时情况"
        loading={loading && !data}
        extra={
          <Space>
            <span>年度</span>
            <Select
              style={{ width: 140 }}
              value={data?.year}
              onChange={(y) => {
                setYear(y);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
              options={(data?.years ?? []).map((y) => ({
                value: y.year,
                label: `${y.year}年度${y.passed ? '（已通过）' : ''}`,
              }))}
            />
            <Button onClick={recount} loading={recounting}>
              重新统计学时
            </Button>
          </Space>
        }
      >
        {data?.hint && <Alert type="warning" showIcon title={data.hint} style={{ marginBottom: 16 }} />}
        {v && (
          <Flex vertical gap={16}>
            <Alert
              type={v.passed ? 'success' : 'warning'}
              showIcon
              title={
                v.passed
                  ? `${v.year}年度验证：通过（已认定 ${v.totalRecognised} 学时，要求 ${v.totalRequired} 学时）`
                  : `${v.year}年度验证：未通过（已认定 ${v.totalRecognised} 学时，要求 ${v.totalRequired} 学时）`
              }
              description={
                <>
                  {v.explanation.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  <Typography.Text type="secondary">
                    适用要求：{v.ruleLabel}；总学时 {v.rule.totalHours}，公需课 {v.rule.publicHours}，专业课{' '}
                    {v.rule.professionalHours}，选修课 {v.rule.electiveHours}（每天折算 {v.rule.hoursPerDay}{' '}
                    学时）。 学时在单位审核同意后即时计入。
                  </Typography.Text>
                </>
              }
            />
            <Row gutter={16}>
              {v.categories.map((c) => (
                <Col key={c.subjectType} xs={24} md={8}>
                  <Card size="small" title={c.label}>
                    <Row gutter={8}>
                      <Col span={8}>
                        <Statistic title="要求" value={c.required} suffix="学时" />
                      </Col>
                      <Col span={8}>
                        <Statistic title="已认定" value={c.recognised} suffix="学时" />
                      </Col>
                      <Col span={8}>
                        <Statistic
                          title="还差"
                          value={c.missing}
                          suffix="学时"
                          styles={{ content: { color: c.missing > 0 ? '#cf1322' : '#389e0d' } }}
                        />
                      </Col>
                    </Row>
                    <Progress
                      percent={
                        c.required > 0 ? Math.min(100, Math.round((c.recognised / c.required) * 100)) : 100
                      }
                      status={c.missing > 0 ? 'active' : 'success'}
                    />
                    <Typography.Text type="secondary">已认定 {c.courses} 门</Typography.Text>
                  </Card>
                </Col>
              ))}
            </Row>
          </Flex>
        )}
      </Card>
      <Card title={`${data?.year ?? ''}年度继续教育记录`}>
        <Table<HoursRecordDto>
          rowKey="id"
          columns={fitColumns(columns)}
          dataSource={data?.records ?? []}
          loading={loading}
          // the server sends one page; the verdict above covers the whole year
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal,
            onChange: (page, pageSize) =>
              setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          }}
          tableLayout="auto"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="该年度暂无继续教育记录" /> }}
        />
      </Card>
    </Flex>
  );
}
