import { checkIdNumber, type ProfessionalFields } from '@ce/shared';

/** A complete, valid 人员基本信息 for an ID number (sex and birth date taken from it), for tests. */
export function profileFor(idNumber: string, name = '张测试'): ProfessionalFields {
  const id = checkIdNumber(idNumber);
  if (!id.ok) throw new Error(`profileFor: ${id.reason}`);
  return {
    name,
    sex: id.sex,
    ethnicity: '汉族',
    birthDate: id.birthDate,
    nativePlace: '广东省广州市',
    education: '大学本科教育',
    degree: '学士',
    major: '土木工程',
    school: '华南理工大学',
    graduationDate: '2012-07-01',
    workStartDate: '2012-08-01',
    contactPhone: '13800138000',
    email: 'zhang@example.com',
    qualification: '中级',
    qualificationDate: '2018-12-01',
    series: '工程技术人员',
    specialty: '建筑工程',
    postalCode: '510000',
    mailingAddress: '广州市天河区',
  };
}
