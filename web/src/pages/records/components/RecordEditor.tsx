import { Alert, App, Button, Card, Flex, Form, Popconfirm, Space, Spin, Tooltip } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import type { RecordDetail, RecordEndpoints, RecordInput } from '../../../api/records';
import { useApiError } from '../../../api/useApiError';
import { AttachmentsPanel } from './AttachmentsPanel';
import { RecordForm, type RecordFormValues, recordFormValues, toRecordInput } from './RecordForm';
import { RecordBasics, RecordHistory } from './RecordView';

/** A button of the record card beside 保存: 确认送审, 确认, 回收, 删除. */
export interface RecordAction {
  label: string;
  /** whether the record offers it now (detail.can.*) */
  allowed: (detail: RecordDetail) => boolean;
  /** shown (disabled) before the first 保存, to show the manual's sequence */
  showBeforeSave?: boolean;
  run: (id: string) => Promise<unknown>;
  /** ask before running */
  confirm?: string;
  /** save the form first when it is open for editing */
  saveFirst?: boolean;
  done: string;
  primary?: boolean;
  danger?: boolean;
  /** the record is gone afterwards (删除) */
  closes?: boolean;
}

interface RecordEditorProps {
  /** null: a new record */
  id: string | null;
  /** 查看: nothing is edited here, the actions stay */
  readOnly?: boolean;
  endpoints: RecordEndpoints;
  /** creates the record from the form (null: aborted, e.g. no staff member chosen) */
  create: (input: RecordInput) => Promise<RecordDetail | null>;
  /** the person's fields inside the form (Cols): read-only, or the employer's staff picker */
  person: (detail: RecordDetail | null) => ReactNode;
  actions: RecordAction[];
  /** shown with a 409 INVALID_STATE on 保存 of a new record (e.g. 人员基本信息 not confirmed) */
  blockedHelp?: ReactNode;
  /** after every change: the list behind reloads */
  onChanged: () => void;
  /** the record was created (its id) or deleted (null) */
  onIdChange: (id: string | null) => void;
}

/**
 * Fill → 保存 → 附件材料 (新增) → 确认送审 / 确认 (manual 000 step 8, 001 §3.3.1, 003 §1.6.1): one card of
 * 基本信息 with its buttons top-right; 附件材料 opens after the first 保存; 审批流程 below.
 */
export function RecordEditor(props: RecordEditorProps) {
  const { id, endpoints, onChanged, onIdChange } = props;
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<RecordFormValues>();
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  /** the record on screen (a new one is already loaded when its id comes back from the owner) */
  const loadedId = useRef<string | null>(null);

  const load = useCallback(
    async (recordId: string) => {
      const d = await endpoints.get(recordId);
      loadedId.current = d.id;
      setDetail(d);
      return d;
    },
    [endpoints],
  );

  useEffect(() => {
    setBlocked(null);
    if (!id) {
      loadedId.current = null;
      setDetail(null);
      return;
    }
    if (loadedId.current === id) return;
    setLoading(true);
    load(id)
      .catch(onError)
      .finally(() => setLoading(false));
  }, [id, load, onError]);

  // An achievement (成果申报) keeps its own fields: only its 附件材料 change here.
  const editable = !props.readOnly && (!detail || (detail.can.edit && !detail.achievementKind));

  // The form shows the record on screen (empty for a new one); filled after the render that shows it,
  // since a form instance touched while no <Form> uses it is not connected (查看 shows no form at all).
  useEffect(() => {
    if (!editable) return;
    if (detail) form.setFieldsValue(recordFormValues(detail));
    else form.resetFields();
  }, [editable, detail, form]);

  /** 保存: create or update; returns the record's id, or null when the form is not valid. */
  const save = async (): Promise<string | null> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return null;
    const input = toRecordInput(values);
    try {
      if (detail) {
        await endpoints.update(detail, input);
        await load(detail.id);
        return detail.id;
      }
      const created = await props.create(input);
      if (!created) return null;
      loadedId.current = created.id;
      setDetail(created);
      onIdChange(created.id);
      return created.id;
    } catch (error) {
      if (!detail && error instanceof ApiError && error.code === 'INVALID_STATE') setBlocked(error.message);
      onError(error, form);
      return null;
    }
  };

  const onSave = async () => {
    setBusy('保存');
    try {
      if (await save()) {
        void message.success('保存成功，请上传附件材料');
        onChanged();
      }
    } finally {
      setBusy(null);
    }
  };

  const runAction = async (action: RecordAction) => {
    if (!detail) return;
    setBusy(action.label);
    try {
      const recordId = action.saveFirst && editable ? await save() : detail.id;
      if (!recordId) return;
      await action.run(recordId);
      void message.success(action.done);
      onChanged();
      if (action.closes) onIdChange(null);
      else await load(recordId);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const attach = async (body: { fileId: string; name: string }) => {
    if (!detail) return;
    await endpoints.attach(detail.id, body);
    await load(detail.id);
  };
  const detach = async (attachmentId: string) => {
    if (!detail) return;
    await endpoints.detach(detail.id, attachmentId);
    await load(detail.id);
  };

  const buttons = props.actions
    .filter((a) => (detail ? a.allowed(detail) : a.showBeforeSave))
    .map((a) => {
      const button = (
        <Button
          key={a.label}
          type={a.primary ? 'primary' : 'default'}
          danger={a.danger}
          disabled={!detail || (busy !== null && busy !== a.label)}
          loading={busy === a.label}
          onClick={a.confirm ? undefined : () => runAction(a)}
        >
          {a.label}
        </Button>
      );
      // shown before the first 保存 to show the sequence: say why it cannot be clicked yet
      if (!detail) {
        return (
          <Tooltip key={a.label} title={`请先填写并保存基本信息，再${a.label}`}>
            {button}
          </Tooltip>
        );
      }
      return a.confirm ? (
        <Popconfirm key={a.label} title={a.confirm} onConfirm={() => runAction(a)}>
          {button}
        </Popconfirm>
      ) : (
        button
      );
    });

  if (loading && !detail) return <Spin />;
  return (
    <Flex vertical gap={16}>
      {blocked && <Alert type="error" showIcon title={blocked} description={props.blockedHelp} />}
      {detail && <Alert type="info" showIcon title={detail.countsNote} />}
      <Card
        size="small"
        title="基本信息"
        extra={
          <Space>
            {editable && (
              <Button
                type="primary"
                onClick={onSave}
                loading={busy === '保存'}
                disabled={busy !== null && busy !== '保存'}
              >
                保存
              </Button>
            )}
            {buttons}
          </Space>
        }
      >
        {editable ? (
          <RecordForm form={form} person={props.person(detail)} />
        ) : (
          detail && <RecordBasics detail={detail} />
        )}
      </Card>
      <AttachmentsPanel
        attachments={detail?.attachments ?? []}
        editable={!props.readOnly && Boolean(detail?.can.attach)}
        hint={detail ? undefined : '请先填写并保存基本信息，再上传附件材料。'}
        onAdd={attach}
        onRemove={detach}
      />
      {detail && detail.history.length > 0 && <RecordHistory detail={detail} />}
    </Flex>
  );
}
