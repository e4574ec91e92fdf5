import { activeImmuneCore, type Feed, helios, type Protocol, plataformaE } from '@feedkit/client';
import type { ConnectionInfo } from '@feedkit/reference-server';
import { activeImmuneCoreExamples, heliosExamples, plataformaEExamples } from '@feedkit/testing';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../src/faults/FaultProxy';
import { collectErrors, next } from '../support/next';
import { recordGaps } from '../support/recordGaps';
import { useDeployment } from '../support/useDeployment';

const deployment = useDeployment();

interface Case {
  readonly system: 'plataforma-e' | 'helios' | 'active-immune-core';
  readonly protocol: () => Protocol;
  readonly feed: (client: { feed: (...args: never[]) => unknown }) => Feed<unknown>;
  /** The server's whole subscription list after every reconnect (Helios starts at "all": the replay narrows it). */
  readonly subscription: string;
  readonly event: Record<string, unknown>;
}

const cases: readonly (readonly [string, Case])[] = [
  [
    'Plataforma E project(PROJ-001)',
    {
      system: 'plataforma-e',
      protocol: () => plataformaE(),
      feed: (c) => (c.feed as (n: string, id: string) => Feed<unknown>)('project', 'PROJ-001'),
      subscription: 'project:PROJ-001',
      event: plataformaEExamples.story_created,
    },
  ],
  [
    'Helios stateChanges() (logging in again each time)',
    {
      system: 'helios',
      protocol: () => helios({ username: 'admin', password: 'admin123' }),
      feed: (c) => (c.feed as (n: string) => Feed<unknown>)('stateChanges'),
      subscription: 'state_changes',
      event: heliosExamples.state_change,
    },
  ],
  [
    'Active Immune Core room(agents)',
    {
      system: 'active-immune-core',
      protocol: () => activeImmuneCore({ clientId: 'ops-1' }),
      feed: (c) => (c.feed as (n: string, room: string) => Feed<unknown>)('room', 'agents'),
      subscription: 'room:agents',
      event: activeImmuneCoreExamples.agent_created,
    },
  ],
];

describe('every system replays its subscriptions after connection resets through the proxy', () => {
  it.each(cases)('%s', async (_name, { system, protocol, feed: feedOf, subscription, event }) => {
    const proxy = await FaultProxy.start(deployment.server.port);
    deployment.defer(() => proxy.close());
    const client = deployment.client(protocol(), {
      url: proxy.wsUrl,
      heartbeat: { intervalMs: 50, timeoutMs: 400 },
    });
    const errors = collectErrors(client);
    const feed = feedOf(client as never);
    const gaps = recordGaps(feed);
    const sub = feed.subscribe();
    const subscribedOn = (exclude?: string) =>
      deployment.server.waitForConnections((cs: readonly ConnectionInfo[]) =>
        cs.some(
          (c) => c.system === system && c.id !== exclude && c.subscriptions.join() === subscription,
        ),
      );
    let [current] = await subscribedOn();
    for (let reset = 1; reset <= 2; reset++) {
      // The server may hold a subscription (Helios defaults its flags) before the client saw `open`.
      await next(client.state$, (s) => s.status === 'open');
      const lost = next(client.state$, (s) => s.status === 'reconnecting');
      proxy.drop('reset');
      await lost;
      const previous = current?.id;
      const connections = await subscribedOn(previous);
      current = connections.find((c) => c.system === system && c.id !== previous);
      const message = next(feed);
      deployment.server.emit(system, event);
      expect(await message).toMatchObject(event);
    }
    sub.unsubscribe();
    expect(gaps).toEqual([true, false, true, false]);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
  });
});
