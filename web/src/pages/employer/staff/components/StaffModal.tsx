import { App, Form, type FormInstance, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type ProfessionalDetail, peopleApi } from '../../../../api/people';
import { useApiError } from '../../../../api/useApiError';
import {
  ProfessionalFormItems,
  type ProfessionalFormValues,
  toFormValues,
  toRequest,
} from '../../../person/profile/components/ProfessionalFormItems';

interface StaffModalProps {
  /** 'new' for 新增, a staff id for 修改, null when closed */
  target: 'new' | string | null;
  unitName: string;
  onClose: () => void;
  onSaved: () => void;
}

/** 单位人员基本信息: 新增 (keyed by the ID number, confirmed at once) or 修改 (manual 003 §1.5.2). */
export function StaffModal({ target, unitName, onClose, onSaved }: StaffModalProps) {
  const [form] = Form.useForm<ProfessionalFormValues>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [loading, setLoading] = useState(false);
  const [detail, setDetail] = useState<ProfessionalDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const isNew = target === 'new';

  useEffect(() => {
    setDetail(null);
    if (!target || target === 'new') return;
    setLoading(true);
    peopleApi
      .staffDetail(target)
      .then(setDetail)
      .catch((error: unknown) => {
        onError(error);
        onClose();
      })
      .finally(() => setLoading(false));
  }, [target, onError, onClose]);

  const save = async () => {
    let values: ProfessionalFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (isNew) {
        await peopleApi.addStaff({ ...toRequest(values), idNumber: values.idNumber.trim().toUpperCase() });
        void message.success('保存成功，该人员已属于本单位');
      } else if (target) {
        await peopleApi.updateStaff(target, toRequest(values));
        void message.success('保存成功');
      }
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
      title={isNew ? '新增：单位人员基本信息' : '编辑：单位人员基本信息'}
      width={860}
      okText="保存"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">单位名称：</Typography.Text>
        {unitName}
      </Typography.Paragraph>
      {isNew && (
        <Typography.Paragraph type="secondary">
          保存成功之后该人员属于本单位；该人员以此公民身份号码注册个人账号后即可看到这些信息。
        </Typography.Paragraph>
      )}
      {target !== null && (loading || (!isNew && !detail)) ? (
        <Skeleton active />
      ) : (
        <StaffForm form={form} detail={isNew ? null : detail} isNew={isNew} />
      )}
    </Modal>
  );
}

/**
 * The form itself, filled by its own effect: that runs once its <Form> is mounted (the modal's content
 * mounts after the modal opens; a form instance touched before any <Form> uses it is not connected).
 */
function StaffForm({
  form,
  detail,
  isNew,
}: {
  form: FormInstance<ProfessionalFormValues>;
  detail: ProfessionalDetail | null;
  isNew: boolean;
}) {
  useEffect(() => {
    form.resetFields();
    if (detail) form.setFieldsValue(toFormValues(detail));
  }, [form, detail]);
  return (
    // named: its inputs get ids `staff_<field>`, apart from the list's search form (姓名 there is `name`),
    // so each label points at its own input
    <Form<ProfessionalFormValues> form={form} name="staff" layout="vertical">
      <ProfessionalFormItems form={form} idNumberEditable={isNew} />
    </Form>
  );
}
