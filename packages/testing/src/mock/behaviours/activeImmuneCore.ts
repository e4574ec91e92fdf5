import { ActiveImmuneCore } from '@feedkit/protocol';
import { isoTime, type SystemBehaviour } from '../SystemBehaviour';

type Message = ActiveImmuneCore.ServerMessage;
type Command = ActiveImmuneCore.ClientCommand;

const ROOM = 'room:';
const EVENT = 'event:';
const ok = (message: string, data: Record<string, unknown> | null = null): Message => ({
  success: true,
  message,
  data,
});

/**
 * One socket; every command is answered with `{success, message, data}`.
 * An event with a room reaches that room's members, one without a room
 * everyone; the type filter applies on top, empty meaning every type.
 */
export const activeImmuneCoreBehaviour: SystemBehaviour<Message, Command> = {
  adapter: ActiveImmuneCore.adapter,
  paths: [ActiveImmuneCore.AIC_PATH],
  welcome: (connection, now) => [
    {
      event_type: 'connected',
      timestamp: isoTime(now),
      data: {
        connection_id: connection.query(ActiveImmuneCore.AIC_CLIENT_ID_PARAM) ?? connection.id,
      },
    },
  ],
  answer(command, connection, now) {
    const { topics } = connection;
    switch (command.action) {
      case 'ping':
        return [ok('pong', { timestamp: isoTime(now) })];
      case 'join':
        topics.add(`${ROOM}${command.room}`);
        return [ok(`Joined room ${command.room}`, { room: command.room })];
      case 'leave':
        topics.delete(`${ROOM}${command.room}`);
        return [ok(`Left room ${command.room}`, { room: command.room })];
      case 'subscribe':
        for (const type of command.data.event_types) topics.add(`${EVENT}${type}`);
        return [ok('Subscribed', { event_types: command.data.event_types })];
      case 'unsubscribe':
        for (const type of command.data.event_types) topics.delete(`${EVENT}${type}`);
        return [ok('Unsubscribed', { event_types: command.data.event_types })];
      default:
        return [ok('Connection info', { connection_id: connection.id, topics: [...topics] })];
    }
  },
  delivers(message, connection) {
    if (!('event_type' in message)) return false;
    const { topics } = connection;
    if (message.room && !topics.has(`${ROOM}${message.room}`)) return false;
    const filtered = [...topics].some((topic) => topic.startsWith(EVENT));
    return !filtered || topics.has(`${EVENT}${message.event_type}`);
  },
};
