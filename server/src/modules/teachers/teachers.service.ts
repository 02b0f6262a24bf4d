import {
  maskIdNumber,
  maskPhone,
  type TeacherDetail,
  type TeacherIdsRequest,
  type TeacherInput,
  type TeacherListItem,
  type TeacherQuery,
  teacherSexMismatch,
} from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { fieldError, invalidState, notFound } from '../../core/errors';
import { orgScope } from '../../core/scope';
import * as repo from './teachers.repository';

/** 师资信息维护 (manual 002 §1.6.1, 003 §1.7.1): an org's own teachers, every change audited. */

const status = (t: { enabled: boolean }): TeacherListItem['status'] => (t.enabled ? 'enabled' : 'disabled');

function listItem(t: Omit<repo.TeacherRow, 'unitId' | 'email' | 'intro' | 'createdAt' | 'updatedAt'>) {
  return {
    id: t.id,
    name: t.name,
    sex: t.sex,
    idNumber: maskIdNumber(t.idNumber),
    contactPhone: maskPhone(t.phone),
    teachableCourses: t.courses,
    teacherTitle: t.qualification,
    status: status(t),
  } satisfies TeacherListItem;
}

function detail(t: repo.TeacherRow): TeacherDetail {
  return {
    ...listItem(t),
    idNumber: t.idNumber,
    contactPhone: t.phone,
    teacherEmail: t.email,
    teacherIntro: t.intro,
  };
}

export async function listTeachers(
  s: Services,
  actor: Actor,
  query: TeacherQuery,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const { unitId } = orgScope(actor);
  const { items, total } = await repo.listTeachers(s.db, unitId, query, page);
  return { items: items.map(listItem), total, page: page.page, pageSize: page.pageSize };
}

export async function getTeacher(s: Services, actor: Actor, id: string) {
  const { unitId } = orgScope(actor);
  const row = await repo.findTeacher(s.db, unitId, id);
  if (!row) throw notFound('教师');
  return detail(row);
}

function valuesOf(input: TeacherInput): repo.TeacherValues {
  const mismatch = teacherSexMismatch(input.idNumber, input.sex);
  if (mismatch) throw fieldError('sex', mismatch);
  return {
    name: input.name,
    sex: input.sex,
    idNumber: input.idNumber,
    qualification: input.teacherTitle,
    phone: input.contactPhone,
    email: input.teacherEmail,
    courses: input.teachableCourses,
    intro: input.teacherIntro,
  };
}

const DUPLICATE = '本单位已有该公民身份号码的教师';

/** A concurrent save of the same ID number trips the unique index: a 409, not a 500. */
async function orDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
      if ((x as { code?: unknown }).code === '23505') throw fieldError('idNumber', DUPLICATE, 'CONFLICT');
    }
    throw e;
  }
}

export async function createTeacher(s: Services, ctx: RequestContext, actor: Actor, input: TeacherInput) {
  const { unitId } = orgScope(actor);
  const values = valuesOf(input);
  return orDuplicate(() =>
    s.db.transaction(async (tx) => {
      if (await repo.idNumberTaken(tx, unitId, values.idNumber)) {
        throw fieldError('idNumber', DUPLICATE, 'CONFLICT');
      }
      const row = await repo.insertTeacher(tx, unitId, values);
      await audit(tx, ctx, {
        action: 'teacher.create',
        objectType: 'teacher',
        objectId: row.id,
        detail: { name: row.name },
      });
      return detail(row);
    }),
  );
}

export async function updateTeacher(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: TeacherInput,
) {
  const { unitId } = orgScope(actor);
  const values = valuesOf(input);
  return orDuplicate(() =>
    s.db.transaction(async (tx) => {
      const [before] = await repo.lockTeachers(tx, unitId, [id]);
      if (!before) throw notFound('教师');
      if (await repo.idNumberTaken(tx, unitId, values.idNumber, id)) {
        throw fieldError('idNumber', DUPLICATE, 'CONFLICT');
      }
      const row = await repo.updateTeacher(tx, unitId, id, values);
      if (!row) throw notFound('教师');
      await audit(tx, ctx, {
        action: 'teacher.update',
        objectType: 'teacher',
        objectId: id,
        detail: { name: row.name },
      });
      return detail(row);
    }),
  );
}

/** The selected teachers of the org, locked; one of another org (or gone) → 404 for the batch. */
async function selected(tx: Tx, unitId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await repo.lockTeachers(tx, unitId, unique);
  if (rows.length !== unique.length) throw notFound('选中的教师');
  return rows;
}

/** 启用 / 禁用: all selected teachers in one transaction, one audit row each. */
export async function setEnabled(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: TeacherIdsRequest,
  enabled: boolean,
) {
  const { unitId } = orgScope(actor);
  return s.db.transaction(async (tx) => {
    const rows = await selected(tx, unitId, input.ids);
    await repo.setEnabled(
      tx,
      unitId,
      rows.map((r) => r.id),
      enabled,
    );
    for (const r of rows) {
      await audit(tx, ctx, {
        action: enabled ? 'teacher.enable' : 'teacher.disable',
        objectType: 'teacher',
        objectId: r.id,
        detail: { name: r.name },
      });
    }
    const word = enabled ? '启用' : '禁用';
    return { ok: true as const, count: rows.length, message: `已${word}${rows.length}名教师` };
  });
}

/**
 * 删除: refused for a teacher something refers to (teacherReferences) — that one is 禁用 instead,
 * so the classes that name it keep their history. All or none.
 */
export async function deleteTeachers(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: TeacherIdsRequest,
) {
  const { unitId } = orgScope(actor);
  return s.db.transaction(async (tx) => {
    const rows = await selected(tx, unitId, input.ids);
    for (const r of rows) {
      const refs = await repo.teacherReferences(tx, r.id);
      if (refs.length > 0) {
        throw invalidState(`教师“${r.name}”已被${refs.join('、')}引用，不能删除，请改为禁用`);
      }
    }
    for (const r of rows) {
      await audit(tx, ctx, {
        action: 'teacher.delete',
        objectType: 'teacher',
        objectId: r.id,
        detail: { name: r.name, idNumber: maskIdNumber(r.idNumber) },
      });
    }
    await repo.deleteTeachers(
      tx,
      unitId,
      rows.map((r) => r.id),
    );
    return { ok: true as const, count: rows.length, message: `已删除${rows.length}名教师` };
  });
}
