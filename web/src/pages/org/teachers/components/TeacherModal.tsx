import { QUALIFICATIONS, SEX_LABELS, teacherSexMismatch } from '@ce/shared';
import { App, Col, Form, Input, Modal, Row, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type TeacherInput, teachersApi } from '../../../../api/teachers';
import { useApiError } from '../../../../api/useApiError';

interface TeacherModalProps {
  /** 'new' for 新增, a teacher id for 修改, null when closed */
  target: 'new' | string | null;
  onClose: () => void;
  onSaved: () => void;
}

const sexOptions = Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }));
const titleOptions = QUALIFICATIONS.map((q) => ({ value: q, label: q }));
const required = (label: string, picked = false) => ({
  required: true,
  message: picked ? `请选择${label}` : `请填写${label}`,
});

/** 师资信息: 新增 or 修改 (manual 002 §1.6.1), every field required. */
export function TeacherModal({ target, onClose, onSaved }: TeacherModalProps) {
  const [form] = Form.useForm<TeacherInput>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const isNew = target === 'new';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target === 'new') return;
    setLoading(true);
    teachersApi
      .get(target)
      .then((d) =>
        form.setFieldsValue({
          name: d.name,
          sex: d.sex,
          idNumber: d.idNumber,
          teacherTitle: d.teacherTitle as TeacherInput['teacherTitle'],
          contactPhone: d.contactPhone,
          teacherEmail: d.teacherEmail,
          teachableCourses: d.teachableCourses,
          teacherIntro: d.teacherIntro,
        }),
      )
      .catch((error: unknown) => {
        onError(error);
        onClose();
      })
      .finally(() => setLoading(false));
  }, [target, form, onError, onClose]);

  const save = async () => {
    let values: TeacherInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = { ...values, idNumber: values.idNumber.trim().toUpperCase() };
    const mismatch = teacherSexMismatch(body.idNumber, body.sex);
    if (mismatch) {
      form.setFields([{ name: 'sex', errors: [mismatch] }]);
      return;
    }
    setSaving(true);
    try {
      if (isNew) await teachersApi.create(body);
      else if (target) await teachersApi.update(target, body);
      void message.success('保存成功');
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={isNew ? '新增：师资信息' : '修改：师资信息'}
      width={760}
      okText="保存"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      forceRender
    >
      <Spin spinning={loading}>
        <Form form={form} name="teacher" layout="vertical" requiredMark>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="name" label="姓名" rules={[required('姓名'), { max: 50 }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="sex" label="性别" rules={[required('性别', true)]}>
                <Select placeholder="请您选择..." options={sexOptions} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="idNumber" label="公民身份号码" rules={[required('公民身份号码')]}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="teacherTitle" label="专业技术资格" rules={[required('专业技术资格', true)]}>
                <Select placeholder="请您选择..." options={titleOptions} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactPhone" label="联系电话" rules={[required('联系电话')]}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="teacherEmail"
                label="E-Mail"
                rules={[required('E-Mail'), { type: 'email', message: 'E-Mail格式错误' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="teachableCourses" label="可以教授课程" rules={[required('可以教授课程')]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="teacherIntro" label="教师简介" rules={[required('教师简介')]}>
            <Input.TextArea rows={5} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}
