import { App, Button, Col, Drawer, Form, Input, Space } from 'antd';
import { useRef, useState } from 'react';
import { employerRecordsApi, type RecordDetail, type StaffOption } from '../../../../api/records';
import { type RecordAction, RecordEditor } from '../../../records/components/RecordEditor';
import { ReadOnlyField } from '../../../records/components/RecordForm';
import { sexLabel } from '../../../records/components/RecordView';
import { StaffPicker } from './StaffPicker';

const actions: RecordAction[] = [
  {
    label: '确认',
    allowed: (d) => d.can.confirm,
    showBeforeSave: true,
    run: employerRecordsApi.confirm,
    saveFirst: true,
    confirm: '确认后本单位人员即获得学时，记录不能再删除。确定确认吗？',
    done: '确认成功，本单位人员已获得学时',
    primary: true,
  },
  {
    label: '删除',
    allowed: (d) => d.can.delete,
    run: employerRecordsApi.remove,
    confirm: '确定删除此记录吗？',
    done: '已删除',
    danger: true,
    closes: true,
  },
];

interface DeclareDrawerProps {
  /** undefined: closed; null: 添加培训记录 */
  id: string | null | undefined;
  onIdChange: (id: string | null | undefined) => void;
  onChanged: () => void;
}

/** 继续教育培训记录申报填写 by the employer for one of its staff (manual 003 §1.6.1). */
export function DeclareDrawer({ id, onIdChange, onChanged }: DeclareDrawerProps) {
  const { message } = App.useApp();
  const [staff, setStaff] = useState<StaffOption | null>(null);
  const [picking, setPicking] = useState(false);
  /** the 姓名 field's onChange, so a pick from the list fills the form's value (and clears its error) */
  const pickedField = useRef<((id: string) => void) | null>(null);

  const close = () => {
    setStaff(null);
    onIdChange(undefined);
  };

  const person = (d: RecordDetail | null) => {
    if (d) {
      return (
        <>
          <Col xs={24} md={12}>
            <ReadOnlyField label="姓名" required value={d.name} />
          </Col>
          <Col xs={24} md={12}>
            <ReadOnlyField label="性别" required value={sexLabel(d.sex)} />
          </Col>
          <Col xs={24} md={12}>
            <ReadOnlyField label="公民身份号码" required value={d.idNumber} />
          </Col>
        </>
      );
    }
    return (
      <>
        <Col xs={24} md={12}>
          {/* a field of the form: 保存 says 请选择人员 together with every other missing field */}
          <Form.Item name="professionalId" label="姓名" rules={[{ required: true, message: '请选择人员' }]}>
            <StaffField
              staff={staff}
              onPick={(onChange) => {
                pickedField.current = onChange;
                setPicking(true);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <ReadOnlyField label="性别" required value={staff ? sexLabel(staff.sex) : ''} />
        </Col>
        <Col xs={24} md={12}>
          <ReadOnlyField label="公民身份号码" required value={staff?.idNumber ?? ''} />
        </Col>
      </>
    );
  };

  return (
    <Drawer
      open={id !== undefined}
      onClose={close}
      title="继续教育培训记录申报填写"
      size={1100}
      destroyOnHidden
    >
      {id !== undefined && (
        <RecordEditor
          id={id}
          endpoints={employerRecordsApi}
          create={async (input) => {
            if (!staff) {
              void message.warning('请先选择人员');
              return null;
            }
            return employerRecordsApi.create({ ...input, professionalId: staff.id });
          }}
          person={person}
          actions={actions}
          onChanged={onChanged}
          onIdChange={(next) => (next ? onIdChange(next) : close())}
        />
      )}
      <StaffPicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(picked) => {
          setStaff(picked);
          pickedField.current?.(picked.id);
          setPicking(false);
        }}
      />
    </Drawer>
  );
}

/**
 * 姓名 of a new record: the chosen staff member's name and 选择人员. The form value is the staff
 * member's id (Form.Item passes value/onChange); `onPick` opens the list with the onChange to call.
 */
function StaffField({
  id,
  onChange,
  staff,
  onPick,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  staff: StaffOption | null;
  onPick: (onChange: (id: string) => void) => void;
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} readOnly value={staff?.name ?? ''} placeholder="请选择人员" />
      <Button onClick={() => onPick((picked) => onChange?.(picked))}>选择人员</Button>
    </Space.Compact>
  );
}
