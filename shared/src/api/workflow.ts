import { z } from 'zod';
import { REVIEW_DECISIONS, WORKFLOW_STATES } from '../workflow-states';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const WORKFLOW_FIELD_LABELS: Record<string, string> = {
  decision: '审核结果',
  opinion: '审核意见',
  ids: '选中的记录',
  version: '版本',
  text: '批注内容',
  sortOrder: '排序',
  twoReviewers: '两人审核',
};

export const workflowState = z.enum(WORKFLOW_STATES);
export const reviewDecision = z.enum(REVIEW_DECISIONS, { error: '请选择审核结果' });

/** One row of 审批流程 (序号, 业务步骤, 操作人所属, 操作人, 审核时间, 审核(状态)结果, 审核意见). */
export const historyEntry = z.object({
  seq: z.number().int(),
  step: z.string(),
  actorUnitName: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string().nullable(),
  result: z.string(),
  opinion: z.string().nullable(),
});
export type HistoryEntryDto = z.infer<typeof historyEntry>;

/** Where an item stands: 审核状态, 审核部门, 审核环节, and the version to send back with a review. */
export const workflowStatus = z.object({
  state: workflowState,
  reviewerUnitName: z.string().nullable(),
  step: z.string().nullable(),
  version: z.number().int(),
  /** the submitter may still 回收 */
  canWithdraw: z.boolean(),
  /** a first 同意 is recorded and waits for a second reviewer */
  firstApproved: z.boolean(),
});
export type WorkflowStatusDto = z.infer<typeof workflowStatus>;

const opinionText = z.string().trim().max(200, '审核意见不能超过200字');

/** 审核: 同意 / 不同意并结案 / 不同意并退案 with an opinion (required unless 同意). */
export const reviewRequest = z
  .object({
    decision: reviewDecision,
    opinion: opinionText.optional(),
    version: z.number().int().optional(),
  })
  .refine((r) => r.decision === 'approve' || (r.opinion ?? '').length > 0, {
    message: '不同意时请填写审核意见',
    path: ['opinion'],
  });

/** 批量审核: one decision and one opinion for every selected item. */
export const batchReviewRequest = z
  .object({
    ids: z.array(z.uuid('编号格式错误')).min(1, '请至少选择一条记录').max(500, '一次最多审核500条'),
    decision: reviewDecision,
    opinion: opinionText.optional(),
  })
  .refine((r) => r.decision === 'approve' || (r.opinion ?? '').length > 0, {
    message: '不同意时请填写审核意见',
    path: ['opinion'],
  });

/** The result of a batch: what succeeded, and why each other item did not. */
export const batchResult = z.object({
  succeeded: z.number().int(),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
});

/** 批注管理 */
export const reviewOpinion = z.object({ id: z.string(), text: z.string(), sortOrder: z.number().int() });
export const reviewOpinionInput = z.object({
  text: z.string().trim().min(1, '请填写批注内容').max(200, '批注内容不能超过200字'),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export const reviewOpinionList = z.object({ items: z.array(reviewOpinion) });

/** 审核设置: the 广州 rule "本单位至少有2人审核后此记录才能作最终记录" */
export const workflowSettingsDto = z.object({ twoReviewers: z.boolean() });
