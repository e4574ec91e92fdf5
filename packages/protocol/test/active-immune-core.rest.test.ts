import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore } from '../src/index';

const { endpoints, errorBodySchema } = ActiveImmuneCore;

describe('Active Immune Core REST', () => {
  it('broadcast response: the seed shows none, so any JSON a 2xx carries is accepted', () => {
    for (const body of [
      { success: true, message: 'Event broadcast', data: { recipients: 1 } },
      { status: 'sent' },
      null,
      [],
    ]) {
      expect(endpoints.broadcast.response.parse(body)).toEqual(body);
    }
  });

  // Issue 11: the document's cURL example is a "custom event" with free-form data.
  it.each([
    ['a custom event type', { event_type: 'deploy_finished', data: { version: '1.2' } }],
    ['data no example shows', { event_type: 'alert_triggered', data: { cpu: 95 } }],
  ])('a broadcast of %s is accepted', (_name, body) => {
    expect(endpoints.broadcast.request?.parse(body)).toEqual(body);
  });

  it.each([
    ['an empty event type', { event_type: '', data: {} }, ['event_type']],
    [
      'a room over 64 characters',
      { event_type: 'alert_triggered', data: {}, room: 'r'.repeat(65) },
      ['room'],
    ],
    ['data that is not an object', { event_type: 'alert_triggered', data: 'hot' }, ['data']],
  ])('broadcast request with %s is refused', (_name, body, path) => {
    const result = endpoints.broadcast.request!.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it.each([
    ['HTTPException', { detail: 'Invalid event type' }],
    [
      '422 validation',
      {
        detail: [
          { loc: ['body', 'event_type'], msg: 'field required', type: 'value_error.missing' },
        ],
      },
    ],
  ])('a %s error body is typed', (_name, body) => {
    expect(errorBodySchema.parse(body)).toEqual(body);
  });
});
