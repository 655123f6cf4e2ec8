import 'server-only';
import bcrypt from 'bcryptjs';

/** bcrypt reads at most 72 bytes: a longer password would be silently truncated, so it is refused instead. */
export const MAX_PASSWORD_BYTES = 72;
const COST = 12;

export class PasswordTooLongError extends Error {
  override name = 'PasswordTooLongError';
}

export async function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new PasswordTooLongError(`passwords are limited to ${MAX_PASSWORD_BYTES} bytes (bcrypt)`);
  }
  return bcrypt.hash(password, COST);
}

// A hash to compare against when the user does not exist: unknown user and wrong password take the same
// time and give the same answer.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  dummyHash ??= bcrypt.hash('no such user', COST);
  const tooLong = Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES;
  const matches = await bcrypt.compare(tooLong ? '' : password, hash ?? (await dummyHash));
  return hash !== null && !tooLong && matches;
}
