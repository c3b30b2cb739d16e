import { ConfigError } from '@luodi/platform';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { adminToken, authHeaders, createUserAndLogin, login } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

// Issue 12, item 7: any 8 characters were a password ('password', 'aaaaaaaa', the username with
// a digit), and a "change" could keep the current one.

interface FieldError {
  field: string;
  constraint?: string;
}

describe('weak passwords are refused, naming the field and the rule', () => {
  let api: RunningApi;
  let admin: Record<string, string>;
  beforeAll(async () => {
    api = await startApi();
    admin = authHeaders(await adminToken(api));
  });
  afterAll(async () => {
    await api.stop();
  });

  async function post(path: string, headers: Record<string, string>, body: unknown) {
    const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const problem = (await response.json()) as { code?: string; errors?: FieldError[] };
    return {
      status: response.status,
      code: problem.code,
      errors: (problem.errors ?? []).map(({ field, constraint }) => ({ field, constraint })),
    };
  }

  const refused = (field: string, constraint: string) => ({
    status: 400,
    code: 'INVALID_INPUT',
    errors: expect.arrayContaining([{ field, constraint }]),
  });

  it('POST /api/users: too short, only spaces, containing the username, or common — and creates no user', async () => {
    const create = (username: string, password: string) =>
      post('/api/users', admin, { username, password, role: 'reviewer' });
    expect(await create('weak-1', 'Xy7-short')).toEqual(refused('password', 'minLength'));
    expect(await create('weak-2', ' '.repeat(12))).toEqual(refused('password', 'isNotBlank'));
    expect(await create('Wang.Fang', 'my-wang.fang-2026')).toEqual(refused('password', 'notUsername'));
    for (const common of ['password1234', 'qwertyuiop', 'aaaaaaaaaaaa', 'iloveyou123']) {
      expect(await create('weak-3', common)).toEqual(refused('password', 'isHardToGuess'));
    }
    const users = (await (await fetch(`${api.baseUrl}/api/users`, { headers: admin })).json()) as Array<{
      username: string;
    }>;
    expect(users.map((u) => u.username).filter((u) => /weak|wang/i.test(u))).toEqual([]);
  });

  it('POST /api/users accepts a strong password, which then logs in', async () => {
    expect(
      (
        await post('/api/users', admin, {
          username: 'strong-user',
          password: 'Kestrel-Lantern-Orbit-42',
          role: 'reviewer',
        })
      ).status,
    ).toBe(201);
    await expect(login(api.baseUrl, 'strong-user', 'Kestrel-Lantern-Orbit-42')).resolves.toMatchObject({
      user: { username: 'strong-user' },
    });
  });

  it('POST /api/users/{id}/password (reset): the same rules, the username known only to the server', async () => {
    const user = await createUserAndLogin(api, 'reviewer');
    const reset = (password: string) => post(`/api/users/${user.id}/password`, admin, { password });
    expect(await reset('short')).toEqual(refused('password', 'minLength'));
    expect(await reset('password1234')).toEqual(refused('password', 'isHardToGuess'));
    expect(await reset(`x-${user.username.toUpperCase()}-9`)).toEqual(refused('password', 'notUsername'));
    // Nothing was changed: the old password still logs in.
    await expect(login(api.baseUrl, user.username, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('POST /api/auth/password (change): the same rules, and not the current password', async () => {
    const user = await createUserAndLogin(api, 'taskforce');
    const change = (newPassword: string) =>
      post('/api/auth/password', user.headers, { currentPassword: user.password, newPassword });
    expect(await change(user.password)).toEqual(refused('newPassword', 'differsFromCurrent'));
    expect(await change('qwertyuiop')).toEqual(refused('newPassword', 'isHardToGuess'));
    expect(await change(`${user.username}-and-more`)).toEqual(refused('newPassword', 'notUsername'));
    await expect(login(api.baseUrl, user.username, user.password)).resolves.toMatchObject({ user: { id: user.id } });
    expect((await change('Granite-Ocean-Maple-58')).status).toBe(200);
  });
});

describe('a weak LUODI_ADMIN_PASSWORD stops the start', () => {
  it.each([
    ['too short', 'Xy7-short', /at least 10 characters/],
    ['only spaces', ' '.repeat(12), /only spaces/],
    ['containing the username admin', 'Admin-2026-xyz', /must not contain the username/],
    ['a common password', 'password1234', /too easy to guess/],
  ])('refuses one %s, naming the variable', (_, password, reason) => {
    const start = () => loadConfig({ NODE_ENV: 'test', LUODI_ADMIN_PASSWORD: password });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/LUODI_ADMIN_PASSWORD is refused/);
    expect(start).toThrow(reason);
  });

  it('accepts a strong one', () => {
    expect(loadConfig({ NODE_ENV: 'test', LUODI_ADMIN_PASSWORD: 'Kestrel-Lantern-Orbit-42' }).adminPassword).toBe(
      'Kestrel-Lantern-Orbit-42',
    );
  });
});
