/**
 * The minimal SQL of each measured page, run bare: by the inject part next to app.inject, and by
 * the bare Fastify + pg server (bare-server.ts) next to the app over HTTP. No session, no
 * validation, no presenter: what a hand-written route needs to answer the same page.
 */

import type pg from 'pg';

export type Query = (text: string, params?: unknown[]) => Promise<unknown[]>;

/** bare SQL, and statements on one connection inside BEGIN … COMMIT */
export interface Bare {
  bare: Query;
  bareTx: (fn: (q: Query) => Promise<void>) => Promise<void>;
}

/** Bare over a pg Pool; `name` turns each text into a named prepared statement. */
export function poolBare(pool: pg.Pool, name?: (text: string) => string): Bare {
  const run =
    (c: pg.Pool | pg.PoolClient): Query =>
    async (text, params = []) =>
      (await c.query(name ? { name: name(text), text, values: params } : { text, values: params })).rows;
  return {
    bare: run(pool),
    bareTx: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        await fn(run(c));
        await c.query('commit');
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    },
  };
}

/** The totals aggregate of requirements/totals.ts (ce_totals columns, in that order). */
export const AGGREGATE = `
  select r.professional_id, r.year, r.subject_type,
         coalesce(sum(coalesce(r.recognised_hours, 0)) filter (where r.assessment = 'passed'), 0),
         count(*) filter (where r.assessment = 'passed' and coalesce(r.recognised_hours, 0) > 0)::int, now()
  from ce_records r
  join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id and w.state = 'approved'`;

const total = (rows: unknown[]) => Number((rows[0] as { n: string | number }).n);

/** 我的继续教育记录, page 1: the columns the page shows (newest first, as the app orders it) + the count. */
export async function listSql(db: Bare, professionalId: string) {
  const [items, count] = await Promise.all([
    db.bare(
      `select r.id, r.course_name, r.subject_type, r.start_date, r.end_date, r.declared_hours, r.recognised_hours,
              w.state, w.step, (select u.name from units u where u.account_id = w.reviewer_unit_id) as reviewer_unit_name
         from ce_records r join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id
        where r.professional_id = $1 order by r.created_at desc, r.id limit 20`,
      [professionalId],
    ),
    db.bare('select count(*) as n from ce_records where professional_id = $1', [professionalId]),
  ]);
  return { items, total: total(count) };
}

/** 继续教育记录认定, 待办, page 1: the columns the page shows (oldest submission first) + the count. */
export async function pendingSql(db: Bare, unitId: string) {
  const [items, count] = await Promise.all([
    db.bare(
      `select r.id, p.name, p.id_number, r.subject_type, r.course_name, r.declared_hours, r.reviewed_hours,
              r.recognised_hours, (select u.name from units u where u.account_id = w.reviewer_unit_id) as reviewer_unit_name,
              w.step, w.state
         from workflow_items w join ce_records r on r.id = w.object_id join professionals p on p.id = r.professional_id
        where w.reviewer_unit_id = $1 and w.object_type = 'ce_record' and w.state = 'submitted'
        order by w.submitted_at, r.id limit 20`,
      [unitId],
    ),
    db.bare(
      `select count(*) as n from workflow_items where reviewer_unit_id = $1 and object_type = 'ce_record' and state = 'submitted'`,
      [unitId],
    ),
  ]);
  return { items, total: total(count) };
}

/**
 * 同意 with the totals refresh, in one transaction: the item (locked), the record's hours, the
 * history row, the person's totals of the year (the person locked, as the app does, so two
 * approvals of one person do not race), the audit row.
 */
export const approveSql = (db: Bare, recordId: string, agent: { id: string; unitId: string }) =>
  db.bareTx(async (q) => {
    const [item] = (await q(
      `select id from workflow_items where object_type = 'ce_record' and object_id = $1 and state = 'submitted' for update`,
      [recordId],
    )) as { id: string }[];
    if (!item) throw new Error(`记录 ${recordId} 不是待办`);
    await q(
      `update workflow_items set state = 'approved', reviewer_unit_id = null, version = version + 1, updated_at = now() where id = $1`,
      [item.id],
    );
    const [rec] = (await q(
      `update ce_records set reviewed_hours = declared_hours, recognised_hours = declared_hours, updated_at = now()
        where id = $1 returning professional_id, year`,
      [recordId],
    )) as { professional_id: string; year: number }[];
    await q(
      `insert into workflow_history (item_id, seq, step, action, actor_id, actor_name, actor_unit_id, opinion)
       values ($1, (select coalesce(max(seq), 0) + 1 from workflow_history where item_id = $1), '继续教育记录申报单位审批',
               'approve', $2, '经办人', $3, '同意')`,
      [item.id, agent.id, agent.unitId],
    );
    await q('select 1 from professionals where id = $1 for update', [rec.professional_id]);
    await q('delete from ce_totals where professional_id = $1 and year = $2', [
      rec.professional_id,
      rec.year,
    ]);
    await q(
      `insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at) ${AGGREGATE}
        where r.professional_id = $1 and r.year = $2 group by r.professional_id, r.year, r.subject_type`,
      [rec.professional_id, rec.year],
    );
    await q(
      `insert into audit_events (action, outcome, object_type, object_id) values ('workflow.approve', 'success', 'ce_record', $1)`,
      [recordId],
    );
  });

/** 打印 a certificate, the SQL only (no rendering): the year's totals, the valid certificate, the person. */
export async function certificateSql(db: Bare, professionalId: string, year: number) {
  const [totals, certificate, person] = await Promise.all([
    db.bare('select subject_type, hours, courses from ce_totals where professional_id = $1 and year = $2', [
      professionalId,
      year,
    ]),
    db.bare(`select * from certificates where professional_id = $1 and year = $2 and status = 'valid'`, [
      professionalId,
      year,
    ]),
    db.bare('select name, id_number, series from professionals where id = $1', [professionalId]),
  ]);
  return { totals, certificate: certificate[0] ?? null, person: person[0] ?? null };
}

/** 证书查验 (public): the certificate of a number. */
export async function verifySql(db: Bare, number: string) {
  const [row] = await db.bare(
    `select number, status, year, name, series, public_hours, professional_hours, elective_hours, total_hours,
            issued_at, voided_at
       from certificates where number = $1`,
    [number],
  );
  return row ?? null;
}
