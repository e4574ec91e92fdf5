import type { Takhin } from '@feedkit/protocol';
import { describe, expectTypeOf, it } from 'vitest';
import { exampleMessages, type MessageOf, mockActiveImmuneCore, mockTakhin } from '../src/index';

describe('MockServer.emit is typed by the document', () => {
  it('takes the message of the name it is given', () => {
    const takhin = mockTakhin();
    expectTypeOf(takhin.emit<'metrics'>)
      .parameter(1)
      .toEqualTypeOf<Takhin.MetricsMessage | undefined>();
    takhin.emit('group_updated', {
      type: 'group_updated',
      timestamp: 1,
      data: { groupId: 'g', state: 'Stable', members: 2 },
    });
    // @ts-expect-error a metrics message is not a group_updated one
    takhin.emit('group_updated', exampleMessages.takhin.metrics);
    // @ts-expect-error Takhin has no such message
    takhin.emit('backend_status');
    const drifted = { ...exampleMessages.takhin.metrics, timestamp: '2026-01-01T00:00:00Z' };
    // @ts-expect-error Takhin timestamps are unix seconds
    takhin.emit('metrics', drifted);
    takhin.stop();
  });

  it('names Active Immune Core messages by event_type, and its answers `response`', () => {
    expectTypeOf<
      MessageOf<'active-immune-core', 'leader_elected'>['event_type']
    >().toEqualTypeOf<'leader_elected'>();
    const aic = mockActiveImmuneCore();
    aic.emit('response', { success: true, message: 'pong' });
    aic.stop();
  });
});
