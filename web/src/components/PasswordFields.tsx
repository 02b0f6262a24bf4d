import { LOGIN_NAME_HINT, loginName, PASSWORD_HINT, password } from '@ce/shared';
import { Form, Input } from 'antd';
import { confirmRule, zodRule } from '../forms';

/** 密码 + 确认密码 with the manual's hint (SPEC §2 password policy, checked by the shared rule). */
export function PasswordFields({ name = 'password', label = '密码' }: { name?: string; label?: string }) {
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={PASSWORD_HINT}
        // an empty field is asked for by its own name (请输入新密码), the policy by the shared rule
        rules={[{ required: true, message: `请输入${label}` }, zodRule(password, false)]}
      >
        <Input.Password placeholder={PASSWORD_HINT} autoComplete="new-password" maxLength={16} />
      </Form.Item>
      <Form.Item name="confirmPassword" label="确认密码" dependencies={[name]} rules={[confirmRule(name)]}>
        <Input.Password placeholder="重复输入登录密码" autoComplete="new-password" maxLength={16} />
      </Form.Item>
    </>
  );
}

/** 登录账号 of a new account, with the manual's hint (letters, digits, underscore). */
export function LoginNameField({ autoComplete }: { autoComplete: string }) {
  return (
    <Form.Item name="loginName" label="登录账号" extra={LOGIN_NAME_HINT} rules={[zodRule(loginName)]}>
      <Input placeholder={LOGIN_NAME_HINT} autoComplete={autoComplete} maxLength={30} />
    </Form.Item>
  );
}
