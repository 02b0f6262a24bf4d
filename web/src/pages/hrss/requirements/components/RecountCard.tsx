import { RECOUNT_JOB_STATUS_LABELS } from '@ce/shared';
import { App, Button, Card, Flex, Popconfirm, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type RecountJob, type RecountJobState, requirementsApi } from '../../../../api/requirements';
import { useApiError } from '../../../../api/useApiError';
import { formatDateTime } from '../../../../format';

const POLL_MS = 1000;

const percent = (job: RecountJob) =>
  job.personsTotal === 0
    ? job.status === 'done'
      ? 100
      : 0
    : Math.floor((job.personsDone / job.personsTotal) * 100);

const progressStatus = (job: RecountJob) =>
  job.status === 'running' ? 'active' : job.status === 'failed' ? 'exception' : 'success';

/**
 * 重新统计学时 for HRSS: recomputes the totals of every person in its region from the approved
 * records, in the background; the bar follows the job until it ends and says what changed.
 */
export function RecountCard() {
  const { message } = App.useApp();
  const onError = useApiError();
  const [state, setState] = useState<RecountJobState | null>(null);
  const [starting, setStarting] = useState(false);
  /** (re)starts polling: on opening the page, after 重新统计学时 (with the job started) and after a refusal */
  const [poll, setPoll] = useState<{ started: string | null }>({ started: null });
  /** a recount this page saw running: its end is announced */
  const watched = useRef<string | null>(null);

  useEffect(() => {
    if (poll.started) watched.current = poll.started;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      requirementsApi
        .regionRecount()
        .then((next) => {
          if (!live) return;
          setState(next);
          const job = next.job;
          if (job?.status === 'running') {
            watched.current = job.id;
            timer = setTimeout(tick, POLL_MS);
          } else if (job && watched.current === job.id) {
            watched.current = null;
            if (job.status === 'done') void message.success(job.message ?? '重新统计完成');
            else void message.error(job.message ?? '重新统计失败');
          }
        })
        .catch((error: unknown) => live && onError(error));
    };
    tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [poll, message, onError]);

  const start = async () => {
    setStarting(true);
    try {
      const job = await requirementsApi.recountRegion();
      setState((s) => ({ regionName: s?.regionName ?? job.regionName, job }));
      setPoll({ started: job.id });
    } catch (error) {
      onError(error);
      // e.g. another operator's recount of the region is running: show it
      setPoll({ started: null });
    } finally {
      setStarting(false);
    }
  };

  const regionName = state?.regionName ?? '';
  const job = state?.job ?? null;
  const running = job?.status === 'running';
  return (
    <Card title="重新统计学时" size="small">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          按已审核通过的继续教育记录，重新计算{regionName}
          全部专业技术人员各年度的学时与门数，只更新与记录不一致的学时统计。统计在后台进行，期间审核等业务照常办理；同一地区同时只能进行一次。
        </Typography.Paragraph>
        <Flex gap={16} align="center">
          <Popconfirm
            title={`确定重新统计${regionName}全部专业技术人员的学时吗？`}
            okText="重新统计"
            onConfirm={start}
            disabled={running}
          >
            <Button type="primary" loading={starting} disabled={state === null || running}>
              重新统计学时
            </Button>
          </Popconfirm>
          {job && (
            <Typography.Text type="secondary">
              {RECOUNT_JOB_STATUS_LABELS[job.status]} · 开始 {formatDateTime(job.startedAt)}
              {job.finishedAt ? ` · 结束 ${formatDateTime(job.finishedAt)}` : ''}
            </Typography.Text>
          )}
        </Flex>
        {job && (
          <>
            <Progress percent={percent(job)} status={progressStatus(job)} />
            <Typography.Text>
              {running
                ? `正在统计：已统计 ${job.personsDone} / ${job.personsTotal} 人，${job.changedPersons} 人学时已更新`
                : job.message}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Card>
  );
}
