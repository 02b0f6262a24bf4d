import { makeIdNumber, makeUscc, type SubjectType } from '@ce/shared';
import { regionChildren } from '../modules/regions/regions';

/** Word lists and generators of the scale seed: plausible Guangdong people, employers and courses. */

const SURNAMES = '陈李黄张梁刘林吴何郑罗杨谢邓郭冯许曾蔡彭肖潘朱钟卢叶莫余赖周苏江胡徐区麦'.split('');
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文志辉海燕晓俊嘉欣颖婷浩宇子轩思琪梓涵'.split(
    '',
  );
const UNIT_WORDS = [
  '建设工程',
  '城市规划设计',
  '电力工程',
  '市政工程',
  '交通科技',
  '环境检测',
  '信息技术',
  '医疗器械',
  '水利水电',
  '建筑设计',
  '工程监理',
  '地质勘察',
];
const UNIT_KINDS = ['有限公司', '股份有限公司', '研究院', '设计院', '集团有限公司'];
const SERIES = ['工程技术人员', '卫生技术人员', '经济专业人员', '会计专业人员', '中小学教师', '农业技术人员'];
const EDUCATIONS = ['博士研究生', '硕士研究生', '大学本科教育', '大学本科教育', '大学本科教育', '专科教育'];
const QUALIFICATIONS = ['助理级', '中级', '中级', '中级', '副高级', '正高级'];
export const INSTITUTION_NAMES = [
  '广东省继续教育协会培训中心',
  '华南理工大学继续教育学院',
  '中山大学继续教育学院',
  '广东工业大学继续教育学院',
  '深圳市建设工程培训中心',
  '广州市专业技术人员继续教育基地',
];
export const STUDY_FORMS_USED = ['面授', '网络培训', '远程教育', '学术会议', '进修'];

const PUBLIC_COURSES = [
  '数字经济与创新发展',
  '人工智能与数字化转型',
  '新质生产力与产业创新',
  '专业技术人员职业道德',
  '知识产权保护与运用',
  '习近平新时代中国特色社会主义思想',
];
const PROFESSIONAL_COURSES = [
  '建设工程质量安全管理',
  '绿色建筑评价标准与应用',
  '装配式建筑技术与管理',
  '建设工程造价管理实务',
  '城市更新与既有建筑改造',
  '建筑消防安全技术',
  '岩土工程勘察新技术',
  '电力系统自动化',
  '智慧交通系统设计',
  '环境影响评价实务',
  '临床诊疗规范更新',
  '医院感染预防与控制',
  '财务报表分析',
  '政府会计制度',
  '课堂教学设计与评价',
  '现代农业技术推广',
  '工程项目风险管理',
  '结构抗震设计规范解读',
  '水利工程施工技术',
  '信息系统安全等级保护',
];
const ELECTIVE_COURSES = [
  'BIM技术在工程管理中的应用',
  '工程伦理与职业道德',
  '项目管理沟通技巧',
  '职场心理健康',
  '商务写作与公文处理',
  '英语能力提升',
  '办公软件高级应用',
  '法律法规基础知识',
];

/** A small seeded PRNG, so a run with the same N builds the same data. */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}
export type Rand = ReturnType<typeof prng>;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** The 21 cities of Guangdong and their county codes (东莞 and 中山 have no counties: the city's own code). */
export function guangdong() {
  return regionChildren('44').map((c) => {
    const counties = regionChildren(c.code)
      .map((x) => x.code)
      .filter((code) => /^\d{6}$/.test(code));
    return { code: c.code, name: c.name, counties: counties.length > 0 ? counties : [`${c.code}00`] };
  });
}
export type City = ReturnType<typeof guangdong>[number];

export function personName(rand: Rand) {
  return pick(rand, SURNAMES) + pick(rand, GIVEN) + (rand() < 0.6 ? pick(rand, GIVEN) : '');
}

/**
 * A valid 公民身份号码 for person `i` (unique per i): a real Guangdong county code, a birth date
 * spread over 1962–2001, and a sequence; the check char by GB 11643.
 */
export function idNumberOf(i: number, regions: readonly string[]) {
  const r = i % regions.length;
  const k = Math.floor(i / regions.length);
  const seq = k % 1000;
  const d = Math.floor(k / 1000);
  const spread = (r * 131 + seq * 37) * 7;
  const offset = (d + spread) % 14_600; // 40 years of days; injective in d for a given region and seq
  const birth = new Date(Date.UTC(1962, 0, 1) + offset * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10);
  return {
    idNumber: makeIdNumber({ region: regions[r], birthDate: ymd.replaceAll('-', ''), seq }),
    birthDate: ymd,
  };
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid 统一社会信用代码 for employer `e` (unique per e). */
export function usccOf(e: number, county: string) {
  let n = e;
  let base = '';
  for (let i = 0; i < 6; i++) {
    base = USCC_BODY[n % 31] + base;
    n = Math.floor(n / 31);
  }
  return makeUscc({ first: '9', category: '1', region: county, orgBase: `MB${base}` });
}

const BRANDS = [
  '粤海',
  '华信',
  '南方',
  '正达',
  '恒基',
  '宏远',
  '同创',
  '中联',
  '广信',
  '粤建',
  '华南',
  '珠江',
  '岭南',
  '鹏程',
  '新粤',
  '汇通',
];
export function employerName(city: City, rand: Rand) {
  return `${city.name.replace(/市$/, '')}${pick(rand, BRANDS)}${pick(rand, UNIT_WORDS)}${pick(rand, UNIT_KINDS)}`;
}

export function profileOf(rand: Rand) {
  const education = pick(rand, EDUCATIONS);
  return {
    series: pick(rand, SERIES),
    education,
    degree: education.includes('博士')
      ? '博士'
      : education.includes('硕士')
        ? '硕士'
        : education === '专科教育'
          ? '无'
          : '学士',
    qualification: pick(rand, QUALIFICATIONS),
  };
}

/** The courses of one person: distinct per person, so no two overlap (SPEC §6). */
export function courseOf(subject: SubjectType, j: number, offset: number, year: number) {
  if (subject === 'public') return `${year}年公需课：${PUBLIC_COURSES[(offset + j) % PUBLIC_COURSES.length]}`;
  const list = subject === 'professional' ? PROFESSIONAL_COURSES : ELECTIVE_COURSES;
  return `${list[(offset + j * 7) % list.length]}（${year}）`;
}
