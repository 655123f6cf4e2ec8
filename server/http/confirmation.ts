import 'server-only';
import { ApiError, type FieldErrors } from '@/lib/errors';

/**
 * A destructive request names what it destroys a second time (`confirm`); the check runs here, not only in the page,
 * and a mismatch is a 422 on that field.
 */
export function requireConfirmation(
  fieldErrors: FieldErrors | null,
  what: 'group id' | 'topic name' | 'subscription name' | 'feature name' | 'node id',
) {
  if (fieldErrors) throw new ApiError('VALIDATION', `The confirmation does not match the ${what}`, { fieldErrors });
}
