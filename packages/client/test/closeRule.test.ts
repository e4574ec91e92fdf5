import { describe, expect, it } from 'vitest';
import {
  type CloseAction,
  type CloseContext,
  type CloseEvent,
  type CloseHistory,
  closeRule,
  DEAD_PEER_CLOSE_CODE,
} from '../src/closeRule';

const node = { opened: true, seesUpgradeStatus: true, authRequired: false };

describe('close-code table', () => {
  it.each([
    [1000, 'reconnect', undefined],
    [1001, 'reconnect', undefined],
    [1006, 'reconnect', 'connection'],
    [1007, 'reconnect', 'protocol'],
    [1008, 'auth', undefined],
    [1009, 'reconnect', 'message_too_big'],
    [1011, 'reconnect', undefined],
    [1012, 'reconnect', undefined],
    [DEAD_PEER_CLOSE_CODE, 'reconnect', 'connection'],
    [4001, 'auth', undefined],
    [4003, 'auth', undefined],
    [4999, 'reconnect', undefined],
  ])('close %i -> %s (error %s)', (code, action, error) => {
    const rule = closeRule({ ...node, code });
    expect(rule.action).toBe(action);
    expect(rule.error).toBe(error);
    expect(rule.reason).toBeTruthy();
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'reconnect'],
    [503, 'reconnect'],
  ])('refused upgrade HTTP %i -> %s', (httpStatus, action) => {
    expect(closeRule({ ...node, code: 1006, opened: false, httpStatus }).action).toBe(action);
  });

  it('a browser socket refused before open by an auth-requiring system refreshes the token but is never fatal', () => {
    const browser = { code: 1006, opened: false, seesUpgradeStatus: false };
    expect(closeRule({ ...browser, authRequired: true }).action).toBe('refresh');
    expect(closeRule({ ...browser, authRequired: false }).action).toBe('reconnect');
    // After open, a 1006 is a network loss even there.
    expect(closeRule({ ...browser, opened: true, authRequired: true }).action).toBe('reconnect');
  });
});

describe('closeRule(event, history): one row per case', () => {
  const closed = (code: number, extra: Partial<CloseContext> = {}): CloseContext => ({
    ...node,
    code,
    ...extra,
  });
  const again = { authFailures: 1 };
  it.each<[string, CloseEvent, CloseHistory | undefined, CloseAction, string | undefined, RegExp]>([
    ['server closed normally', closed(1000), undefined, 'reconnect', undefined, /normally/],
    ['going away', closed(1001), undefined, 'reconnect', undefined, /going away/],
    ['connection lost', closed(1006), undefined, 'reconnect', 'connection', /lost/],
    ['malformed message', closed(1007), undefined, 'reconnect', 'protocol', /1007/],
    ['1008 first time', closed(1008), undefined, 'auth', undefined, /1008/],
    ['1008 again', closed(1008), again, 'fatal', 'auth', /1008/],
    ['message too big', closed(1009), undefined, 'reconnect', 'message_too_big', /1009/],
    ['server error', closed(1011), undefined, 'reconnect', undefined, /1011/],
    ['service restart', closed(1012), undefined, 'reconnect', undefined, /1012/],
    ['try again later', closed(1013), undefined, 'reconnect', undefined, /1013/],
    ['4001 first time', closed(4001), undefined, 'auth', undefined, /4001/],
    ['4001 again', closed(4001), again, 'fatal', 'auth', /4001/],
    ['4003 first time', closed(4003), undefined, 'auth', undefined, /4003/],
    ['an unknown code', closed(4999), undefined, 'reconnect', undefined, /code 4999/],
    [
      'the server reason is kept',
      closed(1012, { reason: 'deploy' }),
      undefined,
      'reconnect',
      undefined,
      /1012\): deploy/,
    ],
    [
      'upgrade 401',
      closed(1006, { opened: false, httpStatus: 401 }),
      undefined,
      'auth',
      undefined,
      /401/,
    ],
    [
      'upgrade 401 again',
      closed(1006, { opened: false, httpStatus: 401 }),
      again,
      'fatal',
      'auth',
      /401/,
    ],
    [
      'upgrade 403',
      closed(1006, { opened: false, httpStatus: 403 }),
      undefined,
      'auth',
      undefined,
      /403/,
    ],
    [
      'upgrade 503',
      closed(1006, { opened: false, httpStatus: 503 }),
      undefined,
      'reconnect',
      'connection',
      /503/,
    ],
    [
      'browser refused before open, auth required',
      closed(1006, { opened: false, seesUpgradeStatus: false, authRequired: true }),
      again,
      'refresh',
      'connection',
      /refreshing the token/,
    ],
    [
      'connect timeout',
      { kind: 'connect-timeout', timeoutMs: 3000 },
      undefined,
      'reconnect',
      'connection',
      /no open within 3000 ms/,
    ],
    ['dead peer', { kind: 'dead-peer' }, undefined, 'reconnect', 'connection', /dead peer/],
    [
      'token provider failed',
      { kind: 'token-failed', message: 'boom' },
      undefined,
      'reconnect',
      'connection',
      /token provider failed: boom/,
    ],
    [
      'token provider refused (401)',
      { kind: 'token-failed', message: 'no', status: 401 },
      undefined,
      'auth',
      undefined,
      /token provider/,
    ],
    [
      'token provider refused again',
      { kind: 'token-failed', message: 'no', status: 403 },
      again,
      'fatal',
      'auth',
      /token provider/,
    ],
  ])('%s', (_, event, history, action, error, reason) => {
    const rule = closeRule(event, history);
    expect(rule.action).toBe(action);
    expect(rule.error).toBe(error);
    expect(rule.reason).toMatch(reason);
    if (action === 'fatal') expect(rule.advice).toMatch(/create a new client/);
  });
});
