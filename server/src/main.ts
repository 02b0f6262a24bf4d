import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './core/config';
import { openDatabase } from './core/db';
import { purgeExpiredSessions } from './core/session';
import { seedDemo } from './seed/demo';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
await seedDemo(database.db, { onlyIfEmpty: true });
const { app } = await buildApp({ db: database.db, config, poolStats: database.poolStats });

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
