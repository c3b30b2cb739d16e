/** A small JSON client of the API for setting up the bench (not for measuring). */
export class Http {
  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    return (await this.send<{ accessToken: string }>('POST', '/api/auth/login', undefined, { username, password }))
      .accessToken;
  }

  /** Sends a request and returns its JSON answer; throws on any status but the expected ones. */
  async send<T>(
    method: 'GET' | 'POST',
    path: string,
    token?: string,
    body?: unknown,
    ok: number[] = [200, 201],
  ): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!ok.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
