import { describe, expect, it } from 'vitest';
import { FeedkitError } from '../src/FeedkitError';
import { unheardErrors } from '../src/unheardErrors';

const lost = (path: string, message = 'connection lost') =>
  new FeedkitError('connection', `${path}: ${message}`, { system: 'takhin', path });

describe('unheardErrors: one line per new message of each source', () => {
  it('interleaved retry loops of two sockets are one line each; a new message of one is a line', () => {
    const lines: string[] = [];
    const log = unheardErrors({ warn: (line: string) => lines.push(line) });
    for (let i = 0; i < 5; i++) for (const path of ['/ws/a', '/ws/b']) log(lost(path));
    log(lost('/ws/a', 'dead peer'));
    log(lost('/ws/a'));
    expect(lines.map((l) => l.replace(/ \(subscribe.*$/, ''))).toEqual([
      '[feedkit] connection: /ws/a: connection lost',
      '[feedkit] connection: /ws/b: connection lost',
      '[feedkit] connection: /ws/a: dead peer',
      '[feedkit] connection: /ws/a: connection lost',
    ]);
  });

  it('remembers a bounded number of sources: the longest silent one is forgotten first', () => {
    const lines: string[] = [];
    const log = unheardErrors({ warn: (line: string) => lines.push(line) });
    for (let i = 0; i <= 100; i++) log(lost(`/ws/${i}`));
    log(lost('/ws/100'));
    expect(lines).toHaveLength(101);
    log(lost('/ws/0'));
    expect(lines).toHaveLength(102);
  });
});
