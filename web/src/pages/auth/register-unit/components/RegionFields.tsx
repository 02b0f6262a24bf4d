import { Flex, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { identityApi } from '../../../../api/identity';
import type { RegionNode } from '../../../../api/types';

/** Children of a region ('' = provinces), loaded lazily; null = nothing to load yet. */
function useRegions(parent: string | null): RegionNode[] {
  const [items, setItems] = useState<RegionNode[]>([]);
  useEffect(() => {
    setItems([]);
    if (parent === null) return;
    let live = true;
    identityApi
      .regions(parent)
      .then((result) => live && setItems(result.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [parent]);
  return items;
}

const toOptions = (items: RegionNode[]) => items.map((r) => ({ value: r.code, label: r.name }));

/**
 * 单位所在地区: 省 / 市 / 县 cascade (form fields provinceCode, cityCode, countyCode).
 * The 县 select is needed only when the city has children (东莞 and 中山 have towns, not counties).
 */
export function RegionFields() {
  const form = Form.useFormInstance();
  const provinceCode: string | undefined = Form.useWatch('provinceCode', form);
  const cityCode: string | undefined = Form.useWatch('cityCode', form);
  const provinces = useRegions('');
  const cities = useRegions(provinceCode ?? null);
  const city = cities.find((c) => c.code === cityCode);
  const counties = useRegions(city?.hasChildren ? city.code : null);
  const countyRequired = counties.length > 0;

  return (
    <Form.Item label="单位所在地区" required>
      <Flex gap={8}>
        <Form.Item
          name="provinceCode"
          noStyle
          rules={[{ required: true, message: '请选择单位所在地区（省）' }]}
        >
          <Select
            aria-label="省"
            placeholder="请选择...（省）"
            options={toOptions(provinces)}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1, minWidth: 120 }}
            onChange={() => form.setFieldsValue({ cityCode: undefined, countyCode: undefined })}
          />
        </Form.Item>
        <Form.Item name="cityCode" noStyle rules={[{ required: true, message: '请选择单位所在地区（市）' }]}>
          <Select
            aria-label="市"
            placeholder="请选择...（市）"
            options={toOptions(cities)}
            disabled={!provinceCode}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1, minWidth: 120 }}
            onChange={() => form.setFieldsValue({ countyCode: undefined })}
          />
        </Form.Item>
        <Form.Item
          name="countyCode"
          noStyle
          rules={[{ required: countyRequired, message: '请选择单位所在地区（县）' }]}
        >
          <Select
            aria-label="县"
            placeholder="请选择...（县）"
            options={toOptions(counties)}
            disabled={!countyRequired}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1, minWidth: 120 }}
          />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}
