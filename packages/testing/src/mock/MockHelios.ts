import { Helios } from '@feedkit/protocol';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { heliosBehaviour } from './behaviours/helios';
import { MockServer, type MockServerOptions } from './MockServer';

export interface MockHeliosOptions extends MockServerOptions {
  /**
   * Users `POST /api/auth/login` accepts, name to password. Only admins may
   * open the socket on a real Helios; the mock issues `token` to every user.
   * @default { admin: 'admin123' } (the seed's example)
   */
  readonly users?: Readonly<Record<string, string>>;
}

/** The token the mock's login issues when no `token` option is given. */
export const MOCK_HELIOS_TOKEN = 'mock-helios-token';

/** Helios, with its login endpoint: a client built with `helios({ username, password })` logs in through it. */
export class MockHelios extends MockServer<'helios'> {
  constructor(options: MockHeliosOptions = {}) {
    super('helios', heliosBehaviour as never, options);
  }

  protected override restHandlers(): RequestHandler[] {
    const users = (this.options as MockHeliosOptions).users ?? { admin: 'admin123' };
    const token = this.options.token ?? MOCK_HELIOS_TOKEN;
    return [
      http.post(`${this.httpUrl}${Helios.endpoints.login.path()}`, async ({ request }) => {
        const body = Helios.loginRequestSchema.safeParse(await request.json().catch(() => null));
        if (!body.success)
          return HttpResponse.json({ error: 'username and password required' }, { status: 400 });
        const { username, password } = body.data;
        if (this.refusal || users[username] !== password) {
          return HttpResponse.json({ error: 'invalid credentials' }, { status: 401 });
        }
        return HttpResponse.json({ token, role: 'admin' });
      }),
    ];
  }
}
