import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoModeFrom } from '../../core/demo-mode';
import { smsGatewayFor } from '../../core/sms-gateway';
import { Client } from '../../test/client';
import { hrssOperator, makePerson } from '../../test/factories';
import { lastSmsCode, startTestApp, type TestApp } from '../../test/harness';

/** 短信发件箱: live codes only in demo mode; production must name its SMS gateway. */

type Outbox = { items: { phone: string; content: string }[]; total: number; demoMode: boolean };

async function outboxAfterReset(t: TestApp) {
  const p = await makePerson(t);
  expect((await new Client(t).requestResetCode(p.loginName, p.phone)).status).toBe(200);
  const hrss = (await hrssOperator(t)).client;
  const r = await hrss.get<Outbox>(`/api/admin/sms-outbox?phone=${p.phone}`);
  expect(r.status).toBe(200);
  expect(r.body.total).toBe(1);
  return { phone: p.phone, code: await lastSmsCode(t, p.phone), page: r.body };
}

describe('outside demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoMode: false });
  });
  afterAll(() => t.close());

  it('masks the phone and hides the code from the operator', async () => {
    const { phone, code, page } = await outboxAfterReset(t);
    expect(code).toMatch(/^\d{6}$/);
    expect(page.demoMode).toBe(false);
    const [m] = page.items;
    expect(m.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(m.content).toContain('验证码：******，10分钟内有效');
    expect(m.content).not.toContain(code);
    expect(JSON.stringify(page)).not.toContain(phone);
  });
});

describe('in demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoMode: true });
  });
  afterAll(() => t.close());

  it('shows the phone and the live code, and says it is a demo', async () => {
    const { phone, code, page } = await outboxAfterReset(t);
    expect(page.demoMode).toBe(true);
    expect(page.items[0].phone).toBe(phone);
    expect(page.items[0].content).toContain(`验证码：${code}，10分钟内有效`);
  });
});

describe('the SMS gateway at start', () => {
  it('refuses the outbox in production unless SMS_GATEWAY=outbox says so', () => {
    expect(() => smsGatewayFor({ production: true, smsGateway: null })).toThrow(/请设置 SMS_GATEWAY/);
    expect(smsGatewayFor({ production: true, smsGateway: 'outbox' }).name).toBe('outbox');
    expect(smsGatewayFor({ production: false, smsGateway: null }).name).toBe('outbox');
    expect(() => smsGatewayFor({ production: false, smsGateway: 'aliyun' })).toThrow(
      /SMS_GATEWAY 的值“aliyun”不是已知的短信网关/,
    );
  });

  it('turns demo mode on only for the embedded database outside production, unless DEMO_MODE says', () => {
    expect(demoModeFrom({}, null)).toBe(true);
    expect(demoModeFrom({}, 'postgres://x/ce')).toBe(false);
    expect(demoModeFrom({ NODE_ENV: 'production' }, null)).toBe(false);
    expect(demoModeFrom({ NODE_ENV: 'production', DEMO_MODE: 'true' }, null)).toBe(true);
    expect(demoModeFrom({ DEMO_MODE: 'false' }, null)).toBe(false);
    expect(() => demoModeFrom({ DEMO_MODE: 'yes' }, null)).toThrow(/DEMO_MODE 应为 true 或 false/);
  });

  it('the server process exits at once in production without SMS_GATEWAY', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ce-prod-'));
    try {
      const root = resolve(__dirname, '../../../..');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        PORT: '1',
        LOG_LEVEL: 'silent',
      };
      delete env.SMS_GATEWAY;
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('无法启动：生产环境（NODE_ENV=production）未配置短信网关');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
