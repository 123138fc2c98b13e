import { randomInt } from 'node:crypto';

export const minPasswordLength = 12;

/** Returns the reason a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, email: string): string | null {
  if (password.length < minPasswordLength)
    return `must be at least ${minPasswordLength} characters long`;
  if (password.length > 200) return 'must be at most 200 characters long';
  if (password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()))
    return 'must not contain the e-mail address';
  if (new Set(password).size < 5) return 'must use at least 5 different characters';
  return null;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password to be read off a terminal: no look-alike characters. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
