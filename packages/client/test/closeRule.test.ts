import { ActiveImmuneCore, Takhin } from '@feedkit/protocol';
import { describe, expect, it } from 'vitest';
import { type CloseContext, closeRule, DEAD_PEER_CLOSE_CODE } from '../src/closeRule';
import {
  again,
  closed,
  helios,
  heliosAuth,
  node,
  type Row,
  refused,
} from './support/closeContexts';

/** A system that takes credentials, on a socket that carried none. */
const noCredentials = (system: { adapter: { auth?: CloseContext['auth'] } }) => ({
  opened: false,
  auth: system.adapter.auth,
  credentialsSent: false,
});

describe('close-code table', () => {
  it.each([
    [1000, 'reconnect', undefined],
    [1001, 'reconnect', undefined],
    [1003, 'reconnect', 'protocol'],
    [1006, 'reconnect', 'connection'],
    [1007, 'reconnect', 'protocol'],
    // 1008 is a policy violation, not a credential, on a system that says nothing else (issue 11).
    [1008, 'reconnect', 'protocol'],
    [1009, 'reconnect', 'message_too_big'],
    [1011, 'reconnect', undefined],
    [1012, 'reconnect', undefined],
    [DEAD_PEER_CLOSE_CODE, 'reconnect', 'connection'],
    [4001, 'reconnect', undefined],
    [4003, 'reconnect', undefined],
    [4999, 'reconnect', undefined],
  ])('close %i -> %s (error %s)', (code, action, error) => {
    const rule = closeRule({ ...node, code });
    expect(rule.action).toBe(action);
    expect(rule.error).toBe(error);
    expect(rule.reason).toBeTruthy();
  });

  it.each([
    [401, 'auth'],
    [403, 'fatal'],
    [404, 'reconnect'],
    [503, 'reconnect'],
  ])('refused upgrade HTTP %i on Helios -> %s', (httpStatus, action) => {
    const rule = closeRule({ ...node, auth: heliosAuth, code: 1006, opened: false, httpStatus });
    expect(rule.action).toBe(action);
  });

  it('a browser socket refused before open by an auth-requiring system refreshes the token but is never fatal', () => {
    const browser = { code: 1006, opened: false, seesUpgradeStatus: false };
    expect(closeRule({ ...browser, auth: heliosAuth }).action).toBe('refresh');
    expect(closeRule({ ...browser, auth: undefined }).action).toBe('reconnect');
    // After open, a 1006 is a network loss even there.
    expect(closeRule({ ...browser, opened: true, auth: heliosAuth }).action).toBe('reconnect');
  });
});

describe('closeRule(event, history): one row per case', () => {
  it.each<Row>([
    ['server closed normally', closed(1000), undefined, 'reconnect', undefined, /normally/],
    ['going away', closed(1001), undefined, 'reconnect', undefined, /going away/],
    ['connection lost', closed(1006), undefined, 'reconnect', 'connection', /lost/],
    ['malformed message', closed(1007), undefined, 'reconnect', 'protocol', /1007/],
    // gorilla's CloseUnsupportedData: a Go server refusing what it cannot decode (Takhin).
    ['unsupported data', closed(1003), undefined, 'reconnect', 'protocol', /1003/],
    [
      '1008 on Plataforma E: a protocol error, never credentials',
      closed(1008),
      again,
      'reconnect',
      'protocol',
      /policy violation \(1008\)/,
    ],
    [
      '1008 on Helios, first time',
      helios(1008),
      undefined,
      'auth',
      undefined,
      /credentials refused \(1008\)/,
    ],
    ['1008 on Helios, again', helios(1008), again, 'fatal', 'auth', /1008/],
    ['message too big', closed(1009), undefined, 'reconnect', 'message_too_big', /1009/],
    ['server error', closed(1011), undefined, 'reconnect', undefined, /1011/],
    ['service restart', closed(1012), undefined, 'reconnect', undefined, /1012/],
    ['try again later', closed(1013), undefined, 'reconnect', undefined, /1013/],
    [
      '4001 on Helios (token expired), first time',
      helios(4001),
      undefined,
      'auth',
      undefined,
      /4001/,
    ],
    ['4001 on Helios, again', helios(4001), again, 'fatal', 'auth', /4001/],
    [
      '4001 where the system takes no credentials',
      closed(4001),
      again,
      'reconnect',
      undefined,
      /code 4001/,
    ],
    [
      '4003 on Helios: not allowed, fatal at once',
      helios(4003),
      undefined,
      'fatal',
      'auth',
      /forbidden \(4003\)/,
    ],
    [
      '4003 on Takhin',
      closed(4003, { auth: Takhin.adapter.auth }),
      undefined,
      'fatal',
      'auth',
      /4003/,
    ],
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
      'upgrade 401 on Helios',
      helios(1006, { opened: false, httpStatus: 401 }),
      undefined,
      'auth',
      undefined,
      /401 unauthorized/,
    ],
    [
      'upgrade 401 on Helios, again',
      helios(1006, { opened: false, httpStatus: 401 }),
      again,
      'fatal',
      'auth',
      /401/,
    ],
    [
      'upgrade 403 on Helios: not an admin',
      helios(1006, { opened: false, httpStatus: 403 }),
      undefined,
      'fatal',
      'auth',
      /403 forbidden/,
    ],
    [
      'upgrade 401 where the system takes no credentials: retried at once',
      closed(1006, { opened: false, httpStatus: 401 }),
      undefined,
      'auth',
      'connection',
      /proxy/,
    ],
    [
      'upgrade 401 where the system takes no credentials, a second time: fatal, naming headers',
      closed(1006, { opened: false, httpStatus: 401 }),
      again,
      'fatal',
      'auth',
      /HTTP 401.*proxy/,
    ],
    [
      "a proxy's 403 page where the system takes no credentials: retried at once",
      closed(1006, { opened: false, httpStatus: 403, httpText: '403 Forbidden nginx' }),
      undefined,
      'auth',
      'connection',
      /HTTP 403.*proxy/,
    ],
    [
      "a bare 403 where the system takes no credentials: uvicorn's close before accept, retried",
      closed(1006, { opened: false, httpStatus: 403 }),
      again,
      'reconnect',
      'connection',
      /HTTP 403 with no body: the app closed the socket before accepting it/,
    ],
    [
      'a bare 403 to Active Immune Core, whose socket carried no credentials: not a role, retried',
      closed(1006, { ...noCredentials(ActiveImmuneCore), httpStatus: 403 }),
      again,
      'reconnect',
      'connection',
      /HTTP 403 with no body: the app closed the socket before accepting it/,
    ],
    [
      'a 403 page to Takhin without a key: not "valid credentials without the role"',
      closed(1006, { ...noCredentials(Takhin), httpStatus: 403, httpText: 'Forbidden' }),
      undefined,
      'auth',
      'connection',
      /HTTP 403 \(no credentials were sent: a proxy in front of it\?\): Forbidden$/,
    ],
    [
      'upgrade 503',
      helios(1006, { opened: false, httpStatus: 503 }),
      undefined,
      'reconnect',
      'connection',
      /503/,
    ],
    [
      'upgrade 503 says what its body said',
      closed(1006, { opened: false, httpStatus: 503, httpText: 'too many connections' }),
      undefined,
      'reconnect',
      'connection',
      /^upgrade refused: HTTP 503: too many connections$/,
    ],
    [
      'upgrade 401 on Helios with a body, again: fatal, the body kept',
      helios(1006, { opened: false, httpStatus: 401, httpText: 'token expired' }),
      again,
      'fatal',
      'auth',
      /401 unauthorized \(credentials missing or refused\): token expired$/,
    ],
    [
      'ECONNREFUSED is named',
      closed(1006, {
        opened: false,
        ...refused('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      }),
      undefined,
      'reconnect',
      'connection',
      /ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9/,
    ],
    [
      'a close that is no error still reports a transport error',
      closed(
        1000,
        refused('WS_ERR_INVALID_UTF8', 'Invalid WebSocket frame: invalid UTF-8 sequence'),
      ),
      undefined,
      'reconnect',
      'connection',
      /WS_ERR_INVALID_UTF8/,
    ],
    [
      'connect timeout',
      { kind: 'connect-timeout', timeoutMs: 3000 },
      undefined,
      'reconnect',
      'connection',
      /no open within 3000 ms/,
    ],
    [
      'token provider hung',
      { kind: 'token-timeout', timeoutMs: 3000 },
      undefined,
      'reconnect',
      'timeout',
      /did not answer within 3000 ms/,
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
      { kind: 'token-failed', message: 'no', status: 401 },
      again,
      'fatal',
      'auth',
      /token provider/,
    ],
    [
      'token provider not allowed (403)',
      { kind: 'token-failed', message: 'no', status: 403 },
      undefined,
      'fatal',
      'auth',
      /token provider/,
    ],
  ])('%s', (_, event, history, action, error, reason) => {
    const rule = closeRule(event, history);
    expect(rule.action).toBe(action);
    expect(rule.error).toBe(error);
    expect(rule.reason).toMatch(reason);
    if (action === 'fatal') expect(rule.advice).toMatch(/new client/);
  });
});
