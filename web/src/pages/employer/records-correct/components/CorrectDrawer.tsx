import {
  ASSESSMENT_LABELS,
  type Assessment,
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
  type SubjectType,
} from '@ce/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { employerRecordsApi, type RecordDetail } from '../../../../api/records';
import { useApiError } from '../../../../api/useApiError';
import { ReadOnlyField } from '../../../records/components/RecordForm';
import { RecordHistory } from '../../../records/components/RecordView';

interface CorrectionValues {
  courseName: string;
  subjectType: SubjectType;
  startDate: Dayjs;
  endDate: Dayjs;
  days: number;
  assessment: Assessment;
  recognisedHours: number;
  correctionReason: string;
}

const subjectOptions = SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] }));
const assessmentOptions = Object.entries(ASSESSMENT_LABELS).map(([value, label]) => ({ value, label }));
const req = (message: string) => [{ required: true, message }];

/**
 * 培训信息维护 of one approved record (SPEC §6): correct it with a 修改原因, which goes into the
 * 审批流程; the person's totals follow at once.
 */
export function CorrectDrawer({
  id,
  onClose,
  onSaved,
}: {
  id: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<CorrectionValues>();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async (recordId: string) => {
    setDetail(await employerRecordsApi.get(recordId));
  }, []);

  // fill the form once it is rendered with the record (a form instance touched before is not connected)
  useEffect(() => {
    if (!detail) return;
    form.setFieldsValue({
      courseName: detail.courseName,
      subjectType: detail.subjectType,
      startDate: dayjs(detail.startDate),
      endDate: dayjs(detail.endDate),
      days: detail.days,
      assessment: detail.assessment,
      recognisedHours: detail.recognisedHours ?? detail.declaredHours,
      correctionReason: '',
    });
  }, [detail, form]);

  useEffect(() => {
    setDetail(null);
    if (id) load(id).catch(onError);
  }, [id, load, onError]);

  const save = async (v: CorrectionValues) => {
    if (!detail) return;
    setSaving(true);
    try {
      await employerRecordsApi.correct(detail.id, {
        courseName: v.courseName,
        subjectType: v.subjectType,
        startDate: v.startDate.format('YYYY-MM-DD'),
        endDate: v.endDate.format('YYYY-MM-DD'),
        days: v.days,
        assessment: v.assessment,
        recognisedHours: v.recognisedHours,
        correctionReason: v.correctionReason,
      });
      void message.success('修改成功，学时已重新统计');
      onSaved();
      await load(detail.id);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={id !== null} onClose={onClose} title="培训信息维护" size={1000} destroyOnHidden>
      {!detail ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title="对已审核同意的记录作修改，须填写修改原因；修改原因记入审批流程。"
          />
          <Card
            size="small"
            title="基本信息"
            extra={
              <Button
                type="primary"
                loading={saving}
                onClick={() => form.submit()}
                disabled={!detail.can.correct}
              >
                保存
              </Button>
            }
          >
            <Form<CorrectionValues> form={form} name="correct" labelCol={{ flex: '120px' }} onFinish={save}>
              <Row gutter={24}>
                <Col xs={24} md={12}>
                  <ReadOnlyField label="姓名" value={detail.name} />
                </Col>
                <Col xs={24} md={12}>
                  <ReadOnlyField label="公民身份号码" value={detail.idNumber} />
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="courseName" label="课程名称" rules={req('请填写课程名称')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="subjectType" label="科目类型" rules={req('请选择科目类型')}>
                    <Select options={subjectOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="startDate" label="学习开始时间" rules={req('请填写学习开始时间')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="endDate" label="学习结束时间" rules={req('请填写学习结束时间')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="days" label="参训天数" rules={req('请填写参训天数')}>
                    <InputNumber min={0.5} step={0.5} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="assessment" label="考核结果" rules={req('请选择考核结果')}>
                    <Select options={assessmentOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="recognisedHours" label="认定学时" rules={req('请填写认定学时')}>
                    <InputNumber min={0} step={1} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <ReadOnlyField label="拟申报学时" value={detail.declaredHours.toFixed(1)} />
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name="correctionReason"
                    label="修改原因"
                    rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}
                  >
                    <Input.TextArea rows={2} maxLength={200} showCount />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          <RecordHistory detail={detail} />
        </Flex>
      )}
    </Drawer>
  );
}
