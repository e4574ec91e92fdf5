import type { Takhin } from '@feedkit/protocol';
import { expectTypeOf, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type Feed,
  type ShareStrategy,
  takhin,
} from '../src/index';
import { type OwnerFunction, type ShareOptions, tabs } from '../src/share/index';

const url = 'ws://localhost:8080';

it('share: the same client type, the same feed types', () => {
  const plain = createClient({ url, protocol: takhin() });
  const shared = createClient({ url, protocol: takhin(), share: tabs() });
  expectTypeOf(shared).toEqualTypeOf(plain);
  expectTypeOf(shared.feed('metrics')).toEqualTypeOf<Feed<Takhin.MetricsMessage>>();
});

it('share takes a strategy (tabs from @feedkit/client/share) or false, not a string', () => {
  expectTypeOf(tabs).returns.toEqualTypeOf<ShareStrategy>();
  expectTypeOf<ShareOptions['worker']>().toEqualTypeOf<string | URL | false | undefined>();
  createClient({
    url,
    protocol: takhin(),
    share: tabs({ worker: '/assets/feedkit-share-worker.js' }),
  });
  createClient({
    url,
    protocol: takhin(),
    share: tabs({ worker: false, liveness: { timeoutMs: 10_000 } }),
  });
  createClient({ url, protocol: takhin(), share: false });
  expectTypeOf<ClientOptions<ReturnType<typeof takhin>>['share']>().toEqualTypeOf<
    ShareStrategy | false | undefined
  >();
  // @ts-expect-error the string form is gone: import { tabs } from '@feedkit/client/share'
  createClient({ url, protocol: takhin(), share: 'tabs' });
  // @ts-expect-error options go to tabs(), not to share
  createClient({ url, protocol: takhin(), share: { worker: false } });
  // @ts-expect-error liveness is in milliseconds
  tabs({ liveness: { timeoutMs: '5s' } });
});

it('the options a SharedWorker cannot run are named', () => {
  expectTypeOf<OwnerFunction>().toEqualTypeOf<'backoff' | 'shouldRetry' | 'WebSocket' | 'fetch'>();
});
