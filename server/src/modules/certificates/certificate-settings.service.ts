import { type CertificateSettings, type CertificateSettingsSaveRequest, SEAL_MAX_BYTES } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError, forbidden } from '../../core/errors';
import type { FileStore } from '../../core/file-store';
import { findUpload, readUpload, saveUpload, sniffKind } from '../../core/files';
import { regionFullName } from '../regions/regions';
import { sealImageProblem } from './certificate-seal';
import * as repo from './certificate-settings.repository';

/** 发证机关 of a certificate when no HRSS has set one (SPEC §7: 广东省专业技术人员继续教育证书). */
export const DEFAULT_AUTHORITY = '广东省人力资源和社会保障厅';

/** The region an HRSS org governs: '44' (the province) or its city's code. */
function hrssRegion(actor: Actor): { regionCode: string; unitName: string } {
  const grant = actor.actingUnit?.roles.find((r) => r.role === 'hrss');
  if (!grant || !actor.actingUnit) throw forbidden('仅人社部门可使用此功能');
  return { regionCode: grant.regionCode, unitName: actor.actingUnit.name };
}

const sealError = (message: string) =>
  new AppError('FILE_REJECTED', `公章图片：${message}`, [{ field: 'seal', label: '公章图片', message }]);

/** 证书设置 of the actor's region, as the page shows it. */
export async function get(s: Services, actor: Actor): Promise<CertificateSettings> {
  const { regionCode } = hrssRegion(actor);
  return present(s.db, regionCode);
}

async function present(q: Queryable, regionCode: string): Promise<CertificateSettings> {
  const own = await repo.findSettings(q, regionCode);
  const inherited = own ? undefined : await repo.applicableSettings(q, regionCode);
  return {
    regionName: regionFullName(regionCode) || regionCode,
    authorityName: own?.settings.authorityName ?? inherited?.settings.authorityName ?? DEFAULT_AUTHORITY,
    saved: Boolean(own),
    seal: own?.seal
      ? {
          name: own.seal.name,
          mime: own.seal.mime,
          size: own.seal.size,
          uploadedAt: own.seal.createdAt.toISOString(),
        }
      : null,
    updatedByName: own?.updatedByName ?? null,
    updatedAt: own?.settings.updatedAt.toISOString() ?? null,
  };
}

/** 保存: the 发证机关 printed on the certificates of the actor's region. */
export async function save(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: CertificateSettingsSaveRequest,
) {
  const { regionCode } = hrssRegion(actor);
  return s.db.transaction(async (tx) => {
    const old = await repo.lockSettings(tx, regionCode);
    await repo.upsertSettings(tx, {
      regionCode,
      authorityName: input.authorityName,
      sealFileId: old?.sealFileId ?? null,
      updatedBy: actor.accountId,
    });
    await audit(tx, ctx, {
      action: 'certificate.settings',
      objectType: 'certificate_settings',
      objectId: null,
      detail: {
        regionCode,
        authorityName: input.authorityName,
        previousAuthorityName: old?.authorityName ?? null,
      },
    });
    return present(tx, regionCode);
  });
}

/** 上传公章: PNG or JPEG (by content), ≤ SEAL_MAX_BYTES; replaces the region's seal. */
export async function uploadSeal(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  file: { filename: string; bytes: Buffer } | null,
) {
  const { regionCode, unitName } = hrssRegion(actor);
  if (!file || file.bytes.length === 0) throw sealError('请选择公章图片文件');
  if (file.bytes.length > SEAL_MAX_BYTES)
    throw sealError(
      `图片不能超过${SEAL_MAX_BYTES / 1024 / 1024}MB（所选文件 ${Math.ceil(file.bytes.length / 1024)}KB）`,
    );
  const problem = sealImageProblem(file.bytes);
  if (problem) throw sealError(problem);
  const kind = sniffKind(file.bytes);
  return s.db.transaction(async (tx) => {
    const old = await repo.lockSettings(tx, regionCode);
    const saved = await saveUpload(tx, s.files, {
      ownerId: actor.accountId,
      purpose: 'seal',
      name: file.filename || (kind === 'png' ? '公章.png' : '公章.jpg'),
      bytes: file.bytes,
      allowed: ['png', 'jpg'],
    });
    await repo.upsertSettings(tx, {
      regionCode,
      // no name saved yet for the region: the HRSS org's own name goes with its seal
      authorityName: old?.authorityName ?? unitName,
      sealFileId: saved.id,
      updatedBy: actor.accountId,
    });
    await audit(tx, ctx, {
      action: 'certificate.seal_upload',
      objectType: 'certificate_settings',
      objectId: saved.id,
      detail: { regionCode, size: saved.size, replacedSealFileId: old?.sealFileId ?? null },
    });
    return present(tx, regionCode);
  });
}

/** 删除公章: certificates of the region are printed without a seal. */
export async function deleteSeal(s: Services, ctx: RequestContext, actor: Actor) {
  const { regionCode } = hrssRegion(actor);
  return s.db.transaction(async (tx) => {
    const old = await repo.lockSettings(tx, regionCode);
    if (!old?.sealFileId) throw new AppError('INVALID_STATE', '本地区尚未上传公章，无需删除');
    await repo.upsertSettings(tx, { ...old, sealFileId: null, updatedBy: actor.accountId });
    await audit(tx, ctx, {
      action: 'certificate.seal_delete',
      objectType: 'certificate_settings',
      objectId: old.sealFileId,
      detail: { regionCode },
    });
    return present(tx, regionCode);
  });
}

/** The seal's bytes, for the page's preview. */
export async function sealImage(s: Services, actor: Actor) {
  const { regionCode } = hrssRegion(actor);
  const own = await repo.findSettings(s.db, regionCode);
  if (!own?.seal) throw new AppError('NOT_FOUND', '本地区尚未上传公章');
  return { bytes: await readUpload(s.files, own.seal), mime: own.seal.mime };
}

/**
 * Seal bytes by file id. A file's bytes never change (a new seal is a new file), so keeping them
 * is safe on every instance: which file applies is always read from the database.
 */
const sealCache = new Map<string, Buffer>();

/** The 发证机关 and 公章 file a certificate of a holder whose employer is in `regionCode` gets at issue. */
export async function authorityAtIssue(
  q: Queryable,
  regionCode: string | null,
): Promise<{ authorityName: string; sealFileId: string | null }> {
  const row = await repo.applicableSettings(q, regionCode);
  if (!row) return { authorityName: DEFAULT_AUTHORITY, sealFileId: null };
  return { authorityName: row.settings.authorityName, sealFileId: row.seal?.id ?? null };
}

/** The seal's bytes to print (cached by file id: a file's bytes never change). */
export async function sealBytes(
  q: Queryable,
  store: FileStore,
  fileId: string | null,
): Promise<Buffer | null> {
  if (!fileId) return null;
  const cached = sealCache.get(fileId);
  if (cached) return cached;
  const file = await findUpload(q, fileId);
  if (!file) return null;
  const seal = await readUpload(store, file);
  if (sealCache.size >= 100) sealCache.clear();
  sealCache.set(fileId, seal);
  return seal;
}
