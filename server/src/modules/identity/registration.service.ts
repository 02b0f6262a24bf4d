import { maskPhone, type RegisterPersonRequest, type UnitInfo } from '@ce/shared';
import { audit } from '../../core/audit';
import type { RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError, fieldError } from '../../core/errors';
import { checkSmsCode, consumeSmsCode, issueSmsCode } from '../../core/sms';
import { accounts, persons, units } from '../../db/schema';
import { linkProfessionalToAccount } from '../people/people.service';
import { regionPath } from '../regions/regions';
import { verifyCaptcha } from './captcha';
import {
  findPersonByIdNumber,
  findPersonByLogin,
  findUnitByCert,
  loginNameTaken,
} from './identity.repository';
import { hashPassword } from './passwords';

/** 个人注册: real-name level 1 (ID number valid and name given). */
export async function registerPerson(s: Services, ctx: RequestContext, input: RegisterPersonRequest) {
  await verifyCaptcha(s.db, input.captchaId, input.captcha);
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction(async (tx) => {
    if (await loginNameTaken(tx, input.loginName))
      throw fieldError('loginName', '该登录账号已被使用', 'CONFLICT');
    if (await findPersonByIdNumber(tx, input.idNumber)) {
      throw fieldError('idNumber', '该公民身份号码已注册个人账号，请使用密码找回', 'CONFLICT');
    }
    const [account] = await tx
      .insert(accounts)
      .values({ kind: 'person', loginName: input.loginName, passwordHash })
      .returning();
    await tx.insert(persons).values({
      accountId: account.id,
      realName: input.realName,
      idNumber: input.idNumber,
      phone: input.phone,
      realnameLevel: 1,
    });
    await audit(tx, ctx, {
      action: 'account.register_person',
      actor: { id: account.id, loginName: account.loginName, name: input.realName },
      objectType: 'account',
      objectId: account.id,
    });
    // a profile an employer added for this ID number (专业技术人员信息维护 新增) becomes the person's
    await linkProfessionalToAccount(tx, ctx, {
      id: account.id,
      loginName: account.loginName,
      name: input.realName,
      idNumber: input.idNumber,
    });
    return { accountId: account.id, loginName: account.loginName };
  });
}

/** The real-name person a unit is registered by (单位所属实名认证人员信息); level 2 required. */
async function registeringAgent(q: Queryable, loginName: string, idNumber: string) {
  const found = await findPersonByLogin(q, loginName);
  if (!found || found.person.idNumber !== idNumber) {
    throw new AppError('UNPROCESSABLE', '实名个人登录账号与证件号码不匹配，请核对后重试', [
      { field: 'agentIdNumber', label: '实名个人证件号码', message: '与登录账号不匹配' },
    ]);
  }
  if (found.person.realnameLevel < 2) {
    throw new AppError('REALNAME_LEVEL_TOO_LOW', '当前账号实名认证等级不足，请至少提升至二级实名认证');
  }
  return found;
}

/** 单位注册 step 1. */
export async function checkUnitAgent(
  s: Services,
  input: { agentLoginName: string; agentIdNumber: string; captchaId: string; captcha: string },
) {
  await verifyCaptcha(s.db, input.captchaId, input.captcha);
  const agent = await registeringAgent(s.db, input.agentLoginName, input.agentIdNumber);
  return { agentName: agent.person.realName, agentPhoneMasked: maskPhone(agent.person.phone) };
}

async function validateUnit(q: Queryable, input: UnitInfo) {
  const agent = await registeringAgent(q, input.agentLoginName, input.agentIdNumber);
  if (await loginNameTaken(q, input.loginName))
    throw fieldError('loginName', '该登录账号已被使用', 'CONFLICT');
  const certNumber = input.certNumber.trim().toUpperCase().replace(/-/g, '');
  if (await findUnitByCert(q, certNumber))
    throw fieldError('certNumber', '该单位证件号码已注册单位账号', 'CONFLICT');
  const region = regionPath(input.provinceCode, input.cityCode, input.countyCode || null);
  if (!region.ok) throw fieldError(region.field, region.reason);
  return { agent, certNumber, regionCode: region.regionCode };
}

/** 单位注册 step 2: checks everything, then texts a code to the registering person's phone. */
export async function sendUnitRegisterCode(s: Services, ctx: RequestContext, input: UnitInfo) {
  return s.db.transaction(async (tx) => {
    const { agent, regionCode } = await validateUnit(tx, input);
    await issueSmsCode(
      tx,
      { secret: s.config.sessionSecret, sms: s.sms },
      {
        phone: agent.person.phone,
        purpose: 'unit_register',
        subject: `${agent.account.id}|${input.loginName.toLowerCase()}`,
        regionCode,
      },
    );
    await audit(tx, ctx, {
      action: 'account.register_unit_sms',
      actor: { id: agent.account.id, loginName: agent.account.loginName, name: agent.person.realName },
      detail: { unitLoginName: input.loginName },
    });
    const phoneMasked = maskPhone(agent.person.phone);
    return { phoneMasked, message: `验证码已发送至 ${phoneMasked}，10分钟内有效` };
  });
}

/** 单位注册 step 3 (短信验证注册): creates the unit account. */
export async function registerUnit(s: Services, ctx: RequestContext, input: UnitInfo & { smsCode: string }) {
  const agent = await registeringAgent(s.db, input.agentLoginName, input.agentIdNumber);
  const codeId = await checkSmsCode(s.db, s.config.sessionSecret, {
    phone: agent.person.phone,
    purpose: 'unit_register',
    subject: `${agent.account.id}|${input.loginName.toLowerCase()}`,
    code: input.smsCode,
  });
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction(async (tx) => {
    const { certNumber, regionCode } = await validateUnit(tx, input);
    await consumeSmsCode(tx, codeId);
    const [account] = await tx
      .insert(accounts)
      .values({ kind: 'unit', loginName: input.loginName, passwordHash })
      .returning();
    await tx.insert(units).values({
      accountId: account.id,
      name: input.unitName.trim(),
      certType: input.certType,
      certNumber,
      provinceCode: input.provinceCode,
      cityCode: input.cityCode,
      countyCode: input.countyCode || null,
      regionCode,
      address: input.address,
      legalRepresentative: input.legalRepresentative,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      registeredBy: agent.account.id,
    });
    await audit(tx, ctx, {
      action: 'account.register_unit',
      actor: { id: agent.account.id, loginName: agent.account.loginName, name: agent.person.realName },
      objectType: 'unit',
      objectId: account.id,
      detail: { unitName: input.unitName.trim(), unitLoginName: account.loginName },
    });
    return { accountId: account.id, loginName: account.loginName };
  });
}
