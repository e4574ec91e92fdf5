import { PlataformaE } from '@feedkit/protocol';
import { isoTime, type SystemBehaviour } from '../SystemBehaviour';

type Message = PlataformaE.ServerMessage;
type Command = PlataformaE.ClientCommand;

const { notifications } = PlataformaE.PLATAFORMA_E_PATHS;
const LOGS_PATH = '/ws/logs';
const PROJECT_PATH = '/ws/project/:projectId';

let sequence = 0;
/** The seed's envelope: `{type, data, timestamp, message_id}`. */
const envelope = (type: string, data: unknown, now: number, extra: object = {}) =>
  ({ type, data, timestamp: isoTime(now), message_id: `mock-${++sequence}`, ...extra }) as Message;

const projectOf = (message: Message): string | undefined => {
  const data = (message as { data?: { project_id?: unknown } }).data;
  const id = message.project_id ?? data?.project_id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Three kinds of socket: notifications (project events for the projects it
 * subscribed to, acknowledged with `subscribed`), one per project, and logs
 * filtered by `?level=`. A text or JSON `ping` is answered with `pong`.
 */
export const plataformaEBehaviour: SystemBehaviour<Message, Command> = {
  adapter: PlataformaE.adapter,
  paths: [notifications, PROJECT_PATH, LOGS_PATH],
  welcome: (connection, now) => [
    envelope('connection', { connection_id: connection.id, message: 'Conectado' }, now),
  ],
  answer(command, connection, now) {
    if (command === 'ping' || command.action === 'ping') return [envelope('pong', {}, now)];
    if (command.action === 'stats') return [envelope('stats', {}, now)];
    const { project_id } = command;
    const topic = PlataformaE.projectTopic(project_id);
    if (command.action === 'subscribe') connection.topics.add(topic);
    else connection.topics.delete(topic);
    return [envelope(`${command.action}d`, { project_id }, now, { project_id })];
  },
  delivers(message, connection) {
    if (message.type === 'log_message') {
      const minimum = PlataformaE.logLevelSchema.safeParse(connection.query('level') ?? 'info');
      return (
        connection.path === LOGS_PATH &&
        minimum.success &&
        PlataformaE.levelAtLeast(message.data.level, minimum.data)
      );
    }
    if (connection.path === LOGS_PATH) return false;
    const project = projectOf(message);
    if (project === undefined || message.type === 'notification')
      return connection.path === notifications || project === connection.params.projectId;
    return (
      connection.params.projectId === project ||
      connection.topics.has(PlataformaE.projectTopic(project))
    );
  },
};
