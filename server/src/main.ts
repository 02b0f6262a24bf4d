import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './core/config';
import { openDatabase } from './core/db';
import { purgeExpiredSessions } from './core/session';
import { smsGatewayFor } from './core/sms-gateway';
import { seedDemo } from './seed/demo';

const config = loadConfig();
// refuse to start before touching the database: in production the outbox needs SMS_GATEWAY=outbox
let smsGateway: ReturnType<typeof smsGatewayFor>;
try {
  smsGateway = smsGatewayFor(config);
} catch (error) {
  console.error(`无法启动：${(error as Error).message}`);
  process.exit(1);
}
const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
await seedDemo(database.db, { onlyIfEmpty: true });
const { app } = await buildApp({ database, config, sms: smsGateway.sender });
app.log.info(`短信网关：${smsGateway.label}`);
if (config.demoMode) app.log.warn('演示模式：短信发件箱显示完整的手机号码和验证码（DEMO_MODE=false 关闭）');

const housekeeping = setInterval(() => {
  purgeExpiredSessions(database.db, config).catch((err) => app.log.error({ err }, 'session purge failed'));
}, 10 * 60_000);

async function shutdown() {
  clearInterval(housekeeping);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ host: config.host, port: config.port });
app.log.info(
  `专业技术人员继续教育管理系统已启动：http://${config.host}:${config.port}（数据库：${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）`,
);
