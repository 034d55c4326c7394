import { describe, expect, it } from 'vitest';
import type { AccessRow } from '@/lib/tiktok';
import { adminCountAdvice, assetRoleAdvice, bcRoleAdvice, emailAdvice } from '@/lib/tiktok';

const member = (
  email: string,
  bcRole: 'admin' | 'standard',
  status: AccessRow['status'] = 'active',
): AccessRow => ({
  kind: 'member',
  name: email.split('@')[0]!,
  email,
  bcRole,
  status,
});

describe('role advice', () => {
  it('warns on Admin, only on Admin', () => {
    expect(bcRoleAdvice('standard').map((a) => a.level)).toEqual(['info']);
    expect(bcRoleAdvice('admin').map((a) => a.level)).toEqual(['info', 'warning']);
    expect(assetRoleAdvice(['operator', 'analyst'])).toEqual([]);
    expect(assetRoleAdvice(['admin'])[0]?.text).toMatch(/Operator is enough/);
  });

  it('warns when fewer than two active Admins would remain', () => {
    const rows = [
      member('a@x.com', 'admin'),
      member('b@x.com', 'admin'),
      member('c@x.com', 'admin', 'pending'),
    ];
    expect(adminCountAdvice(rows, rows[0])[0]?.text).toMatch(/only one active Admin/);
    const three = [...rows, member('d@x.com', 'admin')];
    expect(adminCountAdvice(three, three[0])).toEqual([]);
    expect(adminCountAdvice(rows, member('s@x.com', 'standard'))).toEqual([]);
  });
});

describe('email check', () => {
  it.each([
    ['sam.ortiz@gmial.com', /Did you mean @gmail.com/],
    ['x@hotmial.com', /Did you mean @hotmail.com/],
    ['x@yaho.com', /Did you mean @yahoo.com/],
    ['not an email', /not an email address/],
  ])('%s', (email, expected) => {
    expect(
      emailAdvice(email, [], [])
        .map((a) => a.text)
        .join(' '),
    ).toMatch(expected);
  });

  it('says nothing for a good address, and names a member already here or in the register', () => {
    expect(emailAdvice('someone@northwind-outdoor.com', [], [])).toEqual([]);
    expect(emailAdvice('someone@gmail.com', [], [])).toEqual([]);
    const rows = [member('dana@brightlane-agency.com', 'standard')];
    expect(emailAdvice('Dana@Brightlane-Agency.com', rows, [])[0]?.text).toMatch(
      /already a member/,
    );
    expect(
      emailAdvice('new@agency.com', [], [{ email: 'new@agency.com', status: 'revoked' }])[0]?.text,
    ).toMatch(/already in your register \(revoked\)/);
  });
});
