import { CERT_TYPE_LABELS, ORG_LEVEL_OPTIONS, UNIT_NATURES } from '@ce/shared';
import { Col, Form, type FormRule, Input, Row, Select } from 'antd';
import type { InstitutionProfile } from '../../../../api/institutions';

/** The form's values; 机构名称, 代码类型 and 机构代码 are shown for reference and never sent. */
export interface InstitutionFormValues {
  unitName: string;
  certType: string;
  certNumber: string;
  level?: string;
  nature?: string;
  parentAuthorityName?: string;
  legalName?: string;
  legalPhone?: string;
  legalEmail?: string;
  contactName?: string;
  contactMobile?: string;
  contactEmail?: string;
  institutionAddress?: string;
  institutionIntro?: string;
}

export function toFormValues(p: InstitutionProfile): InstitutionFormValues {
  const v = (x: string | null) => x ?? undefined;
  return {
    unitName: p.unitName,
    certType: CERT_TYPE_LABELS[p.certType],
    certNumber: p.certNumber,
    level: v(p.level),
    nature: v(p.nature),
    parentAuthorityName: v(p.parentAuthorityName),
    legalName: v(p.legalName),
    legalPhone: v(p.legalPhone),
    legalEmail: v(p.legalEmail),
    contactName: v(p.contactName),
    contactMobile: v(p.contactMobile),
    contactEmail: v(p.contactEmail),
    institutionAddress: v(p.institutionAddress),
    institutionIntro: v(p.institutionIntro),
  };
}

/** The fields 施教机构信息维护 may change without review. */
export function contactValues(v: InstitutionFormValues) {
  return {
    legalPhone: v.legalPhone ?? '',
    legalEmail: v.legalEmail ?? '',
    contactName: v.contactName ?? '',
    contactMobile: v.contactMobile ?? '',
    contactEmail: v.contactEmail ?? '',
    institutionAddress: v.institutionAddress ?? '',
    institutionIntro: v.institutionIntro ?? '',
  };
}

const required = (label: string, verb = '请填写'): FormRule => ({
  required: true,
  message: `${verb}${label}`,
});
const mobile = (label: string): FormRule[] => [
  required(label),
  { pattern: /^1[3-9]\d{9}$/, message: `${label}应为11位手机号码` },
];
const email = (label: string): FormRule[] => [
  required(label),
  { type: 'email', message: `${label}格式错误` },
];
const natureOptions = UNIT_NATURES.map((value) => ({ value, label: value }));

/**
 * 施教机构基本信息 (002 §1.5.2): `locked` disables what only a new application changes (信息维护),
 * `readOnly` everything (an approved application).
 */
export function InstitutionFormItems({ locked, readOnly }: { locked: boolean; readOnly: boolean }) {
  const fixed = locked || readOnly;
  const half = { xs: 24, md: 12 };
  return (
    <Row gutter={24}>
      <Col {...half}>
        <Form.Item name="unitName" label="机构名称" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="certNumber" label="机构代码" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="level"
          label="机构/基地级别"
          rules={[required('机构/基地级别', '请选择')]}
          extra="须与单位账号的行政区划一致"
        >
          <Select disabled={fixed} placeholder="请您选择..." options={ORG_LEVEL_OPTIONS} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="nature" label="性质" rules={[required('性质', '请选择')]}>
          <Select disabled={fixed} placeholder="请您选择..." options={natureOptions} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="parentAuthorityName"
          label="上级行业主管部门名称"
          rules={[required('上级行业主管部门名称')]}
        >
          <Input disabled={fixed} maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="legalName" label="法人姓名" rules={[required('法人姓名')]}>
          <Input disabled={fixed} maxLength={50} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="legalPhone" label="法人联系电话" rules={mobile('法人联系电话')}>
          <Input disabled={readOnly} maxLength={11} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="legalEmail" label="法人E-Mail" rules={email('法人E-Mail')}>
          <Input disabled={readOnly} maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactName" label="联系人姓名" rules={[required('联系人姓名')]}>
          <Input disabled={readOnly} maxLength={50} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactMobile" label="联系人电话" rules={mobile('联系人电话')}>
          <Input disabled={readOnly} maxLength={11} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactEmail" label="联系人E-Mail" rules={email('联系人E-Mail')}>
          <Input disabled={readOnly} maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="institutionAddress"
          label="机构详细地址"
          extra="(限100字)"
          rules={[required('机构详细地址')]}
        >
          <Input disabled={readOnly} maxLength={100} showCount />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="institutionIntro"
          label="机构基地简介"
          extra="(限500字)"
          rules={[required('机构基地简介')]}
        >
          <Input.TextArea disabled={readOnly} maxLength={500} showCount rows={4} />
        </Form.Item>
      </Col>
    </Row>
  );
}
