/**
 * The two messages every throughput case sends: the protocol bench's vectors
 * (packages/protocol/fixtures/benchMessages.ts).
 */
import { story, takhinMetrics } from '../../protocol/fixtures/benchMessages';

export type PayloadName = 'metrics' | 'story';

export const PROJECT_ID = 'PROJ-001';

/** The message as an object (what socket.io emits) and as the frame text (what the raw server sends). */
export const payloads: Record<PayloadName, { readonly value: object; readonly frame: string }> = {
  metrics: { value: takhinMetrics(), frame: JSON.stringify(takhinMetrics()) },
  story: { value: story, frame: JSON.stringify(story) },
};

export const payloadLabel = (name: PayloadName): string =>
  name === 'metrics'
    ? `Takhin metrics (${payloads.metrics.frame.length} B)`
    : `Plataforma E story_created (${payloads.story.frame.length} B)`;
