import { type CertificateRow, type ImportJob, RECORD_IMPORT_COLUMNS, type RecordDetail } from '@ce/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { row as importRow } from '../../server/src/modules/imports/imports.fixtures';
import { recordBody } from '../../server/src/modules/records/records.fixtures';
import { recountOf, type TotalsRow, totalsOf } from '../../server/src/modules/requirements/totals';
import { DEMO_PASSWORD } from '../../server/src/seed/demo';
import { pngBytes } from '../../server/src/test/uploads';
import { type Cluster, startCluster } from './harness';
import { HttpClient, type Sent } from './http';
import { importWorkbook, writeLoad } from './load';
import {
  accountId,
  addStaff,
  pendingRecords,
  recordsNamed,
  recordsPresent,
  type Staff,
  staffOf,
  statesOf,
} from './world';

/**
 * README「部署」, tested: three app processes on one PostgreSQL behind nginx, uploads in an S3 object
 * store (s3rver), rate limits in Redis. The API's main flows go through the proxy and spread over
 * the instances; then one instance is SIGKILLed under write load: no acknowledged write is lost,
 * only requests in flight at that moment fail, and a batch import it was running ends on a survivor.
 */

const INSTANCES = 3;
/** concurrent writers during the kill */
const K = 8;
/** per-IP limit on login (each client below has its own X-Forwarded-For address) */
const AUTH_RATE_LIMIT = 20;
/** a job whose worker died is retried after this (short for the test; see jobs engineer's env) */
const JOB_EXPIRE_SECONDS = 15;
/** how long an import may take to end after the kill: expiry + a retry on a survivor */
const IMPORT_SETTLE_MS = 90_000;
const BIG_IMPORT_ROWS = 6000;
const YEAR = 2025;

const enabled = Boolean(process.env.TEST_DATABASE_URL);
const title = enabled
  ? 'several instances behind nginx'
  : 'several instances behind nginx — skipped: TEST_DATABASE_URL is not set (several instances need a real PostgreSQL)';

if (!enabled) console.info(`skipped: ${title.split('skipped: ')[1]}`);

let c: Cluster;
let unitId: string;
let staff: Staff[];
let ipSeq = 0;

/** A client through the proxy with its own client address. */
function client(baseUrl = c.proxyUrl) {
  ipSeq += 1;
  return new HttpClient(baseUrl, c.db, `198.51.100.${ipSeq}`);
}

async function agent() {
  const a = client();
  await a.login('zhangwei', DEMO_PASSWORD);
  await a.actFor(unitId);
  return a;
}

async function lina() {
  const p = client();
  await p.login('lina', DEMO_PASSWORD);
  return p;
}

async function settled(c0: HttpClient, jobId: string, timeoutMs: number): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  let last: ImportJob | undefined;
  while (Date.now() < deadline) {
    const r = await c0.get<ImportJob>(`/api/imports/records/${jobId}`);
    if (r.status === 200) {
      last = r.body;
      if (['done', 'invalid', 'failed'].includes(r.body.status)) return r.body;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`import ${jobId} still ${last?.status ?? 'unknown'} after ${timeoutMs} ms: stuck`);
}

const sorted = (rows: TotalsRow[]) =>
  [...rows].sort((a, b) => a.year - b.year || a.subjectType.localeCompare(b.subjectType));

describe.skipIf(!enabled)(title, () => {
  beforeAll(async () => {
    c = await startCluster({
      instances: INSTANCES,
      env: {
        AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT),
        // a job whose instance died is taken as lost after this long and retried on a survivor
        JOB_EXPIRE_SECONDS: String(JOB_EXPIRE_SECONDS),
        JOB_SUPERVISE_SECONDS: '1',
      },
    });
    unitId = await accountId(c.db, 'gdjs_unit');
    staff = await addStaff(c.db, unitId, 30);
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
  });

  it('every instance is alive and ready (/healthz, /readyz)', async () => {
    for (const i of c.instances) {
      for (const path of ['/healthz', '/readyz']) {
        const res = await fetch(`${i.url}${path}`);
        expect(res.status, `${path} of instance ${i.index}`).toBe(200);
      }
    }
  });

  it("the main flows go through the proxy, spread over the instances, and files are every instance's", async () => {
    const person = await lina();
    const employer = await agent();

    // 添加 → 附件材料上传 → 确认送审
    const created = await person.post<RecordDetail>(
      '/api/records',
      recordBody({ courseName: '集群演示课程' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const proof = pngBytes();
    const file = await person.upload<{ id: string }>(
      '/api/files',
      { purpose: 'ce_record' },
      {
        name: '学时证明.png',
        bytes: proof,
      },
    );
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    const attached = await person.post<RecordDetail>(`/api/records/${created.body.id}/attachments`, {
      fileId: file.body.id,
      name: '学时证明',
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    const sent = await person.post<RecordDetail>(`/api/records/${created.body.id}/submit`);
    expect(sent.body).toMatchObject({ state: 'submitted', reviewerUnitName: '广东建设工程咨询有限公司' });

    // the employer's agent sees it in 继续教育记录认定 and approves it
    const todo = await employer.get<{ items: { id: string }[] }>('/api/review/records');
    expect(todo.body.items.map((i) => i.id)).toContain(created.body.id);
    const approved = await employer.post<RecordDetail>(`/api/review/records/${created.body.id}/review`, {
      decision: 'approve',
      recognisedHours: 12,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await person.get<RecordDetail>(`/api/records/${created.body.id}`)).body.state).toBe('approved');

    // 继续教育证书打印: 李娜 passes 2025 in the demo data
    const certs = await employer.get<{ items: CertificateRow[] }>(
      `/api/employer/certificates?year=${YEAR}&name=${encodeURIComponent('李娜')}`,
    );
    const row = certs.body.items.find((r) => r.name === '李娜');
    expect(row?.passed).toBe(true);
    const pdf = await employer.get(`/api/certificates/${row?.professionalId}/${YEAR}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 4).toString()).toBe('%PDF');

    // 继续教育记录批量申报: the downloaded template, filled in, imports
    const template = await employer.get('/api/imports/records/template');
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('继续教育记录');
    if (!sheet) throw new Error('the template has no sheet 继续教育记录');
    const headers = RECORD_IMPORT_COLUMNS.map((_col, n) =>
      String(sheet.getRow(1).getCell(n + 1).value).replace('*', ''),
    );
    expect(headers).toEqual(RECORD_IMPORT_COLUMNS.map((col) => col.header));
    staff.slice(0, 5).forEach((p, n) => {
      const values = importRow({ 姓名: p.name, 公民身份号码: p.idNumber, 课程名称: `集群模板课程${n + 1}` });
      RECORD_IMPORT_COLUMNS.forEach((col, k) => {
        sheet.getRow(n + 2).getCell(k + 1).value = values[col.header] ?? null;
      });
    });
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const started = await employer.upload<{ jobId: string }>(
      '/api/imports/records',
      {},
      {
        name: '继续教育记录.xlsx',
        bytes: filled,
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const job = await settled(employer, started.body.jobId, 60_000);
    expect(job).toMatchObject({ status: 'done', totalRows: 5, importedRows: 5 });
    expect(await recordsNamed(c.db, '集群模板课程')).toBe(5);

    // nginx really spread the requests: every instance answered some of them
    const served = new Map(c.instances.map((i) => [i.addr, 0]));
    for (const line of c.accessLog()) {
      const last = line.upstreams.at(-1);
      if (last && served.has(last) && line.status < 500) served.set(last, (served.get(last) ?? 0) + 1);
    }
    for (const [addr, n] of served) expect(n, `requests answered by ${addr}`).toBeGreaterThan(0);

    // the attachment downloads from every instance, whichever stored it (a shared object store)
    for (const i of c.instances) {
      for (const who of [person, employer]) {
        const res = await who.via(i.url).get(`/api/files/${file.body.id}`);
        expect(res.status, `instance ${i.index}: ${res.bytes.toString('utf8', 0, 200)}`).toBe(200);
        expect(res.bytes.equals(proof), `instance ${i.index} answers the uploaded bytes`).toBe(true);
      }
    }
  });

  it('keeps the login rate limit per client address across instances (Redis)', async () => {
    const knocker = client();
    const statuses: number[] = [];
    // bad credentials (no captcha): each is refused, but counted against this address first
    for (let n = 0; n < AUTH_RATE_LIMIT + 3; n += 1) {
      statuses.push((await knocker.post('/api/auth/login', { loginName: 'nobody', password: 'x' })).status);
    }
    expect(statuses.slice(0, AUTH_RATE_LIMIT).filter((s) => s === 429)).toEqual([]);
    // one counter for the address, whichever instance nginx chose: the limit holds for the whole site
    expect(statuses.slice(AUTH_RATE_LIMIT)).toEqual([429, 429, 429]);
    // another address is not affected
    expect((await client().post('/api/auth/login', { loginName: 'nobody', password: 'x' })).status).not.toBe(
      429,
    );
  });

  it('loses no acknowledged write when an instance is SIGKILLed under load, and its import ends on a survivor', async () => {
    const victim = c.instances[1];
    const survivors = c.instances.filter((i) => i !== victim);
    const pending = await pendingRecords(c.db, unitId, staff, 600);
    const agents = await Promise.all(Array.from({ length: K / 2 }, () => agent()));
    const persons = await Promise.all(Array.from({ length: K / 2 }, () => lina()));
    const bigBook = await importWorkbook(staff, BIG_IMPORT_ROWS, '集群导入课程');
    const load = writeLoad(agents, persons, pending);

    await new Promise((r) => setTimeout(r, 1_500));
    // the import goes to the victim itself: before jobs are durable it runs there, in process
    const importer = agents[0].via(victim.url);
    const upload = await importer.upload<{ jobId: string }>(
      '/api/imports/records',
      {},
      {
        name: '大批量.xlsx',
        bytes: bigBook,
      },
    );
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const before = await agents[0].get<ImportJob>(`/api/imports/records/${upload.body.jobId}`);
    await new Promise((r) => setTimeout(r, 300));
    const { killedAt, exitedAt } = await c.kill(victim.index);
    // longer than nginx's fail_timeout: it tries the dead instance again, and passes the request on
    const { approvals, declarations } = await load.stopAt(exitedAt + 4_000);

    const sent: Sent[] = [...agents, ...persons].flatMap((w) => w.sent).filter((s) => s.method === 'POST');
    const failed = sent.filter((s) => s.status < 200 || s.status >= 300);
    console.info(
      `kill after ${killedAt - sent[0].start} ms of load (gone ${exitedAt - killedAt} ms later): ${approvals.length} approvals and ${declarations.length} declarations acknowledged, ${failed.length} of ${sent.length} writes failed; import was ${before.body.status}`,
    );

    // every acknowledged write is in the database
    const states = await statesOf(
      c.db,
      approvals.map((a) => a.id),
    );
    const lost = approvals.filter((a) => states.get(a.id) !== 'approved');
    expect(lost, 'acknowledged approvals missing').toEqual([]);
    expect(approvals.length).toBeGreaterThan(0);
    expect(declarations.length).toBeGreaterThan(0);
    expect(
      await recordsPresent(
        c.db,
        declarations.map((d) => d.id),
      ),
    ).toBe(declarations.length);

    // only requests in flight at the kill failed; everything after it succeeded on the survivors
    expect(failed.length, JSON.stringify(failed)).toBeLessThanOrEqual(K);
    for (const f of failed) {
      expect(f.start <= exitedAt && f.end >= killedAt, `failed outside the kill: ${JSON.stringify(f)}`).toBe(
        true,
      );
    }
    const after = sent.filter((s) => s.start > exitedAt);
    expect(after.length, 'writes went on after the kill').toBeGreaterThanOrEqual(K);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
    const lateUpstreams = new Set(
      c
        .accessLog()
        .filter((l) => l.at > exitedAt + 100 && l.status < 500)
        .map((l) => l.upstreams.at(-1)),
    );
    for (const s of survivors)
      expect(lateUpstreams.has(s.addr), `${s.addr} served after the kill`).toBe(true);
    expect(lateUpstreams.has(victim.addr)).toBe(false);

    // the import had not ended when its instance died, and it ends now, on a survivor
    expect(['done', 'invalid', 'failed'], 'the import was still running at the kill').not.toContain(
      before.body.status,
    );
    const job = await settled(agents[1], upload.body.jobId, IMPORT_SETTLE_MS);
    expect(['done', 'failed'], `import ended ${job.status}: ${job.message}`).toContain(job.status);
    const imported = await recordsNamed(c.db, '集群导入课程');
    if (job.status === 'done') {
      expect(job).toMatchObject({ totalRows: BIG_IMPORT_ROWS, importedRows: BIG_IMPORT_ROWS });
      expect(imported, 'every row once').toBe(BIG_IMPORT_ROWS);
    } else {
      expect(job.message, 'a failed import says why').toBeTruthy();
      expect(imported, 'a failed import leaves no row').toBe(0);
    }

    // the kept totals equal a recount for every professional of the employer
    for (const id of await staffOf(c.db, unitId)) {
      expect(sorted(await totalsOf(c.db, id)), `totals of ${id}`).toEqual(sorted(await recountOf(c.db, id)));
    }
  });
});
