import { createClient, type FeedkitError, helios } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { useLogin } from '../src/systems/helios';
import { useReferenceServer } from './support/referenceServer';

const server = useReferenceServer();

describe('helios useLogin against the reference server', () => {
  it('logs in, then reports a refused password as a rest error', async () => {
    const client = createClient({ url: server.current.wsUrl, protocol: helios() });
    const scope = effectScope();
    const login = scope.run(() => useLogin(client))!;

    const ok = login.run({ username: 'admin', password: 'admin123' });
    expect(login.pending.value).toBe(true);
    const response = await ok;
    expect(response?.token).toEqual(expect.any(String));
    expect(login.data.value?.token).toBe(response?.token);
    expect(login.pending.value).toBe(false);

    await expect(login.run({ username: 'admin', password: 'wrong' })).resolves.toBeUndefined();
    const error = login.error.value as FeedkitError;
    expect(error.code).toBe('rest');
    expect(error.status).toBe(401);
    // The earlier token is still what the view shows.
    expect(login.data.value?.token).toBe(response?.token);
    scope.stop();
    client.close();
  });
});
