import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { approveSql, type Bare, certificateSql, listSql, pendingSql, poolBare, verifySql } from './bare-sql';

/**
 * The bare server of the HTTP part (`npm run bench` starts it as a child process): Fastify and
 * one pg Pool of the app's size, one route per measured page running the minimal SQL for it
 * (bare-sql.ts) as named prepared statements. No session, no validation, no logging — who is
 * asking comes in the URL. The figure the app is compared with.
 */

const url = process.env.BARE_DATABASE_URL;
if (!url) throw new Error('BARE_DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BARE_POOL_SIZE ?? 10) });

const names = new Map<string, string>();
const named = (text: string) => {
  let name = names.get(text);
  if (!name) {
    name = `bare_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
};
const db: Bare = poolBare(pool, named);

type Q = Record<string, string>;
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/records/mine', async (req) => listSql(db, (req.query as Q).professionalId));
app.get('/review/records', async (req) => pendingSql(db, (req.query as Q).unitId));
app.post('/review/records/:id/review', async (req) => {
  const { unitId, agentId } = req.body as Q;
  await approveSql(db, (req.params as Q).id, { id: agentId, unitId });
  return { ok: true };
});
app.get('/certificates/:number', async (req, reply) => {
  const row = await verifySql(db, (req.params as Q).number);
  return row ?? reply.code(404).send({ message: '证书编号不存在' });
});
app.get('/certificates/:professionalId/:year/pdf', async (req, reply) => {
  const p = req.params as Q;
  const found = await certificateSql(db, p.professionalId, Number(p.year));
  return found.person ? found : reply.code(404).send({ message: '人员不存在' });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
