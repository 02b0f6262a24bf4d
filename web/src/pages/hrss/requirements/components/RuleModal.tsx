import { type RequirementSaveRequest, SERIES } from '@ce/shared';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { identityApi } from '../../../../api/identity';
import { type RequirementRuleDto, requirementsApi } from '../../../../api/requirements';
import { useApiError } from '../../../../api/useApiError';

interface RuleValues {
  fromYear: number;
  toYear?: number | null;
  series?: string | null;
  regionCode?: string | null;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  electiveHours: number;
  hoursPerDay: number;
  note?: string;
}

const PROVINCE = '__province__';

/**
 * What a total that differs from the three categories together means for 年度验证 (shared/src/rules/
 * requirements.ts: every category and the total must each be reached); null when they agree.
 */
export function totalsMismatch(v: Partial<RuleValues>): string | null {
  const parts = [v.publicHours, v.professionalHours, v.electiveHours];
  if (v.totalHours == null || parts.some((p) => p == null)) return null;
  const sum = Math.round(parts.reduce<number>((a, p) => a + (p ?? 0), 0) * 10) / 10;
  const total = v.totalHours;
  if (sum === total) return null;
  return sum < total
    ? `公需课、专业课、选修课学时之和为${sum}学时，少于总学时${total}学时：各类达标后还须另有${Math.round((total - sum) * 10) / 10}学时，任何科目类型均可计入。`
    : `公需课、专业课、选修课学时之和为${sum}学时，多于总学时${total}学时：各类学时都须达到，实际至少需要${sum}学时，总学时不再起作用。`;
}

/** 新增 / 修改 one rule; 修改 saves a new version and the old one stays as history. */
export function RuleModal(props: {
  open: boolean;
  /** the rule being modified (a 系统默认 row is a template for a new rule) */
  rule: RequirementRuleDto | null;
  scopeRegionCode: string | null;
  scopeRegionName: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { open, rule, scopeRegionCode, scopeRegionName } = props;
  const [form] = Form.useForm<RuleValues>();
  const { modal } = App.useApp();
  const watched = Form.useWatch([], form) as Partial<RuleValues> | undefined;
  const mismatch = totalsMismatch(watched ?? {});
  const onError = useApiError();
  const [saving, setSaving] = useState(false);
  const [cities, setCities] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (!open || scopeRegionCode !== null) return;
    identityApi
      .regions('44')
      .then(({ items }) => setCities(items.map((c) => ({ value: c.code, label: c.name }))))
      .catch(() => setCities([]));
  }, [open, scopeRegionCode]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        ...rule,
        regionCode: rule.regionCode ?? (scopeRegionCode === null ? PROVINCE : scopeRegionCode),
        note: rule.isDefault ? '' : (rule.note ?? ''),
      });
    } else {
      form.setFieldsValue({
        fromYear: new Date().getFullYear(),
        regionCode: scopeRegionCode ?? PROVINCE,
        hoursPerDay: 6,
      });
    }
  }, [open, rule, scopeRegionCode, form]);

  const regionOptions =
    scopeRegionCode === null
      ? [{ value: PROVINCE, label: '全省' }, ...cities]
      : [{ value: scopeRegionCode, label: scopeRegionName }];

  const submit = async () => {
    let values: RuleValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    // a rule decides every covered person's 年度验证 at once: say whom it reaches before it does
    const where =
      values.regionCode === PROVINCE
        ? '全省'
        : (regionOptions.find((o) => o.value === values.regionCode)?.label ?? scopeRegionName);
    const years = values.toYear ? `${values.fromYear}—${values.toYear}年度` : `${values.fromYear}年度起`;
    const ok = await modal.confirm({
      title: '确定保存年度学时要求？',
      content: [
        `适用于${where}${values.series ? `${values.series}` : '全部专业系列'}${years}，保存后立即生效，相关人员的年度验证结果按新要求判断。`,
        totalsMismatch(values),
      ]
        .filter(Boolean)
        .join(''),
      okText: '确定',
      cancelText: '取消',
    });
    if (!ok) return;
    setSaving(true);
    try {
      const result = await requirementsApi.saveRule({
        ...values,
        toYear: values.toYear ?? null,
        series: (values.series ?? null) as RequirementSaveRequest['series'],
        regionCode: values.regionCode === PROVINCE ? null : (values.regionCode ?? null),
        note: values.note ?? null,
        replacesId: rule && !rule.isDefault ? rule.id : null,
      });
      props.onSaved(result.message ?? '保存成功');
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const hours = (name: keyof RuleValues, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} max={1000} step={1} precision={1} style={{ width: '100%' }} addonAfter="学时" />
    </Form.Item>
  );

  return (
    <Modal
      title={rule && !rule.isDefault ? '修改年度学时要求' : '新增年度学时要求'}
      open={open}
      onCancel={props.onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {rule && !rule.isDefault && (
        <Typography.Paragraph type="secondary">
          修改将生成新版本（第{rule.version + 1}版），原版本停用并保留在历史版本中。
        </Typography.Paragraph>
      )}
      <Form form={form} name="rule" layout="vertical">
        <Form.Item label="适用年度" required style={{ marginBottom: 0 }}>
          <Form.Item
            name="fromYear"
            rules={[{ required: true, message: '请填写起始年度' }]}
            style={{ display: 'inline-block', width: 'calc(50% - 12px)' }}
          >
            <InputNumber min={1990} max={2100} placeholder="起始年度" style={{ width: '100%' }} />
          </Form.Item>
          <span style={{ display: 'inline-block', width: 24, textAlign: 'center', lineHeight: '32px' }}>
            至
          </span>
          <Form.Item name="toYear" style={{ display: 'inline-block', width: 'calc(50% - 12px)' }}>
            <InputNumber
              min={1990}
              max={2100}
              placeholder="截止年度（不填为长期）"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item name="series" label="专业系列" extra="不选择则适用于全部专业系列">
          <Select
            allowClear
            placeholder="全部专业系列"
            options={SERIES.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label="适用地区" rules={[{ required: true, message: '请选择适用地区' }]}>
          <Select options={regionOptions} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>{hours('totalHours', '总学时')}</Col>
          <Col span={12}>{hours('publicHours', '公需课学时')}</Col>
          <Col span={12}>{hours('professionalHours', '专业课学时')}</Col>
          <Col span={12}>{hours('electiveHours', '选修课学时')}</Col>
        </Row>
        {mismatch && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={mismatch} />}
        <Form.Item
          name="hoursPerDay"
          label="每天折算学时"
          rules={[{ required: true, message: '请填写每天折算学时' }]}
          extra="参训天数 × 每天折算学时 为拟申报学时的上限"
        >
          <InputNumber
            min={0.5}
            max={24}
            step={0.5}
            precision={1}
            style={{ width: '100%' }}
            addonAfter="学时/天"
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200, message: '备注不能超过200字' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
