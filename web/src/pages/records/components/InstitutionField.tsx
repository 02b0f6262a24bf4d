import { Form, type FormInstance, Input, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type Institution, recordSupportApi } from '../../../api/records';
import type { RecordFormValues } from './RecordForm';

/**
 * 施教机构名称: pick a registered institution from the list (选入), or type the name in the text box
 * beside it when it is not listed (manual 003 §1.6.1). Picking fills the text box with the name;
 * typing clears the pick.
 */
export function InstitutionField({ form, id }: { form: FormInstance<RecordFormValues>; id: string }) {
  const [options, setOptions] = useState<Institution[]>([]);
  const [keyword, setKeyword] = useState('');
  const pickedId = Form.useWatch('institutionId', form) as string | null | undefined;
  const typedName = Form.useWatch('institutionName', form) as string | null | undefined;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      recordSupportApi
        .institutions(keyword || undefined)
        .then((r) => live && setOptions(r.items))
        .catch(() => live && setOptions([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [keyword]);

  // The picked institution stays selectable even when the latest search did not return it.
  const all =
    pickedId && !options.some((o) => o.id === pickedId)
      ? [{ id: pickedId, name: typedName ?? '' }, ...options]
      : options;

  return (
    <Form.Item label="施教机构名称" htmlFor={id}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          aria-label="选择施教机构"
          showSearch={{ filterOption: false, onSearch: setKeyword }}
          allowClear
          placeholder="请选择施教机构（选入）"
          style={{ width: '50%' }}
          value={pickedId ?? undefined}
          options={all.map((o) => ({ value: o.id, label: o.name }))}
          notFoundContent="未找到施教机构，请在右侧文本框录入"
          onChange={(value: string | undefined) => {
            const picked = all.find((o) => o.id === value);
            form.setFieldsValue({ institutionId: picked?.id ?? null, institutionName: picked?.name ?? null });
          }}
        />
        <Form.Item name="institutionName" noStyle>
          <Input
            id={id}
            maxLength={100}
            placeholder="未能选到时请在此录入施教机构名称"
            style={{ width: '50%' }}
            onChange={() => form.setFieldValue('institutionId', null)}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="institutionId" hidden>
        <Input />
      </Form.Item>
    </Form.Item>
  );
}
