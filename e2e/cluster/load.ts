import type { RecordDetail } from '@ce/shared';
import { row, workbook } from '../../server/src/modules/imports/imports.fixtures';
import { recordBody } from '../../server/src/modules/records/records.fixtures';
import type { HttpClient } from './http';
import type { Staff } from './world';

/** The write load of the kill test, and the big import it kills. */

/** A 批量申报 workbook of `rows` valid rows over the staff, courses named `<prefix><n>`. */
export function importWorkbook(staff: Staff[], rows: number, prefix: string) {
  return workbook(
    Array.from({ length: rows }, (_, n) =>
      row({
        姓名: staff[n % staff.length].name,
        公民身份号码: staff[n % staff.length].idNumber,
        课程名称: `${prefix}${n + 1}`,
        科目类型: '选修课',
        学习形式: '网络培训',
        学习开始时间: '2024-09-01',
        学习结束时间: '2024-09-01',
        参训天数: 1,
        拟申报学时: 2,
      }),
    ),
  );
}

/**
 * Each agent approves distinct 待办 records (同意, 12 学时) and each person declares new records
 * (添加), back to back, until stopAt. Only 200 answers are acknowledged writes; every request,
 * answered or not, is in the client's `sent`.
 */
export function writeLoad(agents: HttpClient[], persons: HttpClient[], pending: string[]) {
  const approvals: { id: string }[] = [];
  const declarations: { id: string }[] = [];
  const queue = [...pending];
  let until = Number.POSITIVE_INFINITY;
  let seq = 0;
  const work = async (who: HttpClient, kind: 'approve' | 'declare') => {
    while (Date.now() < until) {
      const id = kind === 'approve' ? queue.pop() : undefined;
      try {
        if (id) {
          const r = await who.post<RecordDetail>(`/api/review/records/${id}/review`, {
            decision: 'approve',
            recognisedHours: 12,
          });
          if (r.status === 200) approvals.push({ id });
        } else {
          seq += 1;
          const r = await who.post<RecordDetail>(
            '/api/records',
            recordBody({ courseName: `集群并发申报${seq}` }),
          );
          if (r.status === 200) declarations.push({ id: r.body.id });
        }
      } catch {
        // no answer at all (connection reset, timeout): in `sent` with status 0
      }
    }
  };
  const writers = [...agents.map((a) => work(a, 'approve')), ...persons.map((p) => work(p, 'declare'))];
  return {
    /** lets the writers run until `at`, then waits for their last requests */
    async stopAt(at: number) {
      until = at;
      await Promise.all(writers);
      return { approvals, declarations };
    },
  };
}
