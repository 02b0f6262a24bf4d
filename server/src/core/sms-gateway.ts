import { maskPhone } from '@ce/shared';
import type { Config } from './config';
import { outboxSmsSender, type SmsSender } from './sms';

/** The gateways this build knows by name (SMS_GATEWAY). A real one adds its adapter here. */
const GATEWAYS: Record<string, { sender: SmsSender; label: string }> = {
  outbox: { sender: outboxSmsSender, label: 'outbox（写入短信发件箱，短信未真正发送）' },
};

export interface SmsGateway {
  name: string;
  sender: SmsSender;
  /** for the start-up log line 「短信网关：…」 */
  label: string;
}

/**
 * The SMS gateway the app starts with, or a Chinese error saying why it may not start. In
 * production (NODE_ENV=production) the outbox is taken only when SMS_GATEWAY=outbox says so:
 * anyone who can read the outbox could otherwise reset any password with the codes in it.
 */
export function smsGatewayFor(config: Pick<Config, 'smsGateway' | 'production'>): SmsGateway {
  if (config.production && config.smsGateway === null) {
    throw new Error(
      '生产环境（NODE_ENV=production）未配置短信网关：请设置 SMS_GATEWAY。' +
        '默认的 outbox 网关不发送短信，只把验证码写入短信发件箱；确需使用时请显式设置 SMS_GATEWAY=outbox',
    );
  }
  const name = config.smsGateway ?? 'outbox';
  const gateway = GATEWAYS[name];
  if (!gateway) {
    throw new Error(
      `环境变量 SMS_GATEWAY 的值“${name}”不是已知的短信网关（可用：${Object.keys(GATEWAYS).join('、')}）`,
    );
  }
  return { name, ...gateway };
}

/**
 * 短信发件箱 as an operator sees it: outside demo mode the phone is masked (186****3271) and the
 * code is hidden, so reading the outbox does not let anyone reset someone else's password.
 */
export function presentOutboxMessage<M extends { phone: string; content: string }>(
  m: M,
  demoMode: boolean,
): M {
  if (demoMode) return m;
  return { ...m, phone: maskPhone(m.phone), content: m.content.replace(/验证码：\d+/g, '验证码：******') };
}
