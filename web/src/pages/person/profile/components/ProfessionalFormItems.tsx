import {
  checkIdNumber,
  DEGREES,
  EDUCATIONS,
  ETHNICITIES,
  idNumberMismatch,
  QUALIFICATIONS,
  SERIES,
  SEX_LABELS,
  type Sex,
} from '@ce/shared';
import { Col, DatePicker, Form, type FormInstance, type FormRule, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ProfessionalDetail, StaffUpdateInput } from '../../../../api/people';
import { notAfterToday } from '../../../../forms';

/** The form's values: dates as dayjs for the DatePicker, everything else as the API has it. */
export interface ProfessionalFormValues {
  name: string;
  sex: Sex;
  idNumber: string;
  ethnicity: string;
  birthDate: Dayjs | null;
  nativePlace: string;
  education: string;
  degree?: string | null;
  major: string;
  school: string;
  graduationDate: Dayjs | null;
  workStartDate: Dayjs | null;
  contactPhone: string;
  email?: string | null;
  qualification: string;
  qualificationDate?: Dayjs | null;
  series: string;
  specialty: string;
  postalCode?: string | null;
  mailingAddress?: string | null;
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const sexOptions = Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }));
const day = (value: string | null | undefined) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

export function toFormValues(p: ProfessionalDetail): ProfessionalFormValues {
  return {
    ...p,
    birthDate: day(p.birthDate),
    graduationDate: day(p.graduationDate),
    workStartDate: day(p.workStartDate),
    qualificationDate: day(p.qualificationDate),
  };
}

/** Form values → the request body (idNumber is added by the caller where it is sent). */
export function toRequest(v: ProfessionalFormValues): StaffUpdateInput {
  return {
    name: v.name,
    sex: v.sex,
    ethnicity: v.ethnicity as StaffUpdateInput['ethnicity'],
    birthDate: iso(v.birthDate) ?? '',
    nativePlace: v.nativePlace,
    education: v.education as StaffUpdateInput['education'],
    degree: (v.degree || null) as StaffUpdateInput['degree'],
    major: v.major,
    school: v.school,
    graduationDate: iso(v.graduationDate) ?? '',
    workStartDate: iso(v.workStartDate) ?? '',
    contactPhone: v.contactPhone,
    email: v.email || null,
    qualification: v.qualification as StaffUpdateInput['qualification'],
    qualificationDate: iso(v.qualificationDate),
    series: v.series as StaffUpdateInput['series'],
    specialty: v.specialty,
    postalCode: v.postalCode || null,
    mailingAddress: v.mailingAddress || null,
  };
}

const required = (label: string, verb = '请填写'): FormRule => ({
  required: true,
  message: `${verb}${label}`,
});

/** 性别 / 出生日期 must agree with the ID number (SPEC §4); the server checks it again. */
function agreesWithId(field: 'sex' | 'birthDate'): FormRule {
  return ({ getFieldValue }) => ({
    validator: async () => {
      const id = String(getFieldValue('idNumber') ?? '');
      const sex = getFieldValue('sex') as Sex | undefined;
      const birth = getFieldValue('birthDate') as Dayjs | null | undefined;
      if (!sex || !birth) return;
      const mismatch = idNumberMismatch(id.toUpperCase(), { sex, birthDate: birth.format('YYYY-MM-DD') });
      if (mismatch?.field === field) throw new Error(mismatch.message);
    },
  });
}

/**
 * The fields of 人员基本信息 / 单位人员基本信息 (manual 001 §3.2.1, manual 003 §1.5.2), in the
 * manual's two-column layout. Typing a valid ID number fills 性别 and 出生日期.
 */
export function ProfessionalFormItems({
  form,
  idNumberEditable,
}: {
  form: FormInstance<ProfessionalFormValues>;
  idNumberEditable: boolean;
}) {
  const fillFromId = (value: string) => {
    const check = checkIdNumber(value ?? '');
    if (!check.ok) return;
    form.setFieldsValue({ sex: check.sex, birthDate: dayjs(check.birthDate) });
    void form.validateFields(['sex', 'birthDate']);
  };
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label="姓名" rules={[required('姓名'), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sex" label="性别" rules={[required('性别', '请选择'), agreesWithId('sex')]}>
          <Select placeholder="请您选择..." options={sexOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="idNumber"
          label="公民身份号码"
          rules={[
            required('公民身份号码'),
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const check = checkIdNumber(value);
                if (!check.ok) throw new Error(check.reason);
              },
            },
          ]}
        >
          <Input
            maxLength={18}
            disabled={!idNumberEditable}
            onChange={(e) => idNumberEditable && fillFromId(e.target.value)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="birthDate"
          label="出生日期"
          rules={[required('出生日期', '请选择'), notAfterToday('出生日期'), agreesWithId('birthDate')]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ethnicity" label="民族" rules={[required('民族', '请选择')]}>
          <Select showSearch placeholder="请您选择..." options={options(ETHNICITIES)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="nativePlace" label="籍贯" rules={[required('籍贯')]}>
          <Input maxLength={100} placeholder="如：广东省广州市" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="education" label="最高学历" rules={[required('最高学历', '请选择')]}>
          <Select placeholder="请您选择..." options={options(EDUCATIONS)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="degree" label="最高学位">
          <Select allowClear placeholder="请您选择..." options={options(DEGREES)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="major" label="所学专业" rules={[required('所学专业')]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="school" label="毕业院校" rules={[required('毕业院校')]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="graduationDate"
          label="毕业时间"
          rules={[required('毕业时间', '请选择'), notAfterToday('毕业时间')]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="workStartDate"
          label="参加工作时间"
          rules={[required('参加工作时间', '请选择'), notAfterToday('参加工作时间')]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="contactPhone"
          label="联系电话"
          rules={[
            required('联系电话'),
            {
              pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
              message: '联系电话应为11位手机号码或带区号的固定电话',
            },
          ]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式错误' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="qualification"
          label="专业技术任职资格"
          rules={[required('专业技术任职资格', '请选择')]}
        >
          <Select placeholder="请您选择..." options={options(QUALIFICATIONS)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="qualificationDate" label="取得资格时间" rules={[notAfterToday('取得资格时间')]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="series" label="专业系列" rules={[required('专业系列', '请选择')]}>
          <Select showSearch placeholder="请您选择..." options={options(SERIES)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="specialty" label="从事专业" rules={[required('从事专业')]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="postalCode"
          label="邮政编码"
          rules={[{ pattern: /^\d{6}$/, message: '邮政编码应为6位数字' }]}
        >
          <Input maxLength={6} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="mailingAddress" label="通信地址">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}
