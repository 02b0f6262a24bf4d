import type { Permission } from '@ce/shared';
import { Client } from './client';
import { bindAgent, hrssOperator, loggedIn, makePerson, makeUnit } from './factories';
import type { TestApp } from './harness';
import { makeAuthority, makeEmployer, makeInstitution, makeProfessional } from './world';

export interface TestActor {
  name: string;
  client: Client;
  permissions: Set<Permission>;
}

/**
 * One of each kind of actor, logged in: the employer's agent, a confirmed professional, a plain
 * person, a unit account, the agent of a role-less unit, an HRSS operator, the agents of a
 * provincial and a city authority (工程技术人员) and of an institution, each with the
 * permissions its session reports. Used by the authorization matrix and the fuzz test.
 */
export async function makeActors(t: TestApp): Promise<TestActor[]> {
  const person = await makePerson(t, { level: 1 });
  const unit = await makeUnit(t);
  const plainUnit = await makeUnit(t);
  const agentPerson = await makePerson(t);
  await bindAgent(t, plainUnit, agentPerson);
  const hrss = await hrssOperator(t);
  // an employer with a confirmed professional: the employer and person routes reach their queries
  const employer = await makeEmployer(t);
  const professional = await makeProfessional(t, employer);
  const clients = [
    { name: '法人单位经办人', client: employer.client },
    { name: '已确认的专业技术人员', client: professional.client },
    { name: '个人', client: await loggedIn(t, person) },
    { name: '单位账号', client: await loggedIn(t, unit, 'unit') },
    { name: '无角色单位的经办人', client: await loggedIn(t, agentPerson) },
    { name: '人社部门经办人', client: hrss.client },
    { name: '省级行业主管部门经办人', client: (await makeAuthority(t)).client },
    { name: '市级行业主管部门经办人', client: (await makeAuthority(t, { level: 'city' })).client },
    { name: '施教机构经办人', client: (await makeInstitution(t)).client },
  ];
  const switched = await clients[4].client.post('/api/auth/switch-unit', { unitId: plainUnit.id });
  if (switched.status !== 200) throw new Error(`switch failed: ${JSON.stringify(switched.body)}`);
  const actors: TestActor[] = [];
  for (const c of clients) {
    const s = await c.client.get<{ session: { permissions: Permission[] } }>('/api/auth/session');
    actors.push({ ...c, permissions: new Set(s.body.session.permissions) });
  }
  return actors;
}

/** An anonymous browser. */
export const anonymous = (t: TestApp): TestActor => ({
  name: '匿名',
  client: new Client(t),
  permissions: new Set(),
});
