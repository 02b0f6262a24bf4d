import { QUALIFICATION_STATE_LABELS, type WorkflowState } from '@ce/shared';
import { App, Button, Drawer, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import {
  type QualificationDetail,
  type QualificationItem,
  qualificationsApi,
} from '../../../api/institutions';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction } from '../../../components/ListPage';
import { QualificationView } from '../../authority/qualification-review/components/QualificationView';
import { QualificationModal } from './QualificationModal';

const EDITABLE: WorkflowState[] = ['draft', 'returned'];

/**
 * 专业培训资格申请: one row per 申请培训专业 (专业系列 + 专业概述), each reviewed on its own by the
 * industry authority of that series in the institution's city, else the province's. 新增 / 修改 /
 * 删除 while 草稿 or 退案, 送审, 回收. A 省级 institution's qualification passes at 送审.
 */
export function QualificationsPage() {
  const { modal, message } = App.useApp();
  const onError = useApiError();
  const list = useRef<ListPageAction>(null);
  const [editing, setEditing] = useState<QualificationItem | null>(null);
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<QualificationDetail | null>(null);
  const [viewOpen, setViewOpen] = useState(false);
  const reload = () => list.current?.reload();

  const act = (title: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      onOk: async () => {
        try {
          await run();
          void message.success(done);
          reload();
        } catch (error) {
          onError(error);
        }
      },
    });

  const view = (id: string) => {
    setViewing(null);
    setViewOpen(true);
    qualificationsApi.get(id).then(setViewing).catch(onError);
  };

  return (
    <>
      <ListPage<QualificationItem>
        title="申请培训专业"
        rowKey="id"
        paginated={false}
        actionRef={list}
        description="每个专业系列单独送审，由本市该专业系列的行业主管部门审核（本市未开通时由省级审核）；省级的机构默认通过。审核通过后即可申请该专业系列的专业课计划。"
        toolbar={
          <Button type="primary" onClick={() => setAdding(true)}>
            新增
          </Button>
        }
        request={() => qualificationsApi.list()}
        columns={[
          { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
          { title: '专业名称', dataIndex: 'series' },
          { title: '专业概述', dataIndex: 'overview' },
          { title: '所属行业', dataIndex: 'industry', render: (v: string | null) => v ?? '-' },
          { title: '审核部门', dataIndex: 'reviewerUnitName', render: (v: string | null) => v ?? '-' },
          { title: '审核环节', dataIndex: 'step', render: (v: string | null) => v ?? '-' },
          {
            title: '审核状态',
            dataIndex: 'state',
            render: (v: WorkflowState) => QUALIFICATION_STATE_LABELS[v],
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, row) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => view(row.id)}>
                  查看
                </Button>
                {EDITABLE.includes(row.state) && (
                  <>
                    <Button type="link" size="small" onClick={() => setEditing(row)}>
                      修改
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        act(
                          `确定将“${row.series}”送审吗？`,
                          () => qualificationsApi.submit(row.id),
                          '送审成功',
                        )
                      }
                    >
                      送审
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() =>
                        act(`确定删除“${row.series}”吗？`, () => qualificationsApi.remove(row.id), '删除成功')
                      }
                    >
                      删除
                    </Button>
                  </>
                )}
                {row.state === 'submitted' && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      act(`确定回收“${row.series}”吗？`, () => qualificationsApi.withdraw(row.id), '回收成功')
                    }
                  >
                    回收
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <QualificationModal
        open={adding || editing !== null}
        editing={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onSaved={() => {
          setAdding(false);
          setEditing(null);
          void message.success('保存成功');
          reload();
        }}
      />
      <Drawer
        open={viewOpen}
        onClose={() => setViewOpen(false)}
        title="专业培训资格申请查看"
        size={1100}
        destroyOnHidden
      >
        {viewing ? <QualificationView detail={viewing} /> : <Spin />}
      </Drawer>
    </>
  );
}
