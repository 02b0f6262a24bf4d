import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { FILE_MAX_BYTES } from '@ce/shared';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, importJobs } from '../db/schema';
import type { Client } from '../test/client';
import { loggedIn, makePerson } from '../test/factories';
import { startTestApp, type TestApp } from '../test/harness';
import { multipart, pngBytes } from '../test/uploads';
import { makeEmployer, type TestEmployer } from '../test/world';

let t: TestApp;
let person: Client;
let employer: TestEmployer;
beforeAll(async () => {
  t = await startTestApp();
  person = await loggedIn(t, await makePerson(t, { level: 1 }));
  employer = await makeEmployer(t);
});
afterAll(() => t.close());

/** A PDF of exactly `size` bytes. */
const pdf = (size: number) => {
  const bytes = Buffer.alloc(size);
  bytes.write('%PDF-1.4\n');
  return bytes;
};

/**
 * Posts a raw body with the client's session, handed to the server in the given pieces (as a
 * network would): where a piece ends decides what the multipart parser sees at its size limit.
 */
async function postRaw(c: Client, url: string, contentType: string, body: Buffer, cuts: number[] = []) {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    pieces.push(body.subarray(from, cut));
    from = cut;
  }
  if (!c.cookies.has('ce_csrf')) await c.get('/api/auth/session');
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': contentType,
      'content-length': String(body.length),
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.cookies.get('ce_csrf') ?? '',
    },
    payload: Readable.from(pieces),
  });
  return { status: res.statusCode, message: String(res.json().message ?? '') };
}

/** Uploads `size` bytes of PDF as an attachment; `cutAt` places piece ends at file-data offsets. */
async function uploadPdf(size: number, cutAt: number[] = [], url = '/api/files', c = person) {
  const { payload, contentType } = multipart({ purpose: 'realname' }, { name: 'a.pdf', bytes: pdf(size) });
  const dataStart = payload.indexOf('%PDF-');
  return postRaw(
    c,
    url,
    contentType,
    payload,
    cutAt.map((n) => dataStart + n),
  );
}

const storedObjects = async () => {
  let n = 0;
  for await (const _ of t.services.files.list()) n += 1;
  return n;
};
const fileRows = async () => (await t.db.select({ n: count() }).from(files))[0].n;

describe('上传大小', () => {
  it('refuses every file over 10MB with 413, however the body arrives, and stores nothing', async () => {
    const rowsBefore = await fileRows();
    const objectsBefore = await storedObjects();
    const max = FILE_MAX_BYTES;
    // pieces ending exactly at the parser's limit are where it only marks the part truncated
    const cuts = [[], [max], [max + 1], [max - 1], [max, max + 1], [1024 * 1024], [max + 512]];
    const answers: string[] = [];
    for (const size of [max + 1024, max + 1]) {
      for (const cut of cuts) {
        const r = await uploadPdf(size, cut);
        answers.push(`${size}@${cut.join('+')}: ${r.status} ${r.message}`);
        expect(r.status, answers.at(-1)).toBe(413);
        expect(r.message).toBe('文件不能超过10MB');
      }
    }
    for (let i = 0; i < 8; i += 1) expect((await uploadPdf(max + 1 + i * 997, [max + i])).status).toBe(413);
    expect(answers.length + 8).toBeGreaterThanOrEqual(20);
    expect(await fileRows()).toBe(rowsBefore);
    expect(await storedObjects()).toBe(objectsBefore);
  });

  it('accepts a file of exactly 10MB, whole', async () => {
    const before = await fileRows();
    for (const cut of [[], [FILE_MAX_BYTES], [FILE_MAX_BYTES - 1]]) {
      const r = await uploadPdf(FILE_MAX_BYTES, cut);
      expect(r.status).toBe(200);
    }
    const sizes = (await t.db.select({ size: files.size }).from(files)).map((f) => f.size);
    expect(sizes.filter((n) => n === FILE_MAX_BYTES)).toHaveLength(3);
    expect(await fileRows()).toBe(before + 3);
  });

  it('refuses an oversized template on 继续教育记录批量申报 the same way, and starts no import', async () => {
    const before = (await t.db.select({ n: count() }).from(importJobs))[0].n;
    for (const cut of [[], [FILE_MAX_BYTES], [FILE_MAX_BYTES + 1]]) {
      const r = await uploadPdf(FILE_MAX_BYTES + 1024, cut, '/api/imports/records', employer.client);
      expect(r.status).toBe(413);
      expect(r.message).toBe('文件不能超过10MB');
    }
    expect((await t.db.select({ n: count() }).from(importJobs))[0].n).toBe(before);
  });
});

describe('畸形的上传内容', () => {
  const file = () => multipart({ purpose: 'realname' }, { name: 'a.png', bytes: pngBytes() });

  it('answers 400 naming the problem to a body the parser cannot read', async () => {
    const ok = file();
    const boundary = ok.contentType.split('boundary=')[1];
    const cases: [string, string, Buffer][] = [
      ['no boundary', 'multipart/form-data', ok.payload],
      ['empty boundary', 'multipart/form-data; boundary=', ok.payload],
      ['truncated body', ok.contentType, ok.payload.subarray(0, ok.payload.length - 30)],
      ['cut inside the headers', ok.contentType, ok.payload.subarray(0, 40)],
      ['empty body', ok.contentType, Buffer.alloc(0)],
      ['garbage', ok.contentType, randomBytes(2000)],
      ['wrong boundary', 'multipart/form-data; boundary=nothere', ok.payload],
      ['part without headers', ok.contentType, Buffer.from(`--${boundary}\r\n\r\nxx\r\n--${boundary}--\r\n`)],
    ];
    const seen: string[] = [];
    for (const [name, type, body] of cases) {
      const r = await postRaw(person, '/api/files', type, body);
      seen.push(`${name}: ${r.status} ${r.message}`);
    }
    for (const line of seen) expect(line).toMatch(/: 400 \S/);
    expect(seen.join('\n')).toContain('上传内容格式错误或不完整');
  });

  it('answers 400 to too many fields, two files, an over-long field, or JSON instead of a form', async () => {
    const many = multipart(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, 'x'])), {
      name: 'a.png',
      bytes: pngBytes(),
    });
    const r1 = await postRaw(person, '/api/files', many.contentType, many.payload);
    expect(r1).toEqual({ status: 400, message: expect.stringContaining('字段或文件过多') });

    const one = file();
    const boundary = one.contentType.split('boundary=')[1];
    const second = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file2"; filename="b.png"\r\n\r\nxx\r\n--${boundary}--\r\n`,
    );
    const two = Buffer.concat([
      one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length),
      second,
    ]);
    const r2 = await postRaw(person, '/api/files', one.contentType, two);
    expect(r2).toEqual({ status: 400, message: expect.stringContaining('只能上传一个文件') });

    const long = multipart({ purpose: 'x'.repeat(5000) }, { name: 'a.png', bytes: pngBytes() });
    const r3 = await postRaw(person, '/api/files', long.contentType, long.payload);
    expect(r3).toEqual({ status: 400, message: expect.stringContaining('字段过长') });

    const r4 = await person.post('/api/files', { purpose: 'realname' });
    expect(r4.status).toBe(400);
    expect(r4.error.message).toBe('请以 multipart/form-data 上传文件');

    const proto = multipart(
      { constructor: 'x', purpose: 'constructor' },
      { name: 'a.png', bytes: pngBytes() },
    );
    const r5 = await postRaw(person, '/api/files', proto.contentType, proto.payload);
    expect(r5.status).toBe(400);

    const rows = await fileRows();
    const ok = file();
    expect((await postRaw(person, '/api/files', ok.contentType, ok.payload)).status).toBe(200);
    expect(await fileRows()).toBe(rows + 1);
  });
});
