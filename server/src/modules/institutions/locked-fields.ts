import { fieldError } from '../../core/errors';

/**
 * 信息维护 of an org (SPEC §3): fields that only a new application may change. A form may post
 * them back unchanged; a different value is refused naming the field. `current` maps each
 * request field to the stored value.
 */
export function refuseLockedChanges(
  input: Record<string, unknown>,
  current: Record<string, string | null>,
  message: string,
): void {
  for (const [field, stored] of Object.entries(current)) {
    const sent = input[field];
    if (sent !== undefined && sent !== stored) throw fieldError(field, message);
  }
}

/** The request fields whose stored value differs from the sent one (for the audit row). */
export function changedFields(
  input: Record<string, unknown>,
  current: Record<string, string | null>,
): string[] {
  return Object.keys(current).filter((k) => input[k] !== undefined && input[k] !== current[k]);
}
