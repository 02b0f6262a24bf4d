import { ORG_ROLE_LABELS } from '@ce/shared';
import { Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ActingUnitOption } from '../../../../api/types';

interface ActingUnitModalProps {
  units: ActingUnitOption[];
  loading: boolean;
  onUnit: (unitId: string) => void;
  onPerson: () => void;
}

/** Manual 003 §1.1.4: after a person login, pick a unit to act for, or go on as the person. */
export function ActingUnitModal({ units, loading, onUnit, onPerson }: ActingUnitModalProps) {
  const [unitId, setUnitId] = useState(units[0]?.unitId);
  return (
    <Modal
      open
      title="选择登录身份"
      closable={false}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onPerson} disabled={loading}>
            以个人身份登录
          </Button>
          <Button
            type="primary"
            loading={loading}
            disabled={!unitId}
            onClick={() => unitId && onUnit(unitId)}
          >
            使用选中的单位账号登录
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        您的个人账号已被以下单位授权为经办人，请选择关联的单位信息：
      </Typography.Paragraph>
      <Radio.Group
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={units.map((u) => ({
          value: u.unitId,
          label: `${u.unitName}（${u.loginName}）${u.roles.length ? ` ${u.roles.map((r) => ORG_ROLE_LABELS[r]).join('、')}` : ''}`,
        }))}
      />
    </Modal>
  );
}
