import {
  ASSESSMENT_LABELS,
  type Assessment,
  DEFAULT_HOURS_PER_DAY,
  STUDY_FORMS,
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
  type SubjectType,
} from '@ce/shared';
import { Col, DatePicker, Form, type FormInstance, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { RecordDetail, RecordInput } from '../../../api/records';
import { notAfterToday } from '../../../forms';
import { InstitutionField } from './InstitutionField';

/** The form's own values: dates as Dayjs, the rest as the request names them. */
export interface RecordFormValues {
  courseName: string;
  subjectType: SubjectType;
  studyForm: RecordInput['studyForm'];
  startDate: Dayjs;
  endDate: Dayjs;
  days: number;
  declaredHours: number;
  assessment: Assessment;
  institutionId?: string | null;
  institutionName?: string | null;
  location?: string | null;
  content?: string | null;
  remark?: string | null;
}

/** The record form's name: its inputs get ids `record_<field>`, distinct from the list's search form. */
export const RECORD_FORM_NAME = 'record';
const fieldId = (field: string) => `${RECORD_FORM_NAME}_${field}`;

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toRecordInput(v: RecordFormValues): RecordInput {
  return {
    courseName: v.courseName,
    subjectType: v.subjectType,
    studyForm: v.studyForm,
    startDate: v.startDate.format('YYYY-MM-DD'),
    endDate: v.endDate.format('YYYY-MM-DD'),
    days: v.days,
    declaredHours: v.declaredHours,
    assessment: v.assessment,
    institutionId: v.institutionId ?? null,
    institutionName: blankToNull(v.institutionName),
    location: blankToNull(v.location),
    content: blankToNull(v.content),
    remark: blankToNull(v.remark),
  };
}

export function recordFormValues(d: RecordDetail): RecordFormValues {
  return {
    courseName: d.courseName,
    subjectType: d.subjectType,
    // the detail is read back as text; what was stored came through this same dictionary
    studyForm: d.studyForm as RecordInput['studyForm'],
    startDate: dayjs(d.startDate),
    endDate: dayjs(d.endDate),
    days: d.days,
    declaredHours: d.declaredHours,
    assessment: d.assessment,
    institutionId: d.institutionId,
    institutionName: d.institutionName,
    location: d.location,
    content: d.content,
    remark: d.remark,
  };
}

/** A read-only field of the form (taken from the person or computed), labelled for screen readers. */
export function ReadOnlyField({
  label,
  value,
  required,
}: {
  label: string;
  value: ReactNode;
  required?: boolean;
}) {
  const id = fieldId(`ro_${label}`);
  return (
    <Form.Item label={label} htmlFor={id} required={required}>
      <Input
        id={id}
        value={typeof value === 'string' || typeof value === 'number' ? value : ''}
        readOnly
        variant="filled"
      />
    </Form.Item>
  );
}

const subjectOptions = SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] }));
const studyFormOptions = STUDY_FORMS.map((s) => ({ value: s, label: s }));
const assessmentOptions = Object.entries(ASSESSMENT_LABELS).map(([value, label]) => ({ value, label }));
const required = (message: string) => [{ required: true, message }];

interface RecordFormProps {
  form: FormInstance<RecordFormValues>;
  /** *姓名, *性别, *公民身份号码 (read-only from the person, or the employer's staff picker) */
  person: ReactNode;
  disabled?: boolean;
}

/**
 * 基本信息 of a CE record (继续教育培训记录申报填写, manual 001 §3.3.1 / 003 §1.6.1) in the manual's
 * two columns. 申报年度 follows 学习结束时间; 拟申报学时 defaults to 参训天数 × 6.
 */
export function RecordForm({ form, person, disabled }: RecordFormProps) {
  const endDate = Form.useWatch('endDate', form) as Dayjs | undefined;

  const onValuesChange = (changed: Partial<RecordFormValues>) => {
    if (
      changed.days !== undefined &&
      typeof changed.days === 'number' &&
      !form.getFieldValue('declaredHours')
    ) {
      form.setFieldValue('declaredHours', changed.days * DEFAULT_HOURS_PER_DAY);
    }
  };

  return (
    <Form<RecordFormValues>
      form={form}
      name={RECORD_FORM_NAME}
      labelCol={{ flex: '120px' }}
      labelWrap
      disabled={disabled}
      onValuesChange={onValuesChange}
      initialValues={{ assessment: 'passed' }}
    >
      <Row gutter={24}>
        {person}
        <Col xs={24} md={12}>
          <Form.Item name="courseName" label="课程名称" rules={required('请填写课程名称')}>
            <Input maxLength={100} placeholder="请输入课程名称" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subjectType" label="科目类型" rules={required('请选择科目类型')}>
            <Select options={subjectOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="studyForm" label="学习形式" rules={required('请选择学习形式')}>
            <Select options={studyFormOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="startDate"
            label="学习开始时间"
            rules={[...required('请填写学习开始时间'), notAfterToday('学习开始时间')]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endDate"
            label="学习结束时间"
            dependencies={['startDate']}
            rules={[
              { required: true, message: '请填写学习结束时间' },
              notAfterToday('学习结束时间'),
              ({ getFieldValue }) => ({
                validator: async (_r, value: Dayjs | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  if (value && start && value.isBefore(start, 'day')) {
                    throw new Error('学习结束时间不能早于学习开始时间');
                  }
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="days" label="参训天数" rules={required('请填写参训天数')}>
            <InputNumber min={0.5} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="declaredHours"
            label="拟申报学时"
            extra={`不超过参训天数×${DEFAULT_HOURS_PER_DAY}`}
            rules={required('请填写拟申报学时')}
          >
            <InputNumber min={0.1} step={1} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="assessment" label="考核结果" rules={required('请选择考核结果')}>
            <Select options={assessmentOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <ReadOnlyField label="申报年度" required value={endDate ? String(endDate.year()) : ''} />
        </Col>
        <Col xs={24}>
          <InstitutionField form={form} id={fieldId('institutionName')} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="location" label="学习地点">
            <Input maxLength={100} placeholder="(限100字)" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="content" label="学习内容">
            <Input maxLength={100} placeholder="(限100字)" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="remark" label="备注">
            <Input.TextArea rows={2} maxLength={100} showCount placeholder="(限100字)" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">
        注：如果在[施教机构名称]中未能选到相应的施教机构，请在后面的文本框中录入！
      </Typography.Text>
    </Form>
  );
}
