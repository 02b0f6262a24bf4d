import { Alert, Badge, Button, Card, Flex, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAccess } from '../../access';
import { accountApi } from '../../api/account';
import { hrssApi } from '../../api/hrss';
import { type TodoItem, todosApi } from '../../api/todos';

const ROW_STYLE = { padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' };

interface Todo {
  key: string;
  text: string;
  action: string;
  path: string;
  count?: number;
}

/** 欢迎: who is signed in and a short to-do list (待办事项) built from what the actor may do. */
export function HomePage() {
  const { session, can } = useAccess();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<{ agencies: number; realname: number }>({ agencies: 0, realname: 0 });
  const [serverTodos, setServerTodos] = useState<TodoItem[]>([]);
  const who = session ? `${session.account.id}:${session.actingUnit?.id ?? ''}` : null;

  const mayRespond = can('agent.respond');
  const mayReview = can('realname.review');
  useEffect(() => {
    if (mayRespond) {
      accountApi
        .agencies()
        .then(({ items }) =>
          setCounts((c) => ({ ...c, agencies: items.filter((i) => i.status === 'pending').length })),
        )
        .catch(() => {});
    }
    if (mayReview) {
      hrssApi
        .realnameApplications({ status: 'pending', page: 1, pageSize: 1 })
        .then(({ total }) => setCounts((c) => ({ ...c, realname: total })))
        .catch(() => {});
    }
  }, [mayRespond, mayReview]);

  // 待办 the server knows: profile and binding, records to fix or send, hours missing, staff and records to handle
  useEffect(() => {
    if (!who) return;
    todosApi
      .list()
      .then(({ items }) => setServerTodos(items))
      .catch(() => setServerTodos([]));
  }, [who]);

  if (!session) return null;
  const todos: Todo[] = [];
  if (session.actorKind === 'person' && session.account.realnameLevel === 1) {
    todos.push({
      key: 'realname',
      text: '您尚未完成二级实名认证，请前往【账号中心】进行实名认证。通过后方可被单位绑定为经办人或注册单位账号。',
      action: '去实名认证',
      path: '/account/realname',
    });
  }
  if (counts.agencies > 0) {
    todos.push({
      key: 'agencies',
      text: `您有 ${counts.agencies} 条单位绑定申请待处理。`,
      action: '去处理',
      path: '/account/agencies',
    });
  }
  if (counts.realname > 0) {
    todos.push({
      key: 'review',
      text: `有 ${counts.realname} 条实名认证申请待审核。`,
      action: '去审核',
      path: '/hrss/realname',
    });
  }

  todos.push(...serverTodos);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3}>欢迎使用专业技术人员继续教育管理系统</Typography.Title>
        <Typography.Paragraph>
          {session.account.displayName}（{session.account.loginName}）
          {session.actingUnit ? `，您正在以“${session.actingUnit.name}”经办人身份办理业务。` : '，您好！'}
        </Typography.Paragraph>
        {session.actorKind === 'unit' && (
          <Alert
            type="info"
            showIcon
            title="单位账号本身不能为本单位工作人员办理相关业务，请在【子账号信息】中绑定经办人的个人账号并授权，由经办人以个人账号登录后选择本单位办理。"
          />
        )}
      </Card>
      <Card title="待办事项">
        {todos.length === 0 ? (
          <Typography.Text type="secondary">暂无待办事项</Typography.Text>
        ) : (
          <Flex vertical>
            {todos.map((todo) => (
              <Flex key={todo.key} align="center" justify="space-between" gap={16} style={ROW_STYLE}>
                <Space>
                  {todo.count !== undefined && todo.count > 0 && todo.key !== 'hours.missing' && (
                    <Badge count={todo.count} overflowCount={999} />
                  )}
                  <span>{todo.text}</span>
                </Space>
                <Button type="link" onClick={() => navigate(todo.path)}>
                  {todo.action}
                </Button>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
