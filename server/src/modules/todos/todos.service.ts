import { explanationText, type TodoItem } from '@ce/shared';
import type { Actor, Services } from '../../core/context';
import { beijingYear } from '../../core/time';
import { professionalOfPerson } from '../requirements/hours.repository';
import { activeRules } from '../requirements/requirements.repository';
import { ruleSubjectsOf, totalsByYear, verdictFor } from '../requirements/standing';
import { totalsOf } from '../requirements/totals';
import * as repo from './todos.repository';

/** A person's 待办: the profile and its binding, records to fix or send, and this year's gap. */
async function personTodos(s: Services, personId: string): Promise<TodoItem[]> {
  const prof = await professionalOfPerson(s.db, personId);
  if (!prof) {
    return [
      {
        key: 'profile',
        text: '您尚未填写人员基本信息，请先完成人员基本信息维护并选择所属单位提交。',
        count: 1,
        path: '/person/profile',
        action: '去填写',
      },
    ];
  }
  const items: TodoItem[] = [];
  const binding: Record<string, string | null> = {
    none: '您尚未选择所属单位，请在人员基本信息维护中选择所属单位并提交。',
    pending: '您的人员信息正等待所属单位确认，确认后才能申报继续教育记录。',
    rejected: '所属单位未通过您的人员信息确认（否），请核对信息或重新选择所属单位后提交。',
    confirmed: null,
  };
  const bindingText = binding[prof.bindingStatus];
  if (bindingText) {
    items.push({
      key: `binding.${prof.bindingStatus}`,
      text: bindingText,
      count: 1,
      path: '/person/profile',
      action: prof.bindingStatus === 'pending' ? '去查看' : '去处理',
    });
  }
  const [returned, drafts] = await Promise.all([
    repo.ownRecordsIn(s.db, prof.id, 'returned'),
    repo.ownRecordsIn(s.db, prof.id, 'draft'),
  ]);
  if (returned > 0) {
    items.push({
      key: 'records.returned',
      text: `您有 ${returned} 条继续教育记录被退回（不同意并退案），请修改后重新确认送审。`,
      count: returned,
      path: '/person/records',
      action: '去处理',
    });
  }
  if (drafts > 0) {
    items.push({
      key: 'records.draft',
      text: `您有 ${drafts} 条继续教育记录尚未确认送审（草稿）。`,
      count: drafts,
      path: '/person/records',
      action: '去处理',
    });
  }
  const year = beijingYear();
  const [rules, subjects, totals] = await Promise.all([
    activeRules(s.db),
    ruleSubjectsOf(s.db, [prof.id]),
    totalsOf(s.db, prof.id).then(totalsByYear),
  ]);
  const v = verdictFor(
    rules,
    subjects.get(prof.id) ?? { series: prof.series, regionCode: null },
    year,
    totals.get(year),
  );
  if (!v.passed) {
    items.push({
      key: 'hours.missing',
      text: `${year}年度：${explanationText(v)}。`,
      count: Math.max(v.totalMissing, ...v.categories.map((c) => c.missing)),
      path: '/person/hours',
      action: '去查看',
    });
  }
  return items;
}

/** An employer agent's 待办: persons to confirm and records to review. */
async function employerTodos(s: Services, actor: Actor, unitId: string): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  if (actor.permissions.has('staff.confirm')) {
    const n = await repo.pendingStaff(s.db, unitId);
    if (n > 0) {
      items.push({
        key: 'staff.confirm',
        text: `有 ${n} 名专业技术人员等待信息确认。`,
        count: n,
        path: '/employer/staff-confirm',
        action: '去处理',
      });
    }
  }
  if (actor.permissions.has('record.review')) {
    const n = await repo.recordsToReview(s.db, unitId);
    if (n > 0) {
      items.push({
        key: 'records.review',
        text: `有 ${n} 条继续教育记录等待认定。`,
        count: n,
        path: '/employer/records-review',
        action: '去处理',
      });
    }
  }
  return items;
}

/** 待办事项 of whoever is signed in. */
export async function todos(s: Services, actor: Actor): Promise<{ items: TodoItem[] }> {
  if (actor.kind === 'person') return { items: await personTodos(s, actor.accountId) };
  const unit = actor.actingUnit;
  if (actor.kind === 'agent' && unit?.roles.some((r) => r.role === 'employer')) {
    return { items: await employerTodos(s, actor, unit.id) };
  }
  return { items: [] };
}
