import { audit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import type { Tx } from '../../core/db';
import { fieldError } from '../../core/errors';
import * as repo from './orgs.repository';

const LICENCE_MIMES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * 附件材料 of a role application (营业执照, 统一社会信用代码证, 办学许可): the file the agent uploaded
 * with purpose 'licence' becomes the application's licence, audited. The caller has locked the
 * profile and checked that its state allows a change; `document` names the paper in messages.
 */
export async function attachProfileLicence(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  target: { unitId: string; role: repo.OrgProfileRow['role']; fileId: string; document: string },
) {
  const file = await repo.findFile(tx, target.fileId);
  if (!file || file.ownerId !== actor.accountId || file.purpose !== 'licence') {
    throw fieldError('licenceFileId', `请先上传${target.document}`);
  }
  if (!LICENCE_MIMES.has(file.mime)) {
    throw fieldError('licenceFileId', `${target.document}应为PDF、JPG或PNG文件`);
  }
  await repo.updateProfile(tx, target.unitId, target.role, { licenceFileId: file.id });
  await audit(tx, ctx, {
    action: 'org.save',
    objectType: 'org_profile',
    objectId: target.unitId,
    detail: { role: target.role, licenceFileId: file.id },
  });
}
