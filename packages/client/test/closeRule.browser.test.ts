import { Takhin } from '@feedkit/protocol';
import { describe, expect, it } from 'vitest';
import { type CloseContext, closeRule } from '../src/closeRule';
import { again, closed, deno, helios, type Row } from './support/closeContexts';

// The rows of a socket that closed before it opened where the runtime hides the
// upgrade's status (browsers, Deno): what the probe learnt, and what it could not.
describe('closeRule in a browser: a refused upgrade whose status the page cannot see', () => {
  it.each<Row>([
    [
      'browser refused before open, auth required',
      helios(1006, { opened: false, seesUpgradeStatus: false }),
      again,
      'refresh',
      'connection',
      /retried \(a token provider is asked again\)/,
    ],
    [
      'browser refused before open, the probe answered but hidden by CORS: says so, never fatal',
      helios(1006, { opened: false, seesUpgradeStatus: false, statusHidden: true }),
      again,
      'refresh',
      'connection',
      /server that is up; its HTTP status is hidden from this page \(no CORS header/,
    ],
    [
      'browser refused before open where a key is optional (Takhin), status hidden by CORS: says so',
      closed(1006, {
        opened: false,
        seesUpgradeStatus: false,
        statusHidden: true,
        auth: Takhin.adapter.auth,
      }),
      undefined,
      'refresh',
      'connection',
      /its HTTP status is hidden from this page/,
    ],
    [
      'browser refused before open where a key is optional and none was sent, status hidden: the page origin',
      closed(1006, {
        opened: false,
        seesUpgradeStatus: false,
        statusHidden: true,
        auth: Takhin.adapter.auth,
        credentialsSent: false,
      }),
      undefined,
      'reconnect',
      'connection',
      /hidden from this page.*no credentials were sent.*the page's origin/,
    ],
    [
      'browser refused before open, no credentials, status hidden by CORS: the page origin is named',
      closed(1006, { opened: false, seesUpgradeStatus: false, statusHidden: true }),
      undefined,
      'reconnect',
      'connection',
      /hidden from this page.*no credentials were sent.*the page's origin/,
    ],
    [
      'browser refused before open, the probe GET answered without refusing credentials: the origin',
      helios(1006, { opened: false, seesUpgradeStatus: false, serverAnswered: 400 }),
      again,
      'reconnect',
      'connection',
      /a plain GET of the socket path is answered.*the page's origin/,
    ],
    [
      "Deno's code 0 before open, auth required: like 1006",
      helios(0, deno),
      again,
      'refresh',
      'connection',
      /retried \(a token provider is asked again\)/,
    ],
    [
      "Deno's 1005 before open, auth required: like 1006",
      helios(1005, deno),
      undefined,
      'refresh',
      'connection',
      /retried \(a token provider is asked again\)/,
    ],
    [
      'code 0 before open, no credentials: refused or unreachable, not "connection lost"',
      closed(0, deno),
      undefined,
      'reconnect',
      'connection',
      /^closed before it opened \(0\): upgrade refused or server unreachable/,
    ],
    [
      "a browser's 1006 before open, no credentials (uvicorn's 403 unseen): refused or unreachable",
      closed(1006, { opened: false, seesUpgradeStatus: false }),
      again,
      'reconnect',
      'connection',
      /^closed before it opened \(1006\): upgrade refused or server unreachable/,
    ],
  ])('%s', (_, event, history, action, error, reason) => {
    const rule = closeRule(event, history);
    expect(rule.action).toBe(action);
    expect(rule.error).toBe(error);
    expect(rule.reason).toMatch(reason);
    if (action === 'fatal') expect(rule.advice).toMatch(/new client/);
  });

  it.each<[string, Partial<CloseContext>]>([
    ['status hidden, no credentials', { statusHidden: true }],
    ['the probe GET answered', { serverAnswered: 400 }],
  ])("a browser refusal blamed on the page's origin says how to allow it (%s)", (_, seen) => {
    const rule = closeRule(closed(1006, { opened: false, seesUpgradeStatus: false, ...seen }));
    expect(rule.advice).toMatch(/CheckOrigin/);
    expect(rule.advice).toMatch(/page's own origin/);
  });
});
