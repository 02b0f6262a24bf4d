import { checkUnitCode, UNIT_CERT_TYPE_LABELS, unitContactPhone, unitInfoFields } from '@ce/shared';
import { Alert, Button, Form, type FormInstance, type FormRule, Input, Select, Space } from 'antd';
import { LoginNameField, PasswordFields } from '../../../../components/PasswordFields';
import { zodRule } from '../../../../forms';
import { RegionFields } from './RegionFields';

export interface UnitValues {
  loginName: string;
  password: string;
  confirmPassword: string;
  unitName: string;
  certType: 'uscc' | 'orgcode';
  certNumber: string;
  provinceCode: string;
  cityCode: string;
  countyCode?: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
}

const fields = unitInfoFields.shape;

/** 单位证件号码: GB 32100 / GB 11714 check digit, by the selected 单位证件类型. */
const certNumberRule: FormRule = ({ getFieldValue }) => ({
  required: true,
  validator: async (_rule, value: unknown) => {
    const code = typeof value === 'string' ? value.trim() : '';
    if (!code) throw new Error('请输入单位证件号码');
    const result = checkUnitCode(getFieldValue('certType'), code);
    if (!result.ok) throw new Error(result.reason);
  },
});

const certTypeOptions = Object.entries(UNIT_CERT_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** Step 2 单位信息登记 (manual 003 §1.1.3); 下一步 sends the SMS code to the agent's phone. */
export function UnitInfoStep({
  form,
  agentName,
  phoneMasked,
  submitting,
  onBack,
  onNext,
}: {
  form: FormInstance<UnitValues>;
  agentName: string;
  phoneMasked: string;
  submitting: boolean;
  onBack: () => void;
  onNext: (values: UnitValues) => void;
}) {
  return (
    <Form
      form={form}
      labelCol={{ span: 6 }}
      wrapperCol={{ span: 16 }}
      initialValues={{ certType: 'uscc', contactName: agentName }}
      onFinish={onNext}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 24 }}
        title={`单位所属实名认证人员：${agentName}，短信验证码将发送至其注册手机 ${phoneMasked}`}
      />
      <LoginNameField autoComplete="off" />
      <PasswordFields />
      <Form.Item name="unitName" label="单位名称" rules={[zodRule(fields.unitName)]}>
        <Input placeholder="必填" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="certType"
        label="单位证件类型"
        rules={[{ required: true, message: '请选择单位证件类型' }]}
      >
        <Select
          options={certTypeOptions}
          onChange={() => form.validateFields(['certNumber']).catch(() => {})}
        />
      </Form.Item>
      <Form.Item
        name="certNumber"
        label="单位证件号码"
        extra="组织机构代码第九位“-”请省略"
        dependencies={['certType']}
        rules={[certNumberRule]}
      >
        <Input placeholder="必填(组织机构代码第九位“-”请省略)" maxLength={20} />
      </Form.Item>
      <RegionFields />
      <Form.Item name="address" label="单位详细地址" rules={[zodRule(fields.address)]}>
        <Input placeholder="必填(例如街道名称,门牌号码等信息)" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="legalRepresentative"
        label="单位法人姓名"
        rules={[zodRule(fields.legalRepresentative)]}
      >
        <Input placeholder="必填" maxLength={50} />
      </Form.Item>
      <Form.Item name="contactName" label="联系人姓名" rules={[zodRule(fields.contactName)]}>
        <Input placeholder="必填" maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={[zodRule(unitContactPhone)]}>
        <Input placeholder="必填" maxLength={11} />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6, span: 16 }}>
        <Space>
          <Button onClick={onBack}>上一步</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            下一步
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
