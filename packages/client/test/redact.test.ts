import { describe, expect, it } from 'vitest';
import { FeedkitError } from '../src/FeedkitError';
import { redact } from '../src/redact';

describe('redact', () => {
  it.each([
    ['ws://admin:hunter2@host:8080/ws', 'ws://***@host:8080/ws'],
    ['wss://token-only@host/x', 'wss://***@host/x'],
    ['ws://host/ws/cluster?token=eyJhbGciOi.x.y', 'ws://host/ws/cluster?token=***'],
    ['ws://host/api?client_id=a&api_key=k-123&x=1', 'ws://host/api?client_id=a&api_key=***&x=1'],
    ['http://host/login?password=pw#frag', 'http://host/login?password=***#frag'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    [
      'nothing secret here: ws://host/ws?level=info',
      'nothing secret here: ws://host/ws?level=info',
    ],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('masks the given secret values wherever they appear', () => {
    expect(redact('server said: key k-9f8e7d is unknown', ['k-9f8e7d'])).toBe(
      'server said: key *** is unknown',
    );
  });

  it('every FeedkitError message and path is redacted', () => {
    const error = new FeedkitError('connection', 'ws://u:p4ss@h/ws?token=t0k3n failed', {
      system: 'helios',
      path: 'ws://u:p4ss@h/ws',
    });
    expect(error.message).toBe('ws://***@h/ws?token=*** failed');
    expect(error.path).toBe('ws://***@h/ws');
  });
});
