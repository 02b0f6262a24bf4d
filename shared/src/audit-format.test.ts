import { describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_TYPE_LABELS, describeAuditDetail } from './audit-format';

describe('审计日志 in words', () => {
  it('names the keys and translates the coded values', () => {
    expect(describeAuditDetail(JSON.stringify({ source: 'person', twoReviewers: true, year: 2025 }))).toBe(
      '来源：个人申报；两人审核：是；年度：2025',
    );
  });

  it('spells out the before / after of a correction, and leaves what is not JSON alone', () => {
    const detail = JSON.stringify({ reason: '学习时间录入错误', before: JSON.stringify({ days: 2 }) });
    expect(describeAuditDetail(detail)).toBe('原因：学习时间录入错误；修改前：（参训天数：2）');
    expect(describeAuditDetail('not json')).toBeNull();
    expect(AUDIT_OBJECT_TYPE_LABELS.ce_record).toBe('继续教育记录');
  });
});
