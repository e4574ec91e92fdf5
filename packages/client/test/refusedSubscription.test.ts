import type { Adapter } from '@feedkit/protocol';
import { adapter as activeImmuneCore } from '@feedkit/protocol/active-immune-core';
import { adapter as helios } from '@feedkit/protocol/helios';
import { adapter as plataformaE } from '@feedkit/protocol/plataforma-e';
import { adapter as takhin } from '@feedkit/protocol/takhin';
import { adapter as veloflux } from '@feedkit/protocol/veloflux';
import { describe, expect, it } from 'vitest';
import { refusedSubscription } from '../src/refusedSubscription';

const any = (a: unknown) => a as Adapter<unknown, unknown>;

describe('refusedSubscription', () => {
  it('names why Takhin would refuse a target over 256 characters', () => {
    const spec = takhin.feeds.topic('x'.repeat(300));
    expect(refusedSubscription(any(takhin), spec.topics)).toMatch(/256/);
  });

  it.each([
    ['takhin metrics', takhin, takhin.feeds.metrics()],
    ['takhin topic', takhin, takhin.feeds.topic('orders')],
    ['takhin topic of 240 characters', takhin, takhin.feeds.topic('x'.repeat(240))],
    ['takhin consumer group', takhin, takhin.feeds.consumerGroup('billing')],
    ['veloflux backends', veloflux, veloflux.feeds.backends()],
    ['helios latency', helios, helios.feeds.latency()],
    ['helios custom metrics', helios, helios.feeds.customMetrics()],
    ['plataforma-e project', plataformaE, plataformaE.feeds.project('42')],
    ['plataforma-e notifications', plataformaE, plataformaE.feeds.notifications()],
    ['active-immune-core room', activeImmuneCore, activeImmuneCore.feeds.room('ops')],
    ['active-immune-core all', activeImmuneCore, activeImmuneCore.feeds.all()],
  ])('lets %s through', (_name, adapter, spec) => {
    expect(refusedSubscription(any(adapter), spec.topics)).toBeUndefined();
  });
});
