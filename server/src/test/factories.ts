import { makeIdNumber, makeUscc, type OrgRole } from '@ce/shared';
import { accounts, agentBindings, orgRoles, persons, units } from '../db/schema';
import { hashPassword } from '../modules/identity/passwords';
import { Client } from './client';
import type { TestApp } from './harness';

export const PASSWORD = 'Test2468x';
let seq = 0;
let hashed: Promise<string> | null = null;
const passwordHash = () => {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
};

function next() {
  seq += 1;
  return seq;
}

export interface TestPerson {
  id: string;
  loginName: string;
  password: string;
  realName: string;
  idNumber: string;
  phone: string;
}

/** A person account (level 2 unless told otherwise). */
export async function makePerson(
  t: TestApp,
  opts: { level?: 1 | 2; mustChangePassword?: boolean; region?: string; phone?: string } = {},
): Promise<TestPerson> {
  const n = next();
  const loginName = `person_${n}_${Math.random().toString(36).slice(2, 7)}`;
  const idNumber = makeIdNumber({
    region: opts.region ?? '440106',
    birthDate: `19${70 + (n % 29)}0${1 + (n % 9)}1${n % 10}`,
    seq: (n * 7) % 1000,
  });
  const phone = opts.phone ?? `139${String(10_000_000 + n).slice(-8)}`;
  const [a] = await t.db
    .insert(accounts)
    .values({
      kind: 'person',
      loginName,
      passwordHash: await passwordHash(),
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  const realName = `测试${n}号`;
  await t.db
    .insert(persons)
    .values({ accountId: a.id, realName, idNumber, phone, realnameLevel: opts.level ?? 2 });
  return { id: a.id, loginName, password: PASSWORD, realName, idNumber, phone };
}

export interface TestUnit {
  id: string;
  loginName: string;
  password: string;
  name: string;
}

/** A unit account, optionally holding org roles. */
export async function makeUnit(
  t: TestApp,
  opts: {
    roles?: {
      role: OrgRole;
      level: 'province' | 'city' | 'county';
      regionCode: string;
      series?: string | null;
    }[];
    cityCode?: string;
    /** a county of the city (6 digits): the unit's most specific region */
    countyCode?: string;
  } = {},
): Promise<TestUnit> {
  const n = next();
  const loginName = `unit_${n}_${Math.random().toString(36).slice(2, 7)}`;
  const cityCode = opts.cityCode ?? '4401';
  const [a] = await t.db
    .insert(accounts)
    .values({ kind: 'unit', loginName, passwordHash: await passwordHash() })
    .returning();
  const name = `测试单位${n}`;
  await t.db.insert(units).values({
    accountId: a.id,
    name,
    certType: 'uscc',
    certNumber: makeUscc({ region: `${cityCode}00`, orgBase: `T${String(n).padStart(7, '0')}` }),
    provinceCode: '44',
    cityCode,
    countyCode: opts.countyCode ?? null,
    regionCode: opts.countyCode ?? cityCode,
    address: '测试地址',
    legalRepresentative: '法人',
    contactName: '联系人',
    contactPhone: '13700000000',
  });
  for (const r of opts.roles ?? []) await t.db.insert(orgRoles).values({ unitId: a.id, ...r });
  return { id: a.id, loginName, password: PASSWORD, name };
}

export async function bindAgent(
  t: TestApp,
  unit: TestUnit,
  person: TestPerson,
  opts: { status?: 'pending' | 'active'; authorized?: boolean } = {},
) {
  const [b] = await t.db
    .insert(agentBindings)
    .values({
      unitId: unit.id,
      personId: person.id,
      status: opts.status ?? 'active',
      authorized: opts.authorized ?? true,
    })
    .returning();
  return b;
}

/** A client logged in as the person (or unit). */
export async function loggedIn(
  t: TestApp,
  who: { loginName: string; password: string },
  kind: 'person' | 'unit' = 'person',
) {
  const c = new Client(t);
  const r = await c.login(who.loginName, who.password, kind);
  if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** A client of a person acting for the unit (使用选中的单位账号登录). */
export async function actingFor(t: TestApp, person: TestPerson, unit: TestUnit) {
  const c = await loggedIn(t, person);
  const r = await c.post('/api/auth/switch-unit', { unitId: unit.id });
  if (r.status !== 200) throw new Error(`switch failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** An HRSS operator acting for an HRSS org of the given level. */
export async function hrssOperator(
  t: TestApp,
  level: 'province' | 'city' = 'province',
  regionCode = level === 'province' ? '44' : '4401',
) {
  const cityCode = level === 'province' ? '4401' : regionCode.slice(0, 4);
  const unit = await makeUnit(t, { roles: [{ role: 'hrss', level, regionCode }], cityCode });
  const person = await makePerson(t);
  await bindAgent(t, unit, person);
  return { unit, person, client: await actingFor(t, person, unit) };
}
