/** States of the review workflow (SPEC §5) and their labels in the manuals' words. */
export const WORKFLOW_STATES = ['draft', 'submitted', 'approved', 'rejected', 'returned'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** 审核状态 as the review lists show it */
export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '待办',
  approved: '同意',
  rejected: '不同意并结案',
  returned: '不同意并退案',
};

/** A record's place in the pipeline, as the person's page explains it (SPEC §7). */
export const RECORD_PIPELINE_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '待单位审核',
  approved: '已认定',
  rejected: '不同意并结案',
  returned: '退回',
};

/** Review decisions: 同意 / 不同意并结案 / 不同意并退案 */
export const REVIEW_DECISIONS = ['approve', 'reject', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approve: '同意',
  reject: '不同意并结案',
  return: '不同意并退案',
};

/** History actions (审批流程 审核(状态)结果) */
export const WORKFLOW_ACTION_LABELS = {
  submit: '提交送审',
  withdraw: '回收',
  approve: '同意',
  first_approve: '同意（初审）',
  reject: '不同意并结案',
  return: '不同意并退案',
  confirm: '确认',
  correct: '培训信息维护',
} as const;
export type WorkflowAction = keyof typeof WORKFLOW_ACTION_LABELS;
