import { Helios } from '@feedkit/protocol';
import { describe, expect, it } from 'vitest';
import { type CloseContext, closeRule } from '../src/closeRule';

// The advice a rule gives, beside its action (closeRule.test.ts holds the table of actions).
const node = { opened: true, seesUpgradeStatus: true };
const heliosAuth = Helios.adapter.auth;

describe('closeRule advice: what the user should do', () => {
  const closed = (code: number, extra: Partial<CloseContext> = {}): CloseContext => ({
    ...node,
    code,
    ...extra,
  });
  const helios = (code: number, extra: Partial<CloseContext> = {}) =>
    closed(code, { auth: heliosAuth, ...extra });
  const refused = (code: string, message: string) => ({ transportError: { code, message } });
  const again = { authFailures: 1 };

  it('a proxy refusing a system without credentials is told to use the headers option', () => {
    const event = closed(1006, { opened: false, httpStatus: 401 });
    expect(closeRule(event).advice).toMatch(/`headers` option/);
    expect(closeRule(event, { authFailures: 1 }).advice).toMatch(/`headers` option.*new client/);
  });

  it('401 and 403 are told apart: a 403 names the role the socket needs', () => {
    const forbidden = closeRule(helios(1006, { opened: false, httpStatus: 403 }));
    expect(forbidden.advice).toMatch(/valid but not allowed.*'admin' role/);
    const refusedTwice = closeRule(helios(1006, { opened: false, httpStatus: 401 }), again);
    expect(refusedTwice.advice).toMatch(/check the API key, token or password/);
    // A fixed token or key is sent again as it was: the advice must not claim a fresh one.
    expect(refusedTwice.advice).not.toMatch(/with a fresh token/);
    expect(refusedTwice.advice).toMatch(/a fixed token or key is sent as it was/);
  });

  it('a certificate error says what to do', () => {
    const rule = closeRule(
      closed(1006, {
        opened: false,
        ...refused('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      }),
    );
    expect(rule.advice).toMatch(/tls: \{ ca \}/);
  });
});
