import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import type { Client } from '../../test/client';
import { hrssOperator, loggedIn, makePerson, type TestPerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';

let t: TestApp;
let hrss: Client;
beforeAll(async () => {
  t = await startTestApp();
  hrss = (await hrssOperator(t)).client;
});
afterAll(() => t.close());

async function applyFor(p: TestPerson) {
  const c = await loggedIn(t, p);
  const front = await upload(c, 'realname', { name: 'front.png', bytes: pngBytes() });
  const back = await upload(c, 'realname', { name: 'back.png', bytes: pngBytes() });
  expect(front.status).toBe(200);
  const r = await c.post<{ id: string; status: string }>('/api/realname/applications', {
    frontFileId: front.body.id,
    backFileId: back.body.id,
  });
  return { c, r, front: front.body.id };
}

describe('二级实名认证', () => {
  it('a level-1 person applies with ID photos; the HRSS operator approves; the person becomes level 2', async () => {
    const p = await makePerson(t, { level: 1 });
    const { c, r } = await applyFor(p);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('pending');

    const list = await hrss.get<{ items: { id: string; idNumber: string; phone: string }[]; total: number }>(
      `/api/realname/applications?status=pending&realName=${encodeURIComponent(p.realName)}`,
    );
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].idNumber).toBe(`${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}`);
    expect(list.body.items[0].phone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);
    const detail = await hrss.get<{ idNumber: string; frontFileId: string }>(
      `/api/realname/applications/${r.body.id}`,
    );
    expect(detail.body.idNumber).toBe(p.idNumber);
    const photo = await hrss.get(`/api/files/${detail.body.frontFileId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    const ok = await hrss.post<{ status: string }>(`/api/realname/applications/${r.body.id}/approve`, {});
    expect(ok.body.status).toBe('approved');
    const mine = await c.get<{ level: number }>('/api/realname/mine');
    expect(mine.body.level).toBe(2);
    const again = await hrss.post(`/api/realname/applications/${r.body.id}/reject`, { reason: '照片不清晰' });
    expect(again.status).toBe(409);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, r.body.id));
    expect(events.map((e) => e.action).sort()).toEqual(['realname.apply', 'realname.approve']);
  });

  it('a rejection needs a reason, which the person then sees; the person may apply again', async () => {
    const p = await makePerson(t, { level: 1 });
    const { c, r } = await applyFor(p);
    const noReason = await hrss.post(`/api/realname/applications/${r.body.id}/reject`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.error.message).toBe('不通过原因：请填写不通过原因');
    await hrss.post(`/api/realname/applications/${r.body.id}/reject`, { reason: '照片不清晰' });
    const mine = await c.get<{ level: number; latest: { status: string; reason: string } }>(
      '/api/realname/mine',
    );
    expect(mine.body).toMatchObject({ level: 1, latest: { status: 'rejected', reason: '照片不清晰' } });
    const second = await applyFor(p);
    expect(second.r.status).toBe(200);
  });

  it('one pending application at a time; none for a level-2 person', async () => {
    const p = await makePerson(t, { level: 1 });
    const { c } = await applyFor(p);
    const front = await upload(c, 'realname', { name: 'a.png', bytes: pngBytes() });
    const back = await upload(c, 'realname', { name: 'b.png', bytes: pngBytes() });
    const dup = await c.post('/api/realname/applications', {
      frontFileId: front.body.id,
      backFileId: back.body.id,
    });
    expect(dup.status).toBe(409);
    const level2 = await makePerson(t, { level: 2 });
    expect((await applyFor(level2)).r.status).toBe(409);
  });

  it("refuses another person's photos and a PDF as an ID photo", async () => {
    const owner = await makePerson(t, { level: 1 });
    const ownerClient = await loggedIn(t, owner);
    const stolen = await upload(ownerClient, 'realname', { name: 'x.png', bytes: pngBytes() });
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const mine = await upload(c, 'realname', { name: 'y.png', bytes: pngBytes() });
    const r = await c.post('/api/realname/applications', {
      frontFileId: stolen.body.id,
      backFileId: mine.body.id,
    });
    expect(r.status).toBe(400);
    expect(r.error.fields?.[0].field).toBe('frontFileId');
    expect((await c.get(`/api/files/${stolen.body.id}`)).status).toBe(404);
    const pdf = await upload(c, 'realname', { name: 'id.pdf', bytes: Buffer.from('%PDF-1.4\n%EOF\n') });
    const r2 = await c.post('/api/realname/applications', {
      frontFileId: pdf.body.id,
      backFileId: mine.body.id,
    });
    expect(r2.status).toBe(400);
    expect(r2.error.message).toContain('JPG或PNG');
  });

  it('refuses the same image as both sides of the ID card, even uploaded twice (422 naming 国徽面)', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const bytes = pngBytes();
    const front = await upload(c, 'realname', { name: 'front.png', bytes });
    const back = await upload(c, 'realname', { name: 'back.png', bytes });
    expect(back.body.id).not.toBe(front.body.id);
    const r = await c.post('/api/realname/applications', {
      frontFileId: front.body.id,
      backFileId: back.body.id,
    });
    expect(r.status).toBe(422);
    expect(r.error.fields?.[0].field).toBe('backFileId');
    expect(r.error.message).toContain('人像面和国徽面不能是同一张照片');
  });

  it('a city HRSS sees only applicants of its region; the province sees all', async () => {
    const city = (await hrssOperator(t, 'city', '4403')).client; // 深圳
    const gz = await makePerson(t, { level: 1, region: '440106' });
    const sz = await makePerson(t, { level: 1, region: '440304' });
    const a = await applyFor(gz);
    const b = await applyFor(sz);
    expect((await city.get(`/api/realname/applications/${a.r.body.id}`)).status).toBe(404);
    expect((await city.get(`/api/realname/applications/${b.r.body.id}`)).status).toBe(200);
    expect((await city.post(`/api/realname/applications/${a.r.body.id}/approve`, {})).status).toBe(404);
    expect((await city.get(`/api/files/${a.front}`)).status).toBe(404);
    expect((await hrss.get(`/api/realname/applications/${a.r.body.id}`)).status).toBe(200);
  });

  it('two reviewers acting at once: exactly one wins', async () => {
    const second = (await hrssOperator(t)).client;
    const p = await makePerson(t, { level: 1 });
    const { r } = await applyFor(p);
    const results = await Promise.all([
      hrss.post(`/api/realname/applications/${r.body.id}/approve`, {}),
      second.post(`/api/realname/applications/${r.body.id}/reject`, { reason: '不符' }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
  });
});

describe('附件', () => {
  it('checks uploads by content, extension and size', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const fake = await upload(c, 'realname', {
      name: 'photo.png',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    expect(fake.status).toBe(422);
    expect(fake.error.message).toContain('不是允许的类型');
    const renamed = await upload(c, 'realname', { name: 'photo.jpg', bytes: pngBytes() });
    expect(renamed.status).toBe(422);
    expect(renamed.error.message).toContain('扩展名');
    const big = await upload(c, 'realname', {
      name: 'big.png',
      bytes: Buffer.concat([pngBytes(), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.status).toBe(413);
    expect(big.error.message).toBe('文件不能超过10MB');
    const badPurpose = await upload(c, 'anything', { name: 'a.png', bytes: pngBytes() });
    expect(badPurpose.status).toBe(400);
    const ok = await upload(c, 'realname', { name: 'a.png', bytes: pngBytes() });
    expect(ok.status).toBe(200);
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await c.get(`/api/files/${ok.body.id}`);
    expect(back.status).toBe(200);
  });
});
