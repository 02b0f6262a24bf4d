import { eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { AppError, conflict, notFound } from '../../core/errors';
import { personScope, unitScope } from '../../core/scope';
import { endAgentSessions } from '../../core/session';
import { agentBindings } from '../../db/schema';
import { findPersonByLogin } from '../identity/identity.repository';
import { bindingGuards } from './agents.policy';
import * as repo from './agents.repository';

export async function listUnitAgents(s: Services, actor: Actor) {
  const rows = await repo.bindingsOfUnit(s.db, unitScope(actor));
  return rows.map((r) => ({
    id: r.binding.id,
    loginName: r.loginName,
    realName: r.realName,
    type: '经办人' as const,
    status: r.binding.status,
    authorized: r.binding.authorized,
    createdAt: r.binding.createdAt.toISOString(),
  }));
}

export async function listAgencies(s: Services, actor: Actor) {
  const rows = await repo.bindingsOfPerson(s.db, personScope(actor));
  return rows.map((r) => ({
    id: r.binding.id,
    unitName: r.unitName,
    loginName: r.loginName,
    type: '单位账号' as const,
    status: r.binding.status,
    authorized: r.binding.authorized,
    createdAt: r.binding.createdAt.toISOString(),
  }));
}

/** 新增绑定: name, login name and ID number must all match a level-2 person. */
export async function requestBinding(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { realName: string; loginName: string; idNumber: string },
) {
  const { unitId } = unitScope(actor);
  return s.db.transaction(async (tx) => {
    const found = await findPersonByLogin(tx, input.loginName);
    if (!found || found.person.realName !== input.realName || found.person.idNumber !== input.idNumber) {
      throw new AppError('NOT_FOUND', '未找到姓名、登录账号、证件号码均匹配的个人账号');
    }
    if (found.person.realnameLevel < 2) {
      throw new AppError('REALNAME_LEVEL_TOO_LOW', '只有通过实名认证（二级）后的用户才有权被绑定');
    }
    if (await repo.liveBinding(tx, unitId, found.account.id))
      throw conflict('已向该用户发起绑定申请或已绑定');
    const [row] = await tx
      .insert(agentBindings)
      .values({ unitId, personId: found.account.id, status: 'pending' })
      .returning();
    await audit(tx, ctx, {
      action: 'agent.request',
      objectType: 'agent_binding',
      objectId: row.id,
      detail: { personLoginName: found.account.loginName },
    });
    return { id: row.id };
  });
}

type Change = { status?: 'active' | 'rejected' | 'cancelled'; authorized?: boolean };

async function change(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  set: Change,
  action: 'agent.accept' | 'agent.reject' | 'agent.authorize' | 'agent.unauthorize' | 'agent.cancel',
) {
  await tx
    .update(agentBindings)
    .set({ ...set, ...(set.status ? { respondedAt: new Date() } : {}) })
    .where(eq(agentBindings.id, id));
  await audit(tx, ctx, { action, objectType: 'agent_binding', objectId: id });
}

/** 通过 / 拒绝 a binding request, as the person asked. */
export async function respond(s: Services, ctx: RequestContext, actor: Actor, id: string, accept: boolean) {
  const scope = personScope(actor);
  await s.db.transaction(async (tx) => {
    const b = await repo.lockBinding(tx, scope, id);
    if (!b) throw notFound('绑定申请');
    bindingGuards.respond(b.status);
    await change(
      tx,
      ctx,
      id,
      { status: accept ? 'active' : 'rejected' },
      accept ? 'agent.accept' : 'agent.reject',
    );
  });
}

/** 授权 / 取消授权 the CE system for an agent; withdrawing ends the agent's unit sessions. */
export async function setAuthorized(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  authorized: boolean,
) {
  const scope = unitScope(actor);
  await s.db.transaction(async (tx) => {
    const b = await repo.lockBinding(tx, scope, id);
    if (!b) throw notFound('子账号');
    if (authorized) bindingGuards.authorize(b.status, b.authorized);
    else bindingGuards.unauthorize(b.status, b.authorized);
    await change(tx, ctx, id, { authorized }, authorized ? 'agent.authorize' : 'agent.unauthorize');
    if (!authorized) await endAgentSessions(tx, b.unitId, b.personId);
  });
}

/** 取消绑定: ends the binding and any session in which the agent acts for the unit. */
export async function cancel(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const scope = unitScope(actor);
  await s.db.transaction(async (tx) => {
    const b = await repo.lockBinding(tx, scope, id);
    if (!b) throw notFound('子账号');
    bindingGuards.cancel(b.status);
    await change(tx, ctx, id, { status: 'cancelled', authorized: false }, 'agent.cancel');
    await endAgentSessions(tx, b.unitId, b.personId);
  });
}
