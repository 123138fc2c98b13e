import { randomInt } from 'node:crypto';
import type { ViolationCode, ViolationParams } from './errors.ts';

export const minPasswordLength = 12;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordWeakness(
  password: string,
  email: string,
): { reason: string; code: ViolationCode; params?: ViolationParams } | null {
  if (password.length < minPasswordLength)
    return {
      reason: `must be at least ${minPasswordLength} characters long`,
      code: 'passwordTooShort',
      params: { min: minPasswordLength },
    };
  if (password.length > 200)
    return {
      reason: 'must be at most 200 characters long',
      code: 'passwordTooLong',
      params: { max: 200 },
    };
  // The name before the @: a guesser tries it first. One or two letters are in most passwords
  // and tell a guesser nothing.
  const name = email.split('@')[0]!.toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name))
    return {
      reason: `must not contain "${name}", the name of the e-mail address`,
      code: 'passwordHasEmail',
      params: { name },
    };
  if (new Set(password).size < 5)
    return {
      reason: 'must use at least 5 different characters',
      code: 'passwordFewCharacters',
      params: { min: 5 },
    };
  return null;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password to be read off a terminal: no look-alike characters. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
