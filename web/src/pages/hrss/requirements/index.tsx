import { App, Button, Flex, Popconfirm, Space, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useAccess } from '../../../access';
import { type RequirementRuleDto, requirementsApi } from '../../../api/requirements';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, WRAP_COLUMN } from '../../../components/ListPage';
import { formatDateTime } from '../../../format';
import { RecountCard } from './components/RecountCard';
import { RuleModal } from './components/RuleModal';

type Row = RequirementRuleDto & { key: string };

const years = (r: RequirementRuleDto) =>
  r.toYear === null
    ? `${r.fromYear}年起`
    : r.toYear === r.fromYear
      ? `${r.fromYear}年`
      : `${r.fromYear}—${r.toYear}年`;

function statusTag(r: RequirementRuleDto) {
  if (r.isDefault) return <Tag>系统默认</Tag>;
  return r.active ? <Tag color="success">生效</Tag> : <Tag>已停用</Tag>;
}

/** 年度学时要求设置 (HRSS, SPEC §7): versioned rules by year, with series and region overrides. */
export function RequirementsPage() {
  const { message } = App.useApp();
  const { can } = useAccess();
  const onError = useApiError();
  const list = useRef<ListPageAction>(null);
  const [history, setHistory] = useState(false);
  const [scope, setScope] = useState<{ code: string | null; name: string }>({ code: null, name: '全省' });
  const [editing, setEditing] = useState<{ rule: RequirementRuleDto | null } | null>(null);

  const deactivate = async (row: RequirementRuleDto) => {
    try {
      const r = await requirementsApi.deactivateRule(row.id ?? '');
      void message.success(r.message ?? '已停用');
      list.current?.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: '适用年度', key: 'years', render: (_, r) => years(r) },
    { title: '专业系列', dataIndex: 'series', render: (_, r) => r.series ?? '全部专业系列' },
    { title: '适用地区', dataIndex: 'regionName' },
    { title: '总学时', dataIndex: 'totalHours' },
    { title: '公需课', dataIndex: 'publicHours' },
    { title: '专业课', dataIndex: 'professionalHours' },
    { title: '选修课', dataIndex: 'electiveHours' },
    { title: '每天折算学时', dataIndex: 'hoursPerDay' },
    { title: '版本', dataIndex: 'version', render: (_, r) => (r.isDefault ? '—' : `第${r.version}版`) },
    { title: '状态', key: 'status', render: (_, r) => statusTag(r) },
    { title: '设置人', dataIndex: 'createdByName' },
    { title: '设置时间', dataIndex: 'createdAt', render: (_, r) => formatDateTime(r.createdAt) },
    { title: '备注', dataIndex: 'note', className: WRAP_COLUMN },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, r) => {
        if (r.isDefault) {
          return scope.code === null ? (
            <Button type="link" size="small" onClick={() => setEditing({ rule: r })}>
              以此新增
            </Button>
          ) : null;
        }
        if (!r.editable) return null;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing({ rule: r })}>
              修改
            </Button>
            <Popconfirm
              title="确定停用该学时要求吗？停用后将按系统默认或更大范围的要求执行。"
              onConfirm={() => deactivate(r)}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      {can('totals.recount') && <RecountCard />}
      <ListPage<Row>
        title="年度学时要求设置"
        rowKey="key"
        columns={columns}
        paginated={false}
        actionRef={list}
        description={
          <Typography.Paragraph type="secondary">
            人社部门可按年度设置学时要求，并可按专业系列、地区单独设置；同一人员适用最具体的一条（专业系列优先于地区，地区越小越优先），未设置时按系统默认执行：2020年及以前每年72学时（公需课18、专业课42、选修课12），2021年起每年90学时（公需课30、专业课42、选修课18）。
          </Typography.Paragraph>
        }
        toolbar={
          <Space>
            <span>
              显示历史版本{' '}
              <Switch
                size="small"
                checked={history}
                onChange={(v) => {
                  setHistory(v);
                  list.current?.reload();
                }}
              />
            </span>
            <Button type="primary" onClick={() => setEditing({ rule: null })}>
              新增
            </Button>
          </Space>
        }
        request={async () => {
          const r = await requirementsApi.rules(history);
          setScope({ code: r.scopeRegionCode, name: r.scopeRegionName });
          const items = r.items.map((i, n) => ({ ...i, key: i.id ?? `default-${n}` }));
          return { ...r, items };
        }}
      />
      <RuleModal
        open={editing !== null}
        rule={editing?.rule ?? null}
        scopeRegionCode={scope.code}
        scopeRegionName={scope.name}
        onClose={() => setEditing(null)}
        onSaved={(msg) => {
          setEditing(null);
          void message.success(msg);
          list.current?.reload();
        }}
      />
    </Flex>
  );
}
