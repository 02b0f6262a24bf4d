import type { AuthorityRecordsQuery } from '@ce/shared';
import type { Actor, Services } from '../../core/context';
import { listRecords } from './records.list';
import { authorityView } from './records.policy';
import { presentDetail, presentListItem } from './records.present';
import { recordInScope } from './records.write';

/**
 * 继续教育记录查询 of an authority (002 §1.7.1): the approved records in its scope (records.list.ts
 * scope 'authority'); anything outside it is 404, list, detail and export alike.
 */
export async function authorityRecords(
  s: Services,
  actor: Actor,
  query: AuthorityRecordsQuery,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const { scope, series } = authorityView(actor);
  const { items, total } = await listRecords(s.db, scope, query, page);
  return {
    items: items.map((r) => presentListItem(r)),
    total,
    page: page.page,
    pageSize: page.pageSize,
    series,
  };
}

/** 查看: the record as the manual's detail shows it (no attachments: the manual lists none). */
export async function authorityRecordDetail(s: Services, actor: Actor, id: string) {
  const { scope, viewer } = authorityView(actor);
  const row = await recordInScope(s.db, scope, id);
  return { ...(await presentDetail(s.db, row, viewer)), attachments: [] };
}
