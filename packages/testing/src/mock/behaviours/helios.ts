import { Helios } from '@feedkit/protocol';
import { isoTime, type SystemBehaviour } from '../SystemBehaviour';

const flagOf: Partial<Record<Helios.ServerMessage['type'], Helios.SubscriptionFlag>> = {
  status: 'status',
  status_update: 'status',
  state_change: 'state_changes',
  peer_change: 'peer_changes',
  latency: 'latency',
  uptime: 'uptime',
  snapshot: 'snapshot',
  custom_metrics: 'custom_metrics',
};

/** One socket; a new one is subscribed to every flag, and `subscribe` replaces the whole flag set. */
export const heliosBehaviour: SystemBehaviour<Helios.ServerMessage, Helios.ClientCommand> = {
  adapter: Helios.adapter,
  paths: [Helios.HELIOS_PATH],
  initialTopics: () => Helios.subscriptionFlags,
  answer(command, connection, now) {
    if (command.type === 'ping') return [{ type: 'pong', timestamp: isoTime(now) }];
    connection.topics.clear();
    if (command.type === 'subscribe') {
      for (const flag of Helios.subscriptionFlags)
        if (command.data[flag]) connection.topics.add(flag);
    }
    return [];
  },
  delivers(message, connection) {
    const flag = flagOf[message.type];
    return flag === undefined || connection.topics.has(flag);
  },
};
