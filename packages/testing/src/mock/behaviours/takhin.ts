import { Takhin } from '@feedkit/protocol';
import { type SystemBehaviour, unixSeconds } from '../SystemBehaviour';

/** Metrics reach every socket; topic and group events the sockets subscribed to them, or with no subscription at all. */
export const takhinBehaviour: SystemBehaviour<Takhin.ServerMessage, Takhin.ClientCommand> = {
  adapter: Takhin.adapter,
  paths: [Takhin.TAKHIN_PATH],
  answer(command, connection, now) {
    if (command.type === 'ping') return [{ type: 'pong', timestamp: unixSeconds(now) }];
    if (command.type === 'subscribe') connection.topics.add(command.data);
    else connection.topics.delete(command.data);
    return [];
  },
  delivers(message, connection) {
    const wants = (topic: string) => connection.topics.size === 0 || connection.topics.has(topic);
    switch (message.type) {
      case 'topic_created':
      case 'topic_deleted':
        return wants(`topic:${message.data.name}`);
      case 'group_updated':
        return wants(`group:${message.data.groupId}`);
      default:
        return true;
    }
  },
};
