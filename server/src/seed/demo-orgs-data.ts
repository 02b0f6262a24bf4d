import { makeIdNumber } from '@ce/shared';

type Sex = 'male' | 'female';

/**
 * The reviewing and teaching orgs of the demo (issue 10): a provincial and a city 行业主管部门 of
 * 工程技术人员, and two 广州 施教机构 — one qualified for 工程技术人员, one waiting for the city
 * authority's review — each with an authorized agent (a level-2 person) and a few teachers.
 */
export interface DemoOrg {
  loginName: string;
  name: string;
  /** the unit's most specific region (county) */
  county: string;
  orgBase: string;
  nature: string;
  role: 'authority' | 'institution';
  level: 'province' | 'city';
  agent: {
    loginName: string;
    realName: string;
    sex: Sex;
    birthDate: string;
    seq: number;
    phone: string;
  };
  teachers: {
    name: string;
    sex: Sex;
    birthDate: string;
    seq: number;
    qualification: string;
    courses: string;
  }[];
}

export const DEMO_SERIES = '工程技术人员';

export const DEMO_ORGS: DemoOrg[] = [
  {
    loginName: 'gdzjt',
    name: '广东省住房和城乡建设厅',
    county: '440104',
    orgBase: 'GDHJT001',
    nature: '政府部门',
    role: 'authority',
    level: 'province',
    agent: {
      loginName: 'zhoujm',
      realName: '周建明',
      sex: 'male',
      birthDate: '19780419',
      seq: 611,
      phone: '13800138011',
    },
    teachers: [
      {
        name: '林国栋',
        sex: 'male',
        birthDate: '19700105',
        seq: 711,
        qualification: '正高级',
        courses: '建筑结构抗震设计；工程建设标准强制性条文',
      },
      {
        name: '郑雅琴',
        sex: 'female',
        birthDate: '19750814',
        seq: 722,
        qualification: '副高级',
        courses: '建设工程质量安全管理',
      },
    ],
  },
  {
    loginName: 'gzzjj',
    name: '广州市住房和城乡建设局',
    county: '440104',
    orgBase: 'GHJJ0001',
    nature: '政府部门',
    role: 'authority',
    level: 'city',
    agent: {
      loginName: 'wulh',
      realName: '吴丽华',
      sex: 'female',
      birthDate: '19830927',
      seq: 622,
      phone: '13800138012',
    },
    teachers: [
      {
        name: '何志强',
        sex: 'male',
        birthDate: '19720312',
        seq: 733,
        qualification: '副高级',
        courses: '城市更新与既有建筑改造',
      },
    ],
  },
  {
    loginName: 'gzjszx',
    name: '广州市建设职业培训学校',
    county: '440111',
    orgBase: 'GHJX0001',
    nature: '事业单位',
    role: 'institution',
    level: 'city',
    agent: {
      loginName: 'chenpx',
      realName: '陈沛霞',
      sex: 'female',
      birthDate: '19880611',
      seq: 633,
      phone: '13800138013',
    },
    teachers: [
      {
        name: '梁振华',
        sex: 'male',
        birthDate: '19690721',
        seq: 744,
        qualification: '正高级',
        courses: '装配式建筑施工技术；BIM技术应用',
      },
      {
        name: '苏慧敏',
        sex: 'female',
        birthDate: '19810203',
        seq: 755,
        qualification: '中级',
        courses: '工程造价与合同管理',
      },
    ],
  },
  {
    loginName: 'gzgcjx',
    name: '广州市工程技术继续教育培训中心',
    county: '440106',
    orgBase: 'GHGCJX01',
    nature: '民营企业',
    role: 'institution',
    level: 'city',
    agent: {
      loginName: 'liuyx',
      realName: '刘逸轩',
      sex: 'male',
      birthDate: '19910130',
      seq: 644,
      phone: '13800138014',
    },
    teachers: [
      {
        name: '罗文杰',
        sex: 'male',
        birthDate: '19770925',
        seq: 766,
        qualification: '副高级',
        courses: '绿色建筑与节能技术',
      },
    ],
  },
];

export const idOf = (p: { birthDate: string; seq: number; sex: Sex }, region: string) =>
  makeIdNumber({ region, birthDate: p.birthDate, seq: p.seq, sex: p.sex });
