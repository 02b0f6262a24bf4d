import type { SubjectType } from '@ce/shared';

/** The data of the CE demo (demo-ce.ts): registered 施教机构 and 李娜's records. */

export const DEMO_INSTITUTIONS = [
  {
    loginName: 'gdjxxh_px',
    name: '广东省继续教育协会培训中心',
    county: '440104',
    orgBase: 'MA5GJX01',
    nature: '社会团体',
  },
  {
    loginName: 'scut_jxjy',
    name: '华南理工大学继续教育学院',
    county: '440106',
    orgBase: '45548793',
    nature: '事业单位',
  },
  {
    loginName: 'szjs_px',
    name: '深圳市建设工程培训中心',
    county: '440304',
    orgBase: 'MA5FJT02',
    nature: '民营企业',
  },
] as const;

export type Flow = 'draft' | 'submitted' | 'approved' | 'returned' | 'confirmed';
export interface DemoRecord {
  course: string;
  subject: SubjectType;
  start: string;
  end: string;
  days: number;
  hours: number;
  flow: Flow;
  institution: number;
}

/** 李娜's records: 2024 and 2025 meet 90 学时 (30 + 42 + 18); 2026 has 待办, 退案 and 草稿. */
export const LINA_RECORDS: DemoRecord[] = [
  {
    course: '2024年公需课：数字政府建设',
    subject: 'public',
    start: '2024-03-04',
    end: '2024-03-08',
    days: 5,
    hours: 30,
    flow: 'approved',
    institution: 0,
  },
  {
    course: '建筑工程施工质量验收规范解读',
    subject: 'professional',
    start: '2024-05-13',
    end: '2024-05-16',
    days: 4,
    hours: 24,
    flow: 'approved',
    institution: 1,
  },
  {
    course: '装配式建筑技术与管理',
    subject: 'professional',
    start: '2024-09-09',
    end: '2024-09-11',
    days: 3,
    hours: 18,
    flow: 'confirmed',
    institution: 2,
  },
  {
    course: '工程项目管理沟通技巧',
    subject: 'elective',
    start: '2024-11-04',
    end: '2024-11-06',
    days: 3,
    hours: 18,
    flow: 'approved',
    institution: 0,
  },
  {
    course: '2025年公需课：人工智能赋能高质量发展',
    subject: 'public',
    start: '2025-03-03',
    end: '2025-03-07',
    days: 5,
    hours: 30,
    flow: 'approved',
    institution: 0,
  },
  {
    course: '绿色建筑评价标准与应用',
    subject: 'professional',
    start: '2025-04-14',
    end: '2025-04-17',
    days: 4,
    hours: 24,
    flow: 'approved',
    institution: 1,
  },
  {
    course: '建设工程造价管理实务',
    subject: 'professional',
    start: '2025-06-16',
    end: '2025-06-18',
    days: 3,
    hours: 18,
    flow: 'confirmed',
    institution: 2,
  },
  {
    course: 'BIM技术在工程管理中的应用',
    subject: 'elective',
    start: '2025-10-20',
    end: '2025-10-22',
    days: 3,
    hours: 18,
    flow: 'approved',
    institution: 1,
  },
  {
    course: '2026年公需课：新质生产力与产业创新',
    subject: 'public',
    start: '2026-03-02',
    end: '2026-03-03',
    days: 2,
    hours: 12,
    flow: 'approved',
    institution: 0,
  },
  {
    course: '城市更新与既有建筑改造',
    subject: 'professional',
    start: '2026-09-14',
    end: '2026-09-15',
    days: 2,
    hours: 12,
    flow: 'submitted',
    institution: 1,
  },
  {
    course: '工程伦理与职业道德',
    subject: 'elective',
    start: '2026-10-12',
    end: '2026-10-12',
    days: 1,
    hours: 6,
    flow: 'returned',
    institution: 0,
  },
  {
    course: '建筑消防安全技术',
    subject: 'professional',
    start: '2026-11-02',
    end: '2026-11-03',
    days: 2,
    hours: 12,
    flow: 'draft',
    institution: 2,
  },
];
