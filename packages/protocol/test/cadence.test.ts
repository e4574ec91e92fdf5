import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore, Helios, PlataformaE, Takhin, VeloFlux } from '../src/index';

describe('feed cadences: what each document promises', () => {
  it.each([
    ['Takhin metrics', Takhin.adapter.feeds.metrics(), 2_000],
    ['VeloFlux backends', VeloFlux.adapter.feeds.backends(), 5_000],
    ['VeloFlux metrics', VeloFlux.adapter.feeds.metrics(), 10_000],
    ['VeloFlux status', VeloFlux.adapter.feeds.status(), 15_000],
    ['Helios status', Helios.adapter.feeds.status(), 5_000],
  ] as const)('%s arrives every %i ms', (_name, feed, cadence) => {
    expect(feed.cadenceMs).toBe(cadence);
  });

  it.each([
    ['Takhin topic', Takhin.adapter.feeds.topic('orders')],
    ['Takhin consumer group', Takhin.adapter.feeds.consumerGroup('g')],
    ['Helios state changes', Helios.adapter.feeds.stateChanges()],
    ['Plataforma E project', PlataformaE.adapter.feeds.project('PROJ-001')],
    ['Active Immune Core events', ActiveImmuneCore.adapter.feeds.all()],
  ] as const)('%s is an event feed: no cadence, never stale', (_name, feed) => {
    expect(feed.cadenceMs).toBeUndefined();
  });

  it('keeps the rest of a Helios flag feed when it adds the cadence', () => {
    const status = Helios.adapter.feeds.status();
    expect(status.key).toBe('helios:status');
    expect(status.topics).toEqual(['status']);
    expect(status.accepts({ type: 'status_update' })).toBe(true);
  });
});
