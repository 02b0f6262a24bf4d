import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';

/** The end of a public flow (注册成功, 密码重置成功): what happened and a 去登录 button. */
export function DoneCard({ title, subTitle }: { title: string; subTitle: string }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title={title}
        subTitle={subTitle}
        extra={
          <Button type="primary" onClick={() => navigate('/login')}>
            去登录
          </Button>
        }
      />
    </Card>
  );
}
