import { describe, expect, it } from 'vitest';
import { generatePassword, passwordWeakness } from '../../src/domain/password.ts';
import { hashPassword, verifyPassword } from '../../src/modules/identity/passwordHash.ts';

describe('password rules', () => {
  it('refuses a short password', () => {
    expect(passwordWeakness('short', 'a@b.it')?.reason).toMatch(/at least 12/);
  });

  it('refuses a password that contains the e-mail name, and says which part', () => {
    expect(passwordWeakness('mario.rossi-2026!', 'mario.rossi@comune.it')).toEqual({
      reason: 'must not contain "mario.rossi", the name of the e-mail address',
      code: 'passwordHasEmail',
      params: { name: 'mario.rossi' },
    });
  });

  it('does not refuse a password for holding a name of one or two letters', () => {
    expect(passwordWeakness('correct horse battery staple', 'a@b.it')).toBeNull();
    expect(passwordWeakness('correct horse battery staple', 'co@b.it')).toBeNull();
    expect(passwordWeakness('correct horse battery staple', 'horse@b.it')?.code).toBe(
      'passwordHasEmail',
    );
  });

  it('refuses a password of one repeated character', () => {
    expect(passwordWeakness('aaaaaaaaaaaaaaaa', 'x@y.it')?.reason).toMatch(/different/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordWeakness('correct horse battery staple', 'x@y.it')).toBeNull();
  });

  it('generates one-time passwords without look-alike characters', () => {
    const generated = generatePassword();
    expect(generated).toHaveLength(16);
    expect(generated).not.toMatch(/[0O1lI]/);
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(
      await hashPassword('same password here'),
    );
  });
});
