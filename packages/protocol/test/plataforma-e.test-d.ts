import { expectTypeOf, it } from 'vitest';
import { type FeedMessage, PlataformaE } from '../src/index';

it('decoded messages carry the seed types without a cast', () => {
  const result = PlataformaE.adapter.decode('');
  if (result.kind !== 'message') return;
  const message = result.message;
  if (message.type === 'story_created') {
    expectTypeOf(message.data.story_id).toEqualTypeOf<string>();
    expectTypeOf(message.data.project_id).toEqualTypeOf<string>();
    // Only the seed's one envelope example shows it, and nothing routes on it.
    expectTypeOf(message.message_id).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(message.timestamp).toEqualTypeOf<string>();
    expectTypeOf(message.project_id).toEqualTypeOf<string | null | undefined>();
  }
  if (message.type === 'job_progress') {
    expectTypeOf(message.data.progress).toEqualTypeOf<number>();
    expectTypeOf(message.data.output).toEqualTypeOf<string | null | undefined>();
  }
  if (message.type === 'log_message') {
    // The five documented names complete in the editor; a server's `INFO` still types.
    expectTypeOf(message.data.level).toEqualTypeOf<PlataformaE.LogLevel | (string & {})>();
  }
  if (message.type === 'connection') {
    // The seed names no fields for `connection`: `data` may even be absent.
    expectTypeOf(message.data?.connection_id).toEqualTypeOf<string | null | undefined>();
  }
  if (message.type === 'stats') {
    expectTypeOf(message.data).toEqualTypeOf<PlataformaE.Stats>();
  }
});

it('feeds are typed by what they deliver', () => {
  type Notifications = FeedMessage<ReturnType<typeof PlataformaE.feeds.notifications>>;
  expectTypeOf<Notifications>().toEqualTypeOf<PlataformaE.DataMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof PlataformaE.feeds.project>>
  >().toEqualTypeOf<PlataformaE.DataMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof PlataformaE.feeds.logs>>
  >().toEqualTypeOf<PlataformaE.LogMessage>();
  // Connection bookkeeping never reaches a data feed.
  expectTypeOf<
    Extract<Notifications, { type: 'heartbeat' | 'subscribed' | 'stats' }>
  >().toBeNever();
  // @ts-expect-error a project feed needs a project id
  PlataformaE.feeds.project();
  // @ts-expect-error `verbose` is not a level
  PlataformaE.feeds.logs({ level: 'verbose' });
});

it('client commands include the bare text ping', () => {
  expectTypeOf<'ping'>().toExtend<PlataformaE.ClientCommand>();
  expectTypeOf<{ action: 'subscribe'; project_id: string }>().toExtend<PlataformaE.ClientCommand>();
  expectTypeOf(PlataformaE.endpoints.subscribers.path).parameters.toEqualTypeOf<
    [projectId: string]
  >();
});
