import { describe, expect, it } from 'vitest';
import { closeRule, DEAD_PEER_CLOSE_CODE } from '../src/closeRule';

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
