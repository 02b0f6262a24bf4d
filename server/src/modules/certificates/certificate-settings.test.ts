import type { CertificateSettings, CertificateVerification } from '@ce/shared';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { Client } from '../../test/client';
import { hrssOperator } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { pdfText } from '../../test/pdf-text';
import { jpegBytes, pngOf, sealPng } from '../../test/seal-image';
import { multipart, pngBytes } from '../../test/uploads';
import {
  makeEmployer,
  makeProfessional,
  passYear,
  type TestEmployer,
  type TestProfessional,
} from '../../test/world';

let t: TestApp;
let province: Awaited<ReturnType<typeof hrssOperator>>;
let city: Awaited<ReturnType<typeof hrssOperator>>;
let employer: TestEmployer;
let holder: TestProfessional;
const URL = '/api/hrss/certificate-settings';

function uploadSeal(c: Client, file: { name: string; bytes: Buffer; type?: string }) {
  const body = multipart({}, file);
  return c.request<CertificateSettings>('POST', `${URL}/seal`, undefined, {
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

/** The holder's PDF as a reader sees it, and how many images it embeds. */
async function print(c: Client, p: TestProfessional = holder) {
  const r = await c.download(`/api/certificates/${p.id}/2025/pdf`);
  expect(r.status).toBe(200);
  const raw = r.bytes.toString('latin1');
  return { text: pdfText(r.bytes), images: raw.match(/\/Subtype \/Image/g)?.length ?? 0, raw };
}

/** 重新生成证书 by the holder's employer: the new certificate takes today's 证书设置. */
async function reissue(p: TestProfessional = holder, by: TestEmployer = employer) {
  expect((await by.client.post(`/api/certificates/${p.id}/2025/reissue`, {})).status).toBe(200);
}

const audits = (action: string) => t.db.select().from(auditEvents).where(eq(auditEvents.action, action));

beforeAll(async () => {
  t = await startTestApp();
  province = await hrssOperator(t, 'province');
  city = await hrssOperator(t, 'city', '4403');
  employer = await makeEmployer(t, { cityCode: '4401' });
  holder = await makeProfessional(t, employer);
  await passYear(t, holder);
});
afterAll(() => t.close());

describe('证书设置 and the printed certificate', () => {
  it('prints 广东省人力资源和社会保障厅 and no seal until HRSS sets them', async () => {
    const s = await province.client.get<CertificateSettings>(URL);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      regionName: '广东省',
      authorityName: '广东省人力资源和社会保障厅',
      saved: false,
      seal: null,
    });
    const pdf = await print(holder.client);
    expect(pdf.text).toContain('广东省人力资源和社会保障厅');
    expect(pdf.images).toBe(0);
  });

  it("shows the holder's full 公民身份号码 on the certificate; lists and the public check stay masked", async () => {
    const id = holder.person.idNumber;
    const own = await print(holder.client);
    expect(own.text).toContain(`公民身份号码：${id}，`);
    const byEmployer = await print(employer.client);
    expect(byEmployer.text).toContain(`公民身份号码：${id}，`);
    const number = /证书编号：(GD2025\w{10})/.exec(own.text)?.[1] ?? '';
    const v = await new Client(t).get<CertificateVerification>(`/api/public/certificates/${number}`);
    expect(v.status).toBe(200);
    expect(JSON.stringify(v.body)).not.toContain(id);
    expect(v.body.name).not.toBe(holder.person.realName);
    const list = await holder.client.get<{ items: { idNumber: string }[] }>('/api/certificates/mine');
    expect(list.body.items[0].idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  });

  it('HRSS sets the 发证机关 and uploads, replaces and deletes the seal, each change audited; a certificate keeps what it was issued with until 重新生成', async () => {
    const saved = await province.client.put<CertificateSettings>(URL, {
      authorityName: '  广东省人力资源和社会保障厅（测试）  ',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      authorityName: '广东省人力资源和社会保障厅（测试）',
      saved: true,
      seal: null,
    });
    // the certificate printed before keeps the 发证机关 it was issued with; 重新生成 takes the new one
    const kept = await print(holder.client);
    expect(kept.text).toContain('广东省人力资源和社会保障厅');
    expect(kept.text).not.toContain('（测试）');
    await reissue();
    expect((await print(holder.client)).text).toContain('广东省人力资源和社会保障厅（测试）');

    const seal = sealPng();
    const up = await uploadSeal(province.client, { name: '公章.png', bytes: seal, type: 'image/png' });
    expect(up.status).toBe(200);
    expect(up.body.seal).toMatchObject({ name: '公章.png', mime: 'image/png', size: seal.length });
    const preview = await province.client.download(`${URL}/seal`);
    expect(preview.type).toBe('image/png');
    expect(preview.bytes.equals(seal)).toBe(true);
    expect((await print(holder.client)).images).toBe(0);
    await reissue();
    const withSeal = await print(holder.client);
    expect(withSeal.images).toBeGreaterThanOrEqual(1);
    // the transparent PNG keeps its transparency (a soft mask), so the name shows through
    expect(withSeal.raw).toContain('/SMask');
    expect(withSeal.text).toContain('广东省人力资源和社会保障厅（测试）');

    const jpeg = jpegBytes();
    const replaced = await uploadSeal(province.client, { name: 'seal.jpeg', bytes: jpeg });
    expect(replaced.status).toBe(200);
    expect(replaced.body.seal).toMatchObject({ mime: 'image/jpeg', size: jpeg.length });
    expect((await province.client.download(`${URL}/seal`)).bytes.equals(jpeg)).toBe(true);
    expect((await print(holder.client)).raw).not.toContain('/DCTDecode');
    await reissue();
    expect((await print(holder.client)).raw).toContain('/DCTDecode');

    const removed = await province.client.delete<CertificateSettings>(`${URL}/seal`);
    expect(removed.status).toBe(200);
    expect(removed.body.seal).toBeNull();
    // deleting the seal from 证书设置 does not take it off a certificate issued with it
    expect((await print(holder.client)).raw).toContain('/DCTDecode');
    await reissue();
    expect((await print(holder.client)).images).toBe(0);
    expect((await province.client.get(`${URL}/seal`)).status).toBe(404);
    const again = await province.client.delete(`${URL}/seal`);
    expect(again.status).toBe(409);
    expect(again.error.message).toBe('本地区尚未上传公章，无需删除');

    expect((await audits('certificate.settings')).map((a) => a.detail?.authorityName)).toContain(
      '广东省人力资源和社会保障厅（测试）',
    );
    expect(await audits('certificate.seal_upload')).toHaveLength(2);
    expect((await audits('certificate.seal_delete')).map((a) => a.detail?.regionCode)).toEqual(['44']);
  });

  it('refuses what is not a PNG or JPEG by its content, naming the field (422)', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['seal.png', Buffer.from('%PDF-1.4 not an image'), /^公章图片：文件内容不是PNG或JPEG图片/],
      ['seal.png', Buffer.from('just text, named .png'), /^公章图片：文件内容不是PNG或JPEG图片/],
      ['seal.png', pngOf(4, 4, Buffer.from('not zlib data')), /^公章图片：图片数据已损坏/],
      ['seal.png', pngOf(4, 4, Buffer.alloc(0), 1), /^公章图片：/],
      [
        'seal.png',
        Buffer.concat([pngBytes(), Buffer.alloc(1024 * 1024)]),
        /^公章图片：图片不能超过1MB（所选文件 1025KB）$/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await uploadSeal(province.client, { name, bytes, type: 'image/png' });
      expect(r.status, name).toBe(422);
      expect(r.error.message).toMatch(message);
      expect(r.error.fields?.[0]).toMatchObject({ field: 'seal', label: '公章图片' });
    }
    const empty = await province.client.put(URL, { authorityName: '' });
    expect(empty.status).toBe(400);
    expect(empty.error.message).toContain('发证机关');
    const current = await province.client.get<CertificateSettings>(URL);
    expect(current.body.seal).toBeNull();
    // printing still works after the refusals
    expect((await print(holder.client)).images).toBe(0);
  });

  it("a city's HRSS sets its own region's authority and seal; persons elsewhere keep the province's", async () => {
    const shenzhen = await makeEmployer(t, { cityCode: '4403' });
    const local = await makeProfessional(t, shenzhen);
    await passYear(t, local);
    const before = await city.client.get<CertificateSettings>(URL);
    expect(before.body).toMatchObject({
      regionName: '广东省深圳市',
      saved: false,
      authorityName: '广东省人力资源和社会保障厅（测试）',
    });
    const up = await uploadSeal(city.client, { name: 'sz.png', bytes: sealPng(32) });
    expect(up.status).toBe(200);
    // the seal comes with the city bureau's own name until it saves another
    expect(up.body.authorityName).toBe(city.unit.name);
    await city.client.put(URL, { authorityName: '深圳市人力资源和社会保障局' });
    const sz = await print(local.client, local);
    expect(sz.text).toContain('深圳市人力资源和社会保障局');
    expect(sz.images).toBeGreaterThanOrEqual(1);
    const gz = await print(holder.client);
    expect(gz.text).toContain('广东省人力资源和社会保障厅（测试）');
    expect(gz.text).not.toContain('深圳市人力资源和社会保障局');
    expect(gz.images).toBe(0);
    const rows = await t.db.select().from(auditEvents).where(like(auditEvents.action, 'certificate.se%'));
    expect(rows.some((a) => a.detail?.regionCode === '4403')).toBe(true);
  });

  it('other roles get 403', async () => {
    for (const c of [employer.client, holder.client]) {
      expect((await c.get(URL)).status).toBe(403);
      expect((await c.put(URL, { authorityName: '某某单位' })).status).toBe(403);
      expect((await uploadSeal(c, { name: 'x.png', bytes: sealPng() })).status).toBe(403);
      expect((await c.delete(`${URL}/seal`)).status).toBe(403);
    }
  });
});
