// Every JSON example of the seed (001_2aa240620bf80a80.txt), verbatim.
export const seedStructure = `{
    "type": "story_created",
    "data": {
        "story_id": "STR-0001",
        "title": "Implementar login",
        "project_id": "PROJ-001"
    },
    "timestamp": "2025-01-15T10:30:00Z",
    "message_id": "abc123",
    "project_id": "PROJ-001",
    "story_id": "STR-0001"
}`;

export const seedStats = `{
    "active_connections": 5,
    "active_projects": 2,
    "total_connections": 150,
    "total_messages_sent": 1234,
    "total_broadcasts": 89,
    "connections_per_project": {
        "PROJ-001": 3,
        "PROJ-002": 2
    }
}`;

export const seedBroadcast = `{
    "event_type": "notification",
    "data": {"title": "Aviso", "message": "Manutencao em 5 minutos"},
    "project_id": "PROJ-001"
  }`;

/** A server message of `type` with the seed's envelope around `data`. */
export const envelope = (type: string, data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type, data, timestamp: '2025-01-15T10:30:00Z', message_id: 'm1', ...extra });
