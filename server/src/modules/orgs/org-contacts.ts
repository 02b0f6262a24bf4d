import type { AuditAction } from '@ce/shared';
import { audit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import type { Tx } from '../../core/db';
import { fieldError, notFound } from '../../core/errors';
import * as repo from './orgs.repository';

/** The fields an org's 信息维护 changes without review (SPEC §3; 003 §1.2.2, 002 §1.2.2). */
export interface OrgContactInput {
  contactName: string;
  officePhone: string;
  mobilePhone: string;
  email: string;
  postalCode: string;
  unitAddress: string;
  description: string;
}

const LOCKED_MESSAGE = '不能在信息维护中修改，如需变更请联系人社部门重新申请';

/**
 * 信息维护 保存 of any org role: the contact fields change; a `locked` field sent back with a
 * different value than the approved application's is refused, naming the field (a form may post
 * everything it shows). One audit row names what changed.
 */
export async function updateOrgContacts<L extends keyof repo.OrgProfileRow>(
  tx: Tx,
  ctx: RequestContext,
  opts: {
    unitId: string;
    role: repo.OrgProfileRow['role'];
    /** what the page calls the org's info, for a 404 */
    label: string;
    locked: readonly L[];
    input: OrgContactInput & Partial<Record<L, unknown>>;
    action: AuditAction;
  },
): Promise<void> {
  const { unitId, role, input } = opts;
  const profile = await repo.findProfile(tx, unitId, role, true);
  if (!profile || profile.status !== 'approved') throw notFound(opts.label);
  for (const field of opts.locked) {
    const sent: unknown = input[field];
    if (sent !== undefined && sent !== (profile[field] as unknown))
      throw fieldError(String(field), LOCKED_MESSAGE);
  }
  const changes = {
    contactName: input.contactName,
    officePhone: input.officePhone,
    mobilePhone: input.mobilePhone,
    email: input.email,
    postalCode: input.postalCode,
    address: input.unitAddress,
    description: input.description,
  };
  const changed = Object.entries(changes)
    .filter(([k, v]) => profile[k as keyof typeof changes] !== v)
    .map(([k]) => (k === 'address' ? 'unitAddress' : k));
  await repo.updateProfile(tx, unitId, role, changes);
  await audit(tx, ctx, {
    action: opts.action,
    objectType: 'org_profile',
    objectId: unitId,
    detail: { role, changed: changed.join(',') },
  });
}
