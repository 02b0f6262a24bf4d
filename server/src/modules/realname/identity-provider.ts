import type { Queryable } from '../../core/db';

/**
 * Level-2 real-name verification (SPEC §2): an identity-provider adapter. A provider that can
 * verify at once (bank card, face check) answers 'verified'; the default provider answers
 * 'pending' and an HRSS operator reviews the uploaded ID photos under 实名认证审核.
 */
export interface IdentityProvider {
  readonly name: string;
  submit(q: Queryable, application: { id: string; personId: string }): Promise<'verified' | 'pending'>;
}

export const hrssReviewProvider: IdentityProvider = {
  name: '人社部门人工审核',
  async submit() {
    return 'pending';
  },
};
