import { type AuthorityInfo, CERT_TYPE_LABELS, ORG_LEVEL_OPTIONS, SERIES, UNIT_NATURES } from '@ce/shared';
import { Col, Form, type FormRule, Input, Row, Select } from 'antd';

/** The form's values; the read-only ones are shown for reference and never sent. */
export interface AuthorityFormValues {
  unitName: string;
  certType: string;
  certNumber: string;
  regionName: string;
  parentUnitName: string;
  nature?: string;
  level?: string;
  series?: string;
  contactName?: string;
  officePhone?: string;
  mobilePhone?: string;
  email?: string;
  postalCode?: string;
  unitAddress?: string;
  description?: string;
}

export function toAuthorityFormValues(p: AuthorityInfo, parent: string): AuthorityFormValues {
  return {
    unitName: p.unitName,
    certType: CERT_TYPE_LABELS[p.certType],
    certNumber: p.certNumber,
    regionName: p.regionName,
    parentUnitName: parent,
    nature: p.nature ?? undefined,
    level: p.level ?? undefined,
    series: p.series ?? undefined,
    contactName: p.contactName ?? undefined,
    officePhone: p.officePhone ?? undefined,
    mobilePhone: p.mobilePhone ?? undefined,
    email: p.email ?? undefined,
    postalCode: p.postalCode ?? undefined,
    unitAddress: p.unitAddress ?? undefined,
    description: p.description ?? undefined,
  };
}

/** The fields 信息维护 may change (002 §1.2.2). */
export function authorityContacts(v: AuthorityFormValues) {
  return {
    contactName: v.contactName ?? '',
    officePhone: v.officePhone ?? '',
    mobilePhone: v.mobilePhone ?? '',
    email: v.email ?? '',
    postalCode: v.postalCode ?? '',
    unitAddress: v.unitAddress ?? '',
    description: v.description ?? '',
  };
}

const required = (label: string, verb = '请填写'): FormRule => ({
  required: true,
  message: `${verb}${label}`,
});
const natureOptions = UNIT_NATURES.map((value) => ({ value, label: value }));
const seriesOptions = SERIES.map((value) => ({ value, label: value }));

/**
 * 行业主管部门基本信息 (002 §1.2.1): 单位名称, 代码 and 行政区划 come from the unit account.
 * `locked` disables 单位性质, 隶属关系 and 专业序列 (信息维护); `readOnly` disables everything.
 */
export function AuthorityFormItems({
  locked,
  readOnly,
  parentLabel,
}: {
  locked: boolean;
  readOnly: boolean;
  /** 上级行业主管部门 (信息维护) or 审核部门 (申请) */
  parentLabel: string;
}) {
  const fixed = locked || readOnly;
  const half = { xs: 24, md: 12 };
  return (
    <Row gutter={24}>
      <Col {...half}>
        <Form.Item name="unitName" label="单位名称" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="certType" label="单位代码类型" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="certNumber" label="单位代码" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="nature" label="单位性质" rules={[required('单位性质', '请选择')]}>
          <Select disabled={fixed} placeholder="请您选择..." options={natureOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="level" label="隶属关系" rules={[required('隶属关系', '请选择')]}>
          <Select disabled={fixed} placeholder="请您选择..." options={ORG_LEVEL_OPTIONS} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="series" label="专业序列" rules={[required('专业序列', '请选择')]}>
          <Select disabled={fixed} placeholder="请您选择..." options={seriesOptions} showSearch />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="regionName" label="行政区划" required>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="parentUnitName" label={parentLabel}>
          <Input disabled />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactName" label="联系人" rules={[required('联系人')]}>
          <Input disabled={readOnly} maxLength={50} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="officePhone"
          label="办公电话"
          rules={[
            required('办公电话'),
            {
              pattern: /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,12})$/,
              message: '办公电话格式应为区号-号码（如020-88886666）或纯数字',
            },
          ]}
        >
          <Input disabled={readOnly} maxLength={20} placeholder="如：020-88886666" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="mobilePhone"
          label="移动电话"
          rules={[required('移动电话'), { pattern: /^1[3-9]\d{9}$/, message: '移动电话应为11位手机号码' }]}
        >
          <Input disabled={readOnly} maxLength={11} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="email"
          label="Email"
          rules={[required('Email'), { type: 'email', message: '邮箱格式错误' }]}
        >
          <Input disabled={readOnly} maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="postalCode"
          label="邮政编码"
          rules={[required('邮政编码'), { pattern: /^\d{6}$/, message: '邮政编码应为6位数字' }]}
        >
          <Input disabled={readOnly} maxLength={6} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="unitAddress"
          label="单位通讯地址"
          extra="(限100字)"
          rules={[required('单位通讯地址')]}
        >
          <Input disabled={readOnly} maxLength={100} showCount />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="description"
          label="单位职能简介"
          extra="(限500字)"
          rules={[required('单位职能简介')]}
        >
          <Input.TextArea disabled={readOnly} maxLength={500} showCount rows={4} />
        </Form.Item>
      </Col>
    </Row>
  );
}
