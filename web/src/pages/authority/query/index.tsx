import { Button, Drawer, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type AuthorityInfo, type AuthorityQueryItem, authorityQueryApi } from '../../../api/authorities';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type SearchField } from '../../../components/ListPage';
import { searchText, useSeqColumn } from '../../records/components/columns';
import { AuthorityInfoView } from '../components/AuthorityInfoView';

const searchFields: SearchField[] = [searchText('name', '行业主管(组织)名称')];

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const onError = useApiError();
  const [info, setInfo] = useState<AuthorityInfo | null>(null);
  useEffect(() => {
    setInfo(null);
    if (!id) return;
    let live = true;
    authorityQueryApi
      .get(id)
      .then((d) => live && setInfo(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);
  return (
    <Drawer open={id !== null} onClose={onClose} title="行业主管(组织)信息" size={1000} destroyOnHidden>
      {info ? <AuthorityInfoView info={info} /> : <Spin />}
    </Drawer>
  );
}

/** 行业主管查询 (002 §1.7.4): the approved lower-level authorities of its 专业系列 in its region. */
export function AuthorityQueryPage() {
  const seq = useSeqColumn<AuthorityQueryItem>();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <ListPage<AuthorityQueryItem>
        title="行业主管查询"
        rowKey="id"
        searchFields={searchFields}
        exportUrl={authorityQueryApi.exportUrl}
        request={(query) => authorityQueryApi.list(seq.track(query))}
        columns={[
          seq.column,
          { title: '所属行政区域', dataIndex: 'regionName' },
          { title: '行业主管(组织)名称', dataIndex: 'unitName' },
          { title: '专业系列', dataIndex: 'series' },
          { title: '联系人', dataIndex: 'contactName' },
          { title: '联系电话', dataIndex: 'phone' },
          { title: '详细地址', dataIndex: 'unitAddress' },
          {
            title: '操作',
            key: 'actions',
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <DetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
