/** The password policy (NIST SP 800-63B 3.1.1.2, as written in server/auth/passwordPolicy.ts): length or
 *  a passphrase, and the passwords attackers try first refused, whatever their case or spacing. */
import { describe, expect, it } from 'vitest';
import { MAX_LENGTH, passwordProblem } from '../../../server/auth/passwordPolicy';

describe('the password policy', () => {
  it('accepts 12 characters, or a passphrase of four short words', () => {
    expect(passwordProblem('xe thang 42 m', 'an.nguyen')).toBeNull();
    expect(passwordProblem('ba cá đi về', 'an.nguyen')).toBeNull();
    expect(passwordProblem('ba cá về', 'an.nguyen')).toBe('tooShort');
    expect(passwordProblem('k7#Lm2!pQ9', 'an.nguyen')).toBe('tooShort');
    expect(passwordProblem('x'.repeat(MAX_LENGTH + 1), 'an.nguyen')).toBe('tooLong');
  });

  it.each(['111111111111', 'aaaaaaaaaaaaaaaa', 'abcabcabcabc', '123456789012', '0987654321098', 'qwertyuiopas', 'QWERTYUIOP12', 'Password1234', 'pass word 1234', 'matkhau123456', 'Anh Yeu Em 1234', 'iloveyou1234!!', 'abcdefghijklm'])('refuses %s as common', (password) => {
    expect(passwordProblem(password, 'an.nguyen')).toBe('common');
  });

  it('refuses a password holding the username', () => {
    expect(passwordProblem('an.nguyen.2025.pccc', 'an.nguyen')).toBe('containsUsername');
    expect(passwordProblem('AN.NGUYEN the firefighter', 'an.nguyen')).toBe('containsUsername');
  });
});
