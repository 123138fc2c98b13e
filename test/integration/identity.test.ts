import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asRole,
  browser,
  makeUser,
  signedIn,
  startTestApp,
  testPassword,
  type Agent,
  type TestApp,
} from '../support/testApp.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  ({ agent: admin } = await asRole(t, 'system_admin'));
});
afterAll(() => t.close());

const newPassword = 'a brand new passphrase, 2025';

interface Cookie {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  expires?: Date;
}
const cookie = (res: LightMyRequestResponse, name: string) =>
  (res.cookies as Cookie[]).find((c) => c.name === name);

function expectViolation(res: LightMyRequestResponse, status: number, field: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().violations.map((v: { field: string }) => v.field)).toContain(field);
}

async function logIn(agent: Agent, email: string, password: string) {
  return agent.request({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
}

async function createAccount(payload: Record<string, unknown>) {
  return admin.request({ method: 'POST', url: '/api/v1/users', payload });
}

async function currentVersionOf(userId: string): Promise<number> {
  return (await admin.request({ method: 'GET', url: `/api/v1/users/${userId}` })).json().version;
}

/** A browser holding only the given session cookie, as if it had been copied. */
async function browserWithSession(token: string): Promise<Agent> {
  const agent = await browser(t);
  agent.cookies.metroplan_sid = token;
  return agent;
}

describe('logging in and out', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const user = await makeUser(t, 'participant');
    const res = await logIn(await browser(t), user.email, testPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: user.email, role: 'participant' });
    expect(cookie(res, 'metroplan_sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const csrf = cookie(res, 'metroplan_csrf');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf).toMatchObject({ sameSite: 'Lax', value: res.json().csrfToken });
  });

  it('logs out: the session cookie is cleared and its token no longer authenticates', async () => {
    const { agent } = await asRole(t, 'system_admin');
    const token = agent.cookies.metroplan_sid!;
    expect((await agent.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    const res = await agent.request({ method: 'DELETE', url: '/api/v1/session' });
    expect(res.statusCode).toBe(204);
    expect(agent.cookies.metroplan_sid).toBeUndefined();
    const replay = await browserWithSession(token);
    expect(
      (await replay.request({ method: 'GET', url: '/api/v1/session' })).json().user,
    ).toBeNull();
    expect((await replay.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('answers a wrong password exactly as an unknown e-mail, with no hint which it was', async () => {
    const user = await makeUser(t, 'participant');
    const wrongPassword = await logIn(await browser(t), user.email, 'not the password at all');
    const unknownEmail = await logIn(
      await browser(t),
      'nobody.here@example.it',
      'not the password at all',
    );
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(cookie(wrongPassword, 'metroplan_sid')).toBeUndefined();
  });

  it('refuses to log in a disabled account, even with the right password', async () => {
    const user = await makeUser(t, 'participant');
    const disabled = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { version: await currentVersionOf(user.id), disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    const res = await logIn(await browser(t), user.email, testPassword);
    // The right password learns that the account is disabled; a wrong one learns nothing more.
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'accountDisabled' });
    expect(cookie(res, 'metroplan_sid')).toBeUndefined();
    const wrong = await logIn(await browser(t), user.email, 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBeUndefined();
    // The right password, again and again, is never counted as a wrong one (5 lock an account).
    for (let i = 0; i < 6; i++)
      expect((await logIn(await browser(t), user.email, testPassword)).statusCode).toBe(403);
  });
});

describe('one-time and changed passwords', () => {
  it('holds back the writes of a new account until it changes its one-time password', async () => {
    const created = await createAccount({
      email: 'referente.abbiategrasso@example.it',
      name: 'Referente di Abbiategrasso',
      role: 'comune_referent',
      comuneCode: '015002',
    });
    const { temporaryPassword } = created.json();
    const agent = await browser(t);
    const login = await logIn(agent, 'referente.abbiategrasso@example.it', temporaryPassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    const edit = async () => {
      const { version } = (
        await agent.request({ method: 'GET', url: '/api/v1/comuni/015002' })
      ).json();
      return agent.request({
        method: 'PATCH',
        url: '/api/v1/comuni/015002',
        payload: { version, website: 'https://www.comune.abbiategrasso.mi.it' },
      });
    };

    expect((await edit()).statusCode).toBe(403);
    const change = await agent.request({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: temporaryPassword, newPassword },
    });
    expect(change.statusCode).toBe(204);
    expect((await edit()).statusCode).toBe(200);
  });

  it('refuses a weak new password with 422 naming body.newPassword, keeping the old one', async () => {
    const user = await makeUser(t, 'participant');
    const agent = await signedIn(t, user.email);
    const res = await agent.request({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: testPassword, newPassword: 'short' },
    });
    expectViolation(res, 422, 'body.newPassword');
    expect((await logIn(await browser(t), user.email, testPassword)).statusCode).toBe(200);
  });
});

describe('accounts created by a system administrator', () => {
  it('answers 201 with a one-time password shown once, audited as user.created, no hash anywhere', async () => {
    const res = await createAccount({
      email: 'Giulia.Bianchi@Example.it',
      name: 'Giulia Bianchi',
      role: 'pnrr_officer',
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ email: 'giulia.bianchi@example.it', mustChangePassword: true });
    expect(temporaryPassword).toEqual(expect.any(String));

    const shown = await admin.request({ method: 'GET', url: `/api/v1/users/${user.id}` });
    const listed = await admin.request({ method: 'GET', url: '/api/v1/users?q=giulia' });
    const audit = await admin.request({
      method: 'GET',
      url: `/api/v1/audit?entityType=user&entityId=${user.id}&action=user.created`,
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0].after).toMatchObject({ email: 'giulia.bianchi@example.it' });
    for (const body of [res.body, shown.body, listed.body, audit.body]) {
      expect(body).not.toMatch(/scrypt|password_?hash/i);
    }
    for (const body of [shown.body, listed.body, audit.body]) {
      expect(body).not.toContain(temporaryPassword);
    }
  });

  it('refuses a second account with the same e-mail, whatever its case, with 409', async () => {
    const first = await createAccount({
      email: 'anna.verdi@example.it',
      name: 'Anna Verdi',
      role: 'participant',
    });
    expect(first.statusCode).toBe(201);
    const again = await createAccount({
      email: 'ANNA.Verdi@example.it',
      name: 'Anna Verdi',
      role: 'editor',
    });
    expect(again.statusCode).toBe(409);
    // Said as a code too: the form tells the address is taken, not that the data went stale.
    expect(again.json()).toMatchObject({
      code: 'accountExists',
      params: { email: 'anna.verdi@example.it' },
    });
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/users?q=anna.verdi' })).json().total,
    ).toBe(1);
  });

  it('answers two simultaneous creations of the same e-mail with one 201 and one 409', async () => {
    const payload = { email: 'luca.neri@example.it', name: 'Luca Neri', role: 'participant' };
    const statuses = (await Promise.all([createAccount(payload), createAccount(payload)])).map(
      (r) => r.statusCode,
    );
    expect(statuses.sort()).toEqual([201, 409]);
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/users?q=luca.neri' })).json().total,
    ).toBe(1);
  });

  it('refuses a comune referent without a comune with 422 naming body.comuneCode', async () => {
    const res = await createAccount({
      email: 'senza.comune@example.it',
      name: 'Senza Comune',
      role: 'comune_referent',
    });
    expectViolation(res, 422, 'body.comuneCode');
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/users?q=senza.comune' })).json().total,
    ).toBe(0);
  });

  it('refuses a zone referent without a zone with 422 naming body.zoneId', async () => {
    const res = await createAccount({
      email: 'senza.zona@example.it',
      name: 'Senza Zona',
      role: 'zone_referent',
    });
    expectViolation(res, 422, 'body.zoneId');
  });

  it('refuses an editor without org units with 422 naming body.orgUnitIds, and accepts one with', async () => {
    const refused = await createAccount({
      email: 'redattore@example.it',
      name: 'Redattore',
      role: 'editor',
    });
    expectViolation(refused, 422, 'body.orgUnitIds');
    const unit = await admin.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { kind: 'settore', name: 'Settore Pianificazione territoriale' },
    });
    const accepted = await createAccount({
      email: 'redattore@example.it',
      name: 'Redattore',
      role: 'editor',
      orgUnitIds: [unit.json().id],
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user.orgUnitIds).toEqual([unit.json().id]);
  });

  it('refuses a scope the role does not use, naming it, instead of dropping it', async () => {
    const res = await createAccount({
      email: 'partecipante.zona@example.it',
      name: 'Partecipante',
      role: 'participant',
      zoneId: 'milano',
    });
    expectViolation(res, 422, 'body.zoneId');
    expect(res.json().violations[0]).toMatchObject({
      code: 'notForRole',
      params: { role: 'zone_referent' },
    });
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/users?q=partecipante.zona' })).json()
        .total,
    ).toBe(0);
    // A role change clears the scope the old role had: the request names none.
    const referent = await createAccount({
      email: 'ex.referente@example.it',
      name: 'Ex Referente',
      role: 'zone_referent',
      zoneId: 'milano',
    });
    const { id, version } = referent.json().user;
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { version, role: 'participant' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'participant', zoneId: null });
  });
});

describe('disabling and resetting an account', () => {
  it('ends the open sessions of an account when it is disabled', async () => {
    const { user, agent } = await asRole(t, 'plan_admin');
    expect((await agent.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(200);
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { version: await currentVersionOf(user.id), disabled: true },
    });
    expect((await agent.request({ method: 'GET', url: '/api/v1/session' })).json().user).toBeNull();
    expect((await agent.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('gives a new one-time password on reset and ends the sessions opened with the old one', async () => {
    const { user, agent } = await asRole(t, 'participant');
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password-reset`,
    });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).not.toBe(testPassword);

    expect((await agent.request({ method: 'GET', url: '/api/v1/session' })).json().user).toBeNull();
    expect((await logIn(await browser(t), user.email, testPassword)).statusCode).toBe(401);
    const fresh = await logIn(await browser(t), user.email, temporaryPassword);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);
  });
});
