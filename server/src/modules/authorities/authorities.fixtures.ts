import type { AuthorityApplication } from '@ce/shared';
import type { Client } from '../../test/client';
import { actingFor, bindAgent, makePerson, makeUnit } from '../../test/factories';
import type { TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';

/** Test helpers of the authority module (the behaviour under test goes through the HTTP API). */

export const APPLY = '/api/authority/application';
export const HRSS_DESK = '/api/hrss/authority-reviews';
export const LOWER_DESK = '/api/authority/lower-reviews';

export const applicationBody = (level: string, series: string) => ({
  nature: '政府部门',
  level,
  series,
  contactName: '王主管',
  officePhone: '020-83336666',
  mobilePhone: '13912345678',
  email: 'ju@example.com',
  postalCode: '510030',
  unitAddress: '广州市越秀区东风中路1号',
  description: '负责本行业专业技术人员继续教育',
});

/** A unit (no org role yet) in the city, or a county of it, with an agent acting for it. */
export async function newApplicant(t: TestApp, where: { cityCode?: string; countyCode?: string } = {}) {
  const unit = await makeUnit(t, { cityCode: where.cityCode ?? '4401', countyCode: where.countyCode });
  const agent = await makePerson(t);
  await bindAgent(t, unit, agent);
  return { unit, agent, client: await actingFor(t, agent, unit) };
}

/** 保存 + 上传统一社会信用代码证: an application ready for 送审. */
export async function prepared(client: Client, level: string, series: string) {
  const saved = await client.put<AuthorityApplication>(APPLY, applicationBody(level, series));
  if (saved.status !== 200) throw new Error(`save: ${JSON.stringify(saved.body)}`);
  const file = await upload(client, 'licence', {
    name: '统一社会信用代码证.png',
    bytes: pngBytes(),
    type: 'image/png',
  });
  const attached = await client.post<AuthorityApplication>(`${APPLY}/licence`, {
    licenceFileId: file.body.id,
  });
  if (attached.status !== 200) throw new Error(`licence: ${JSON.stringify(attached.body)}`);
  return attached.body;
}

/** An application prepared and sent (送审 must succeed). */
export async function sent(client: Client, level: string, series: string) {
  const app = await prepared(client, level, series);
  const r = await client.post<AuthorityApplication>(`${APPLY}/submit`);
  if (r.status !== 200) throw new Error(`submit: ${JSON.stringify(r.body)}`);
  return { ...r.body, licenceId: app.licence?.id ?? '' };
}

export async function permissionsOf(c: Client) {
  const r = await c.get<{ session: { permissions: string[] } }>('/api/auth/session');
  return r.body.session.permissions;
}
