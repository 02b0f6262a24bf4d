import { DownOutlined, UpOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ListQueryValue, SearchField } from './types';

export type SearchValues = Record<string, string | [Dayjs | null, Dayjs | null] | null | undefined>;

/** How many fields the folded form shows (its first row). */
export const FOLDED_FIELDS = 3;

export function toFilters(fields: SearchField[], values: SearchValues): Record<string, ListQueryValue> {
  const filters: Record<string, ListQueryValue> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'dateRange') {
      if (!Array.isArray(value)) continue;
      filters[field.fromKey] = value[0]?.format('YYYY-MM-DD');
      filters[field.toKey] = value[1]?.format('YYYY-MM-DD');
    } else if (typeof value === 'string' && value.trim() !== '') {
      filters[field.name] = value.trim();
    }
  }
  return filters;
}

/** The control element itself (not a wrapper component), so Form.Item can inject id/value/onChange. */
function searchControl(field: SearchField) {
  if (field.type === 'select') {
    return <Select allowClear placeholder="全部" options={field.options} style={{ width: 180 }} />;
  }
  if (field.type === 'dateRange') return <DatePicker.RangePicker />;
  return <Input allowClear placeholder={field.placeholder ?? '请输入'} style={{ width: 180 }} />;
}

interface SearchFormProps {
  form: FormInstance<SearchValues>;
  fields: SearchField[];
  onSearch: (values: SearchValues) => void;
  onClear: () => void;
}

/** The search form: the first row, 展开/收起 for the rest, 查询 and 清空. Folded fields keep their values. */
export function SearchForm({ form, fields, onSearch, onClear }: SearchFormProps) {
  const [expanded, setExpanded] = useState(false);
  const foldable = fields.length > FOLDED_FIELDS;
  return (
    <Card size="small">
      <Form form={form} layout="inline" onFinish={onSearch} style={{ rowGap: 12 }}>
        {fields.map((field, i) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            hidden={foldable && !expanded && i >= FOLDED_FIELDS}
          >
            {searchControl(field)}
          </Form.Item>
        ))}
        <Form.Item style={{ marginInlineStart: 'auto', marginInlineEnd: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={onClear}>清空</Button>
            {foldable && (
              <Button type="link" onClick={() => setExpanded((e) => !e)} style={{ paddingInline: 4 }}>
                {expanded ? (
                  <>
                    收起 <UpOutlined />
                  </>
                ) : (
                  <>
                    展开 <DownOutlined />
                  </>
                )}
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
