import { Col, Drawer, Typography } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../../../access';
import { myRecordsApi, type RecordDetail } from '../../../../api/records';
import { type RecordAction, RecordEditor } from '../../../records/components/RecordEditor';
import { ReadOnlyField } from '../../../records/components/RecordForm';
import { sexLabel } from '../../../records/components/RecordView';

const actions: RecordAction[] = [
  {
    label: '确认送审',
    allowed: (d) => d.can.submit,
    showBeforeSave: true,
    run: myRecordsApi.submit,
    saveFirst: true,
    done: '已送审，请等待单位审核',
    primary: true,
  },
  {
    label: '回收',
    allowed: (d) => d.can.withdraw,
    run: myRecordsApi.withdraw,
    confirm: '确定回收此记录吗？回收后可修改再送审。',
    done: '已回收',
  },
  {
    label: '删除',
    allowed: (d) => d.can.delete,
    run: myRecordsApi.remove,
    confirm: '确定删除此记录吗？',
    done: '已删除',
    danger: true,
    closes: true,
  },
];

/** What to do when the server refuses a record because the person is not confirmed by an employer. */
export function NotConfirmedHelp() {
  return (
    <Typography.Text>
      请先到<Link to="/person/profile">人员基本信息维护</Link>
      完善个人信息并提交，经工作单位确认后再申报继续教育记录。
    </Typography.Text>
  );
}

interface PersonRecordDrawerProps {
  /** undefined: closed; null: 添加 */
  id: string | null | undefined;
  readOnly?: boolean;
  onIdChange: (id: string | null | undefined) => void;
  onChanged: () => void;
}

/** The person's record: 继续教育培训记录申报填写 (添加 / 修改) or 查看, in a drawer over the list. */
export function PersonRecordDrawer({ id, readOnly, onIdChange, onChanged }: PersonRecordDrawerProps) {
  const { session } = useAccess();
  const person = (d: RecordDetail | null) => (
    <>
      <Col xs={24} md={12}>
        <ReadOnlyField label="姓名" required value={d?.name ?? session?.account.displayName ?? ''} />
      </Col>
      <Col xs={24} md={12}>
        <ReadOnlyField label="性别" required value={d ? sexLabel(d.sex) : '保存后自动带出'} />
      </Col>
      <Col xs={24} md={12}>
        <ReadOnlyField label="公民身份号码" required value={d?.idNumber ?? '保存后自动带出'} />
      </Col>
    </>
  );

  return (
    <Drawer
      open={id !== undefined}
      onClose={() => onIdChange(undefined)}
      title={readOnly ? '继续教育培训记录申报查看' : '继续教育培训记录申报填写'}
      size={1100}
      destroyOnHidden
    >
      {id !== undefined && (
        <RecordEditor
          id={id}
          readOnly={readOnly}
          endpoints={myRecordsApi}
          create={myRecordsApi.create}
          person={person}
          actions={actions}
          onChanged={onChanged}
          onIdChange={(next) => onIdChange(next ?? undefined)}
          blockedHelp={<NotConfirmedHelp />}
        />
      )}
    </Drawer>
  );
}
