import { makeIdNumber, makeUscc } from '@ce/shared';
import { sql } from 'drizzle-orm';
import { audit } from '../core/audit';
import type { Db } from '../core/db';
import type { FileStore } from '../core/file-store';
import { accounts, orgRoles, persons, units } from '../db/schema';
import { hashPassword } from '../modules/identity/passwords';
import { regionChildren } from '../modules/regions/regions';
import { ensureBinding, upsertAccount } from './accounts';
import { seedDemoCe } from './demo-ce';
import { seedDemoOrgs } from './demo-orgs';

/** The password of every demo account (README lists the accounts). */
export const DEMO_PASSWORD = 'Gdjx2026';

export const DEMO_PERSONS = [
  {
    loginName: 'hrss_admin',
    realName: '陈思远',
    level: 2,
    idNumber: makeIdNumber({ region: '440104', birthDate: '19820315', seq: 101 }),
    phone: '13800138001',
  },
  {
    loginName: 'gz_hrss',
    realName: '黄晓敏',
    level: 2,
    idNumber: makeIdNumber({ region: '440103', birthDate: '19860722', seq: 212, sex: 'female' }),
    phone: '13800138002',
  },
  {
    loginName: 'zhangwei',
    realName: '张伟',
    level: 2,
    idNumber: makeIdNumber({ region: '440106', birthDate: '19850612', seq: 303 }),
    phone: '13800138003',
  },
  {
    loginName: 'lina',
    realName: '李娜',
    level: 2,
    idNumber: makeIdNumber({ region: '440304', birthDate: '19900208', seq: 414, sex: 'female' }),
    phone: '13800138004',
  },
  {
    loginName: 'wangfang',
    realName: '王芳',
    level: 1,
    idNumber: makeIdNumber({ region: '440604', birthDate: '19931130', seq: 526, sex: 'female' }),
    phone: '13800138005',
  },
] as const;

export const DEMO_UNIT = {
  loginName: 'gdjs_unit',
  name: '广东建设工程咨询有限公司',
  certNumber: makeUscc({ first: '9', category: '1', region: '440106', orgBase: 'MA5D8K2Q' }),
  provinceCode: '44',
  cityCode: '4401',
  countyCode: '440106',
  agent: 'zhangwei',
};

function hrssOrgs() {
  const cities = regionChildren('44');
  return [
    {
      loginName: 'gdhrss',
      name: '广东省人力资源和社会保障厅',
      cityCode: '4401',
      regionCode: '44',
      level: 'province' as const,
    },
    ...cities.map((c) => ({
      loginName: `hrss${c.code}`,
      name: `${c.name}人力资源和社会保障局`,
      cityCode: c.code,
      regionCode: c.code,
      level: 'city' as const,
    })),
  ];
}

/**
 * Demo data: 广东省人社厅 and the 21 city bureaus as HRSS orgs, HRSS operators, a few persons,
 * a unit with a bound and authorized agent, and its CE world (demo-ce.ts: the unit as 法人单位,
 * 李娜 its confirmed professional with records, registered 施教机构); 王芳 has no profile yet. Idempotent: running it again restores the demo
 * accounts (passwords, locks, levels, bindings) without duplicating anything.
 */
export async function seedDemo(
  db: Db,
  /** files: the app's FileStore, where the demo records' 附件材料 go as uploads do */
  opts: { onlyIfEmpty: boolean; files: FileStore },
): Promise<'seeded' | 'skipped'> {
  if (opts.onlyIfEmpty) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts);
    if (n > 0) return 'skipped';
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const personIds = new Map<string, string>();
    for (const p of DEMO_PERSONS) {
      const id = await upsertAccount(tx, 'person', p.loginName, passwordHash);
      personIds.set(p.loginName, id);
      await tx
        .insert(persons)
        .values({
          accountId: id,
          realName: p.realName,
          idNumber: p.idNumber,
          phone: p.phone,
          realnameLevel: p.level,
        })
        .onConflictDoUpdate({ target: persons.accountId, set: { realnameLevel: p.level, phone: p.phone } });
    }

    let provinceHrss = '';
    for (const [i, org] of hrssOrgs().entries()) {
      const id = await upsertAccount(tx, 'unit', org.loginName, passwordHash);
      if (org.level === 'province') provinceHrss = id;
      const orgBase = `G${String(i).padStart(3, '0')}${org.cityCode}`.slice(0, 8);
      await tx
        .insert(units)
        .values({
          accountId: id,
          name: org.name,
          certType: 'uscc',
          certNumber: makeUscc({ first: '1', category: '1', region: `${org.cityCode}00`, orgBase }),
          provinceCode: '44',
          cityCode: org.cityCode,
          regionCode: org.regionCode,
          address: `${org.name}办公地址`,
          legalRepresentative: '法定代表人',
          contactName: '办公室',
          contactPhone: '13900000000',
        })
        .onConflictDoNothing();
      await tx
        .insert(orgRoles)
        .values({ unitId: id, role: 'hrss', level: org.level, regionCode: org.regionCode })
        .onConflictDoUpdate({ target: [orgRoles.unitId, orgRoles.role], set: { status: 'active' } });
      if (org.loginName === 'gdhrss') await ensureBinding(tx, id, personIds.get('hrss_admin') ?? '');
      if (org.loginName === 'hrss4401') await ensureBinding(tx, id, personIds.get('gz_hrss') ?? '');
    }

    const unitId = await upsertAccount(tx, 'unit', DEMO_UNIT.loginName, passwordHash);
    const agent = DEMO_PERSONS.find((p) => p.loginName === DEMO_UNIT.agent);
    await tx
      .insert(units)
      .values({
        accountId: unitId,
        name: DEMO_UNIT.name,
        certType: 'uscc',
        certNumber: DEMO_UNIT.certNumber,
        provinceCode: DEMO_UNIT.provinceCode,
        cityCode: DEMO_UNIT.cityCode,
        countyCode: DEMO_UNIT.countyCode,
        regionCode: DEMO_UNIT.countyCode,
        address: '广州市天河区天河路100号',
        legalRepresentative: '刘建国',
        contactName: agent?.realName ?? '张伟',
        contactPhone: agent?.phone ?? '13800138003',
        registeredBy: personIds.get(DEMO_UNIT.agent),
      })
      .onConflictDoNothing();
    await ensureBinding(tx, unitId, personIds.get(DEMO_UNIT.agent) ?? '');

    const lina = DEMO_PERSONS.find((p) => p.loginName === 'lina');
    const [cityHrss] = await tx
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.loginName}) = ${`hrss${DEMO_UNIT.cityCode}`}`);
    if (lina && agent) {
      await seedDemoCe(tx, {
        passwordHash,
        unit: { id: unitId, name: DEMO_UNIT.name, countyCode: DEMO_UNIT.countyCode },
        agent: { id: personIds.get(agent.loginName) ?? '', name: agent.realName },
        lina: {
          id: personIds.get('lina') ?? '',
          name: lina.realName,
          idNumber: lina.idNumber,
          phone: lina.phone,
        },
        hrssCityUnitId: cityHrss?.id ?? null,
        files: opts.files,
      });
    }

    const admin = DEMO_PERSONS[0];
    await seedDemoOrgs(tx, opts.files, passwordHash, {
      id: personIds.get(admin.loginName) ?? '',
      name: admin.realName,
      unitId: provinceHrss,
      unitName: '广东省人力资源和社会保障厅',
    });

    await audit(
      tx,
      { actor: null, ip: null },
      { action: 'seed.run', detail: { accounts: DEMO_PERSONS.length } },
    );
  });
  return 'seeded';
}
