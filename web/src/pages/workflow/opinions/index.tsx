import { App, Button, Card, Flex, Popconfirm, Space, Switch, type TableColumnsType, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { type ReviewOpinion, workflowApi } from '../../../api/workflow';
import { ListPage, type ListPageAction, WRAP_COLUMN } from '../../../components/ListPage';
import { OpinionModal } from './components/OpinionModal';

const TWO_REVIEWERS = '本单位至少有2人审核后此记录才能作最终记录';

/** 审核设置: the 广州 two-reviewer rule (manual 004), per org. */
function ReviewSettings() {
  const { message } = App.useApp();
  const onError = useApiError();
  const [twoReviewers, setTwoReviewers] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    workflowApi
      .settings()
      .then((s) => setTwoReviewers(s.twoReviewers))
      .catch(onError);
  }, [onError]);

  const change = async (next: boolean) => {
    setSaving(true);
    try {
      const saved = await workflowApi.saveSettings({ twoReviewers: next });
      setTwoReviewers(saved.twoReviewers);
      void message.success(saved.twoReviewers ? `已启用：${TWO_REVIEWERS}` : '已关闭两人审核');
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="审核设置">
      <Space>
        <Switch
          id="twoReviewers"
          checked={twoReviewers ?? false}
          loading={twoReviewers === null || saving}
          onChange={change}
        />
        <label htmlFor="twoReviewers">{TWO_REVIEWERS}</label>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        启用后，本单位审核的记录须由两名不同的经办人先后审核同意才生效。
      </Typography.Paragraph>
    </Card>
  );
}

/** 批注管理 (SPEC §5, manual 004 系统设置): the org's canned 审核意见, offered on every review page. */
export function OpinionsPage() {
  const list = useRef<ListPageAction>(null);
  const onError = useApiError();
  const [editing, setEditing] = useState<ReviewOpinion | null | undefined>(undefined);

  const remove = async (id: string) => {
    try {
      await workflowApi.deleteOpinion(id);
      list.current?.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<ReviewOpinion> = [
    { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
    { title: '批注内容', dataIndex: 'text', className: WRAP_COLUMN },
    { title: '排序', dataIndex: 'sortOrder', width: 80 },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 140,
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            修改
          </Button>
          <Popconfirm title="确定删除此批注吗？" onConfirm={() => remove(row.id)}>
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <ReviewSettings />
      <ListPage<ReviewOpinion>
        title="批注管理"
        rowKey="id"
        columns={columns}
        paginated={false}
        actionRef={list}
        request={async () => {
          const { items } = await workflowApi.opinions();
          return { items, total: items.length, page: 1, pageSize: items.length };
        }}
        toolbar={
          <Button type="primary" onClick={() => setEditing(null)}>
            新增
          </Button>
        }
      />
      <OpinionModal
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.current?.reload();
        }}
      />
    </Flex>
  );
}
