/** 单位代码类型: GB 32100-2015 统一社会信用代码 or GB 11714-1997 组织机构代码. */
export type UnitCertType = 'uscc' | 'orgcode';

export type UnitCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

// GB 32100-2015 §4: the 31 code characters (I O Z S V are not used) and their values 0..30.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i is 3^i mod 31 (GB 32100-2015 §5.2).
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// 登记管理部门代码: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商,
// A 中央军委改革和编制办公室, N 农业, Y 其他 (GB 32100-2015 and its amendment No. 1).
const USCC_DEPARTMENTS = '123456789ANY';
const USCC_PATTERN = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;

// GB 11714-1997: weights of the 8 body characters.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Uppercases, trims and drops '-' (组织机构代码 is often written 'XXXXXXXX-X'). */
function normalise(raw: string): string {
  return raw.trim().toUpperCase().replaceAll('-', '');
}

/** GB 11714-1997 check char of an 8-character body: digits keep their value, A=10 … Z=35. */
function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** GB 32100-2015 check char of the first 17 characters: 31 - (Σ value×weight mod 31), 31 → '0'. */
function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

function checkOrgCode(code: string): UnitCodeCheck {
  if (code.length !== 9) return { ok: false, reason: '组织机构代码应为9位（不含“-”）' };
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
    return { ok: false, reason: '组织机构代码格式错误：前8位应为数字或大写字母，末位应为数字或X' };
  }
  if (orgCodeCheckChar(code.slice(0, 8)) !== code[8]) return { ok: false, reason: '组织机构代码校验位错误' };
  return { ok: true, code };
}

function checkUscc(code: string): UnitCodeCheck {
  if (code.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  if (!USCC_PATTERN.test(code)) {
    return { ok: false, reason: '统一社会信用代码只能包含数字和大写字母（不使用I、O、Z、S、V）' };
  }
  if (!USCC_DEPARTMENTS.includes(code[0])) {
    return { ok: false, reason: '统一社会信用代码第1位（登记管理部门代码）错误' };
  }
  if (code[1] === '0') return { ok: false, reason: '统一社会信用代码第2位（机构类别代码）错误' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3-8位（登记管理机关行政区划码）应为数字' };
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: '统一社会信用代码校验位错误' };
  }
  // Characters 9–17 are the unit's 组织机构代码 and carry their own GB 11714 check char.
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return { ok: false, reason: '统一社会信用代码中的组织机构代码（第9-17位）校验位错误' };
  }
  return { ok: true, code };
}

export function checkUnitCode(type: UnitCertType, raw: string): UnitCodeCheck {
  const code = normalise(raw);
  return type === 'uscc' ? checkUscc(code) : checkOrgCode(code);
}

/** Builds a valid 9-character 组织机构代码 (without '-') from its 8-character body. */
export function makeOrgCode(base8: string): string {
  const body = base8.toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new Error('makeOrgCode: base8 应为8位数字或大写字母');
  return body + orgCodeCheckChar(body);
}

/** Builds a valid 统一社会信用代码 for factories and seed data. */
export function makeUscc(
  opts: { first?: string; category?: string; region?: string; orgBase?: string } = {},
): string {
  const first = opts.first ?? '9';
  const category = opts.category ?? '1';
  const region = opts.region ?? '440106';
  const orgBase = (opts.orgBase ?? 'MA4W1B2C').toUpperCase();
  if (!USCC_DEPARTMENTS.includes(first) || first.length !== 1) {
    throw new Error('makeUscc: first 应为登记管理部门代码之一');
  }
  if (category.length !== 1 || category === '0' || !USCC_CHARS.includes(category)) {
    throw new Error('makeUscc: category 应为1位机构类别代码');
  }
  if (!/^\d{6}$/.test(region)) throw new Error('makeUscc: region 应为6位数字');
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{8}$/.test(orgBase)) {
    throw new Error('makeUscc: orgBase 应为8位代码字符（不使用I、O、Z、S、V）');
  }
  const first17 = first + category + region + makeOrgCode(orgBase);
  return first17 + usccCheckChar(first17);
}
