import { describe, expect, it } from 'vitest';
import { PlataformaE } from '../src/index';

const { adapter } = PlataformaE;

/** A frame of the independent FastAPI-style server (apps/independent-servers): a project-level chat. */
const projectChat = {
  message_id: '5f0c2e8a91b3',
  type: 'chat_message',
  timestamp: '2026-11-27T13:52:02.830113+00:00',
  data: { preview: 'Reuniao as 10h', project_id: 'PROJ-002', story_id: null },
  project_id: 'PROJ-002',
  story_id: null,
};

describe('Plataforma E: what a FastAPI server with Optional fields sends', () => {
  it('a chat_message of no story (story_id: null) decodes and reaches its project feed', () => {
    const result = adapter.decode(JSON.stringify(projectChat));
    expect(result).toEqual({ kind: 'message', message: projectChat });
    expect(adapter.feeds.project('PROJ-002').accepts(projectChat)).toBe(true);
  });

  it('the key the table lists is still required', () => {
    const { story_id: _dropped, ...data } = projectChat.data;
    const result = adapter.decode(JSON.stringify({ ...projectChat, data }));
    expect(result.kind === 'error' && result.error.path).toEqual(['data', 'story_id']);
  });
});
