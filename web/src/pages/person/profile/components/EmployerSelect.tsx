import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type EmployerBrief, peopleApi } from '../../../../api/people';
import { useApiError } from '../../../../api/useApiError';

interface EmployerSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  /** the employer already chosen, so its name shows before any search */
  current: EmployerBrief | null;
}

const label = (e: EmployerBrief) => `${e.name}（${e.regionName}）`;

/** 所属单位: search the 法人单位 registered in the system by name and pick one (确认选入). */
export function EmployerSelect({ value, onChange, id, current }: EmployerSelectProps) {
  const onError = useApiError();
  const [found, setFound] = useState<EmployerBrief[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = (name: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      peopleApi
        .employers(name.trim() || undefined)
        .then(setFound)
        .catch(onError)
        .finally(() => setLoading(false));
    }, 300);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first page of employers once
  useEffect(() => {
    search('');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const all = current && !found.some((e) => e.id === current.id) ? [current, ...found] : found;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      placeholder="输入单位名称查询，选择所属单位"
      notFoundContent={loading ? '查询中…' : '未找到该单位，请让您的单位先进本系统完成法人单位角色申请'}
      options={all.map((e) => ({ value: e.id, label: label(e) }))}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
    />
  );
}
