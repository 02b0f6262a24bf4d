import {
  ACHIEVEMENT_HOURS,
  ACHIEVEMENT_KIND_LABELS,
  ACHIEVEMENT_ROLE_LABELS,
  type AchievementKind,
} from '@ce/shared';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../../api/client';
import { myRecordsApi, type RecordDetail } from '../../../../api/records';
import { useApiError } from '../../../../api/useApiError';
import { notAfterToday } from '../../../../forms';

interface AchievementValues {
  achievementKind: AchievementKind;
  achievementRole: 'main' | 'other';
  courseName: string;
  endDate: Dayjs;
  remark?: string;
}

const kindOptions = Object.entries(ACHIEVEMENT_KIND_LABELS).map(([value, label]) => ({ value, label }));
const roleOptions = (['main', 'other'] as const).map((r) => ({
  value: r,
  label: `${ACHIEVEMENT_ROLE_LABELS[r]}（${ACHIEVEMENT_HOURS[r]}学时）`,
}));

/**
 * 成果申报 (SPEC §6): a patent, monograph, provincial project or paper counts as 专业课 —
 * 28 学时 for the main author, 14 for the others. Saved as a draft; the proof is attached next.
 */
export function AchievementModal({
  open,
  onClose,
  onCreated,
  blockedHelp,
}: {
  open: boolean;
  blockedHelp: ReactNode;
  onClose: () => void;
  onCreated: (detail: RecordDetail) => void;
}) {
  const [form] = Form.useForm<AchievementValues>();
  const onError = useApiError();
  const [saving, setSaving] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const created = await myRecordsApi.createAchievement({
        achievementKind: values.achievementKind,
        achievementRole: values.achievementRole,
        courseName: values.courseName,
        endDate: values.endDate.format('YYYY-MM-DD'),
        remark: values.remark?.trim() ? values.remark.trim() : null,
      });
      form.resetFields();
      onCreated(created);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_STATE') setBlocked(error.message);
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="成果申报"
      open={open}
      okText="保存"
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {blocked && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={blocked} description={blockedHelp} />
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="专利、专著、省级课题、省级刊物论文可折算专业课学时：主要作者28学时，其他作者14学时。保存后请上传成果证明材料并确认送审。"
      />
      <Form form={form} name="achievement" layout="vertical" initialValues={{ achievementRole: 'main' }}>
        <Form.Item
          name="achievementKind"
          label="成果类型"
          rules={[{ required: true, message: '请选择成果类型' }]}
        >
          <Select options={kindOptions} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          name="achievementRole"
          label="作者排名"
          rules={[{ required: true, message: '请选择作者排名' }]}
        >
          <Radio.Group options={roleOptions} />
        </Form.Item>
        <Form.Item
          name="courseName"
          label="成果名称"
          rules={[{ required: true, whitespace: true, message: '请填写成果名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="endDate"
          label="取得时间"
          rules={[{ required: true, message: '请填写取得时间' }, notAfterToday('取得时间')]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <Input.TextArea rows={2} maxLength={100} showCount placeholder="(限100字)" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
