import type { Takhin } from '@feedkit/protocol';
import { expectTypeOf, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type Feed,
  type ShareOptions,
  takhin,
} from '../src/index';

const url = 'ws://localhost:8080';

it('share: the same client type, the same feed types', () => {
  const plain = createClient({ url, protocol: takhin() });
  const shared = createClient({ url, protocol: takhin(), share: 'tabs' });
  expectTypeOf(shared).toEqualTypeOf(plain);
  expectTypeOf(shared.feed('metrics')).toEqualTypeOf<Feed<Takhin.MetricsMessage>>();
});

it('share takes tabs, options, or false', () => {
  expectTypeOf<ShareOptions['worker']>().toEqualTypeOf<string | URL | false | undefined>();
  createClient({ url, protocol: takhin(), share: { worker: '/assets/feedkit-share-worker.js' } });
  createClient({
    url,
    protocol: takhin(),
    share: { worker: false, liveness: { timeoutMs: 10_000 } },
  });
  createClient({ url, protocol: takhin(), share: false });
  expectTypeOf<ClientOptions<ReturnType<typeof takhin>>['share']>().toEqualTypeOf<
    'tabs' | ShareOptions | false | undefined
  >();
  // @ts-expect-error the only mode is 'tabs'
  createClient({ url, protocol: takhin(), share: 'workers' });
  // @ts-expect-error liveness is in milliseconds
  createClient({ url, protocol: takhin(), share: { liveness: { timeoutMs: '5s' } } });
});
