import { EMPLOYER_BINDING_LABELS, SEX_LABELS } from '@ce/shared';
import { Descriptions, Drawer, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { type ProfessionalDetail, peopleApi } from '../../../../api/people';
import { useApiError } from '../../../../api/useApiError';

/** A person's full 人员基本信息 (ID number and phone in full on the detail, SPEC §13). */
export function StaffDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const onError = useApiError();
  const [detail, setDetail] = useState<ProfessionalDetail | null>(null);

  useEffect(() => {
    setDetail(null);
    if (!id) return;
    peopleApi.staffDetail(id).then(setDetail).catch(onError);
  }, [id, onError]);

  const items = detail
    ? [
        ['姓名', detail.name],
        ['性别', SEX_LABELS[detail.sex]],
        ['公民身份号码', detail.idNumber],
        ['民族', detail.ethnicity],
        ['出生日期', detail.birthDate],
        ['籍贯', detail.nativePlace],
        ['最高学历', detail.education],
        ['最高学位', detail.degree],
        ['所学专业', detail.major],
        ['毕业院校', detail.school],
        ['毕业时间', detail.graduationDate],
        ['参加工作时间', detail.workStartDate],
        ['联系电话', detail.contactPhone],
        ['邮箱', detail.email],
        ['专业技术任职资格', detail.qualification],
        ['取得资格时间', detail.qualificationDate],
        ['专业系列', detail.series],
        ['从事专业', detail.specialty],
        ['邮政编码', detail.postalCode],
        ['通信地址', detail.mailingAddress],
        ['确认状态', EMPLOYER_BINDING_LABELS[detail.bindingStatus]],
      ].map(([label, value]) => ({ key: label ?? '', label, children: value ?? '' }))
    : [];

  return (
    <Drawer open={id !== null} onClose={onClose} title="人员基本信息" size={640}>
      {detail ? <Descriptions column={2} bordered size="small" items={items} /> : <Skeleton active />}
    </Drawer>
  );
}
