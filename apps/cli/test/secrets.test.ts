import { describe, expect, it } from 'vitest';
import { recordedPath } from '../src/RecordingSocket';
import { readSecret, redact, secretSpecs } from '../src/secrets';

describe('secrets', () => {
  it('prefers the file to the environment to the command line', () => {
    const readFile = () => ' from-file \n';
    const env = { FEEDKIT_TOKEN: 'from-env' };
    expect(
      readSecret(secretSpecs.token, { 'token-file': 'f', token: 'inline' }, { env, readFile }),
    ).toEqual({
      value: 'from-file',
    });
    expect(readSecret(secretSpecs.token, {}, { env })).toEqual({ value: 'from-env' });
    expect(readSecret(secretSpecs.token, {}, { env: { FEEDKIT_TOKEN: '' } })).toEqual({
      value: undefined,
    });
  });

  it('redacts every secret from what it prints, and leaves short or absent ones alone', () => {
    expect(redact('token=abc123 and abc123 again', ['abc123', undefined, 'x'])).toBe(
      'token=*** and *** again',
    );
  });

  it('records socket paths without credentials', () => {
    expect(recordedPath('ws://h:1/ws/cluster?token=secret&x=1')).toBe('/ws/cluster?x=1');
    expect(recordedPath('ws://h:1/ws/logs?level=info')).toBe('/ws/logs?level=info');
  });
});
