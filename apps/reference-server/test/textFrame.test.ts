import { describe, expect, it } from 'vitest';
import * as ws from 'ws';

/** ws exports its frame parser at runtime; @types/ws does not declare it. */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => FrameReceiver;
};

import { textFrame } from '../src/textFrame';

/** Parses frames with ws's own receiver, as a client would. */
function receive(frame: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(false);
      resolve(data.toString('utf8'));
    });
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  it.each([
    ['empty', ''],
    ['7-bit length', 'x'.repeat(125)],
    ['16-bit length, lower edge', 'x'.repeat(126)],
    ['16-bit length, upper edge', 'x'.repeat(65_535)],
    ['64-bit length', 'x'.repeat(65_536)],
    ['multi-byte characters (length in bytes)', '€'.repeat(50)],
  ])('is a valid text frame: %s', async (_name, text) => {
    expect(await receive(textFrame(text))).toBe(text);
  });
});
