import { randomUUID } from 'node:crypto';
import { WORKFLOW_ACTION_LABELS } from '@ce/shared';
import { bulkInsert, type Tx } from '../../core/db';
import type { WorkflowActor } from '../workflow/workflow.engine';
import type { ImportRecord } from './imports.check';

/** The step the history names for an imported record (SPEC §5: the employer's declaration grants the hours). */
export const IMPORT_STEP = '继续教育记录批量申报';
const INSERT_CHUNK = 2000;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Writes the checked records in multi-row INSERTs: each record approved at once (the employer's
 * own declaration grants the hours), with its workflow item and one 确认 history row.
 */
export async function insertImported(
  tx: Tx,
  who: WorkflowActor & { unitId: string },
  records: readonly ImportRecord[],
) {
  const now = new Date().toISOString();
  for (const chunk of chunks(records, INSERT_CHUNK)) {
    const ids = chunk.map(() => randomUUID());
    const itemIds = chunk.map(() => randomUUID());
    await bulkInsert(
      tx,
      'ce_records',
      [
        ['id', 'uuid'],
        ['professional_id', 'uuid'],
        ['source', 'text'],
        ['employer_id', 'uuid'],
        ['course_name', 'text'],
        ['subject_type', 'text'],
        ['study_form', 'text'],
        ['start_date', 'date'],
        ['end_date', 'date'],
        ['days', 'numeric'],
        ['declared_hours', 'numeric'],
        ['assessment', 'text'],
        ['reviewed_hours', 'numeric'],
        ['recognised_hours', 'numeric'],
        ['institution_id', 'uuid'],
        ['institution_name', 'text'],
        ['year', 'int2'],
        ['location', 'text'],
        ['content', 'text'],
        ['remark', 'text'],
        ['created_by', 'uuid'],
      ],
      chunk.map((r, k) => {
        const granted = r.assessment === 'failed' ? 0 : r.declaredHours;
        return [
          ids[k],
          r.professionalId,
          'import',
          who.unitId,
          r.courseName,
          r.subjectType,
          r.studyForm,
          r.startDate,
          r.endDate,
          r.days,
          r.declaredHours,
          r.assessment,
          granted,
          granted,
          r.institutionId,
          r.institutionName,
          r.year,
          r.location,
          r.content,
          r.remark,
          who.accountId,
        ];
      }),
    );
    await bulkInsert(
      tx,
      'workflow_items',
      [
        ['id', 'uuid'],
        ['object_type', 'text'],
        ['object_id', 'uuid'],
        ['state', 'text'],
        ['submitter_id', 'uuid'],
        ['submitter_unit_id', 'uuid'],
        ['submitted_at', 'timestamptz'],
        ['version', 'int4'],
      ],
      chunk.map((_, k) => [itemIds[k], 'ce_record', ids[k], 'approved', who.accountId, who.unitId, now, 1]),
    );
    await bulkInsert(
      tx,
      'workflow_history',
      [
        ['item_id', 'uuid'],
        ['seq', 'int4'],
        ['step', 'text'],
        ['action', 'text'],
        ['actor_id', 'uuid'],
        ['actor_name', 'text'],
        ['actor_unit_id', 'uuid'],
        ['actor_unit_name', 'text'],
        ['opinion', 'text'],
        ['at', 'timestamptz'],
      ],
      itemIds.map((id) => [
        id,
        1,
        IMPORT_STEP,
        'confirm',
        who.accountId,
        who.name,
        who.unitId,
        who.unitName,
        WORKFLOW_ACTION_LABELS.confirm,
        now,
      ]),
    );
  }
}
