/**
 * Dictionaries shipped as data (SPEC §4, §6). The value stored is the label itself, as the
 * old system showed it, so an Excel import and a list read the same words.
 */

/** 民族: the 56 ethnic groups, in the order of GB 3304. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

/** 最高学历 */
export const EDUCATIONS = [
  '博士研究生',
  '硕士研究生',
  '研究生教育',
  '大学本科教育',
  '专科教育',
  '中等职业教育',
  '普通高级中学教育',
  '初中及以下',
  '其他',
] as const;

/** 最高学位 */
export const DEGREES = ['名誉博士', '博士', '硕士', '学士', '无'] as const;

/** 专业系列 (专业序列 / 行业序列): the series of professional and technical titles. */
export const SERIES = [
  '工程技术人员',
  '高等学校教师',
  '中等专业学校教师',
  '技工学校教师',
  '中小学教师',
  '实验技术人员',
  '科学研究人员',
  '社会科学研究',
  '卫生技术人员',
  '农业技术人员',
  '经济专业人员',
  '会计专业人员',
  '统计专业人员',
  '审计专业人员',
  '翻译专业人员',
  '新闻专业人员',
  '出版专业人员',
  '播音专业人员',
  '图书、资料专业人员',
  '文物博物专业人员',
  '档案专业人员',
  '工艺美术专业人员',
  '艺术专业人员',
  '体育教练员',
  '律师',
  '公证员',
  '船舶技术人员',
  '民用航空飞行技术人员',
  '海关专业人员',
  '知识产权专业人员',
  '其他',
] as const;

/** 专业技术任职资格 (level) */
export const QUALIFICATIONS = ['无', '员级', '助理级', '中级', '副高级', '正高级'] as const;

/** 单位性质 */
export const UNIT_NATURES = [
  '政府部门',
  '事业单位',
  '国有企业',
  '集体企业',
  '民营企业',
  '外资企业',
  '社会团体',
  '民办非企业单位',
  '其他',
] as const;

/** 隶属关系 */
export const ORG_LEVEL_LABELS = { province: '省级', city: '市级', county: '县(区)级' } as const;

/** 科目类型 (公需课 / 专业课 / 选修课) */
export const SUBJECT_TYPES = ['public', 'professional', 'elective'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  public: '公需课',
  professional: '专业课',
  elective: '选修课',
};

/** 学习形式 */
export const STUDY_FORMS = ['面授', '网络培训', '远程教育', '学术会议', '进修', '其他'] as const;

/** 考核结果 */
export const ASSESSMENT_LABELS = { passed: '合格', failed: '不合格' } as const;
export type Assessment = keyof typeof ASSESSMENT_LABELS;

export const SEX_LABELS = { male: '男性', female: '女性' } as const;
export type Sex = keyof typeof SEX_LABELS;

/** Achievements that earn 专业课 hours (SPEC §6): 28 for the main author, 14 for others. */
export const ACHIEVEMENT_KIND_LABELS = {
  patent: '专利',
  monograph: '专著',
  project: '省级课题',
  paper: '省级刊物论文',
} as const;
export type AchievementKind = keyof typeof ACHIEVEMENT_KIND_LABELS;
export const ACHIEVEMENT_ROLE_LABELS = { main: '主要作者', other: '其他作者' } as const;
export const ACHIEVEMENT_HOURS = { main: 28, other: 14 } as const;

/** 来源 of a CE record */
export const RECORD_SOURCE_LABELS = {
  person: '个人申报',
  employer: '单位申报',
  institution: '施教机构报送',
  achievement: '成果折算',
  import: '批量申报',
  class: '单位培训班',
  legacy: '历史数据',
} as const;
export type RecordSource = keyof typeof RECORD_SOURCE_LABELS;
