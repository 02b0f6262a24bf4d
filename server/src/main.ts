import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './core/config';
import { openDatabase } from './core/db';
import { openFileStore } from './core/file-store.open';
import { purgeExpiredSessions } from './core/session';
import { closeServer, exitOnFatal, onStopSignal } from './core/shutdown';
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
// one store for the demo's attachments and the app (closed with the app)
const files = openFileStore(config);
await seedDemo(database.db, { onlyIfEmpty: true, files });
const { app, readiness } = await buildApp({ database, config, files, sms: smsGateway.sender });
exitOnFatal(app.log);
app.log.info(`短信网关：${smsGateway.label}`);
if (config.demoMode) app.log.warn('演示模式：短信发件箱显示完整的手机号码和验证码（DEMO_MODE=false 关闭）');

const housekeeping = setInterval(() => {
  purgeExpiredSessions(database.db, config).catch((err) => app.log.error({ err }, 'session purge failed'));
}, 10 * 60_000);

// SIGTERM/SIGINT: /readyz turns 503, no new connections, the requests in flight finish (at most
// SHUTDOWN_TIMEOUT_SECONDS), then background work stops and the pool closes; exit 0.
onStopSignal(app.log, async (signal) => {
  app.log.info(`收到 ${signal}，正在停止服务…`);
  readiness.drain();
  clearInterval(housekeeping);
  // app.close() also stops the job queue (its onClose hook): running jobs finish, none is taken
  await closeServer(app, config.shutdownTimeoutSeconds * 1000);
  await database.close();
  app.log.info('服务已停止');
});

await app.listen({ host: config.host, port: config.port });
app.log.info(
  `专业技术人员继续教育管理系统已启动：http://${config.host}:${config.port}（数据库：${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）`,
);
