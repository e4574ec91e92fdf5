import { Helios } from '@feedkit/protocol';
import type { CloseAction, CloseContext, CloseEvent, CloseHistory } from '../../src/closeRule';

/** What the close-rule tests build their events from. */
export const node = { opened: true, seesUpgradeStatus: true };
// Credential close codes and the role come from each system's adapter.
export const heliosAuth = Helios.adapter.auth;

/** A socket close with `code` in Node (it sees upgrade statuses), plus `extra`. */
export const closed = (code: number, extra: Partial<CloseContext> = {}): CloseContext => ({
  ...node,
  code,
  ...extra,
});
/** The same on a Helios socket (credentials required). */
export const helios = (code: number, extra: Partial<CloseContext> = {}) =>
  closed(code, { auth: heliosAuth, ...extra });
/** Deno and browsers: no upgrade status, the socket never opened. */
export const deno = { opened: false, seesUpgradeStatus: false };
export const refused = (code: string, message: string) => ({
  transportError: { code, message },
});
/** The history after one refusal of credentials. */
export const again = { authFailures: 1 };

/** name, event, history, expected action, expected error code, expected reason. */
export type Row = [
  string,
  CloseEvent,
  CloseHistory | undefined,
  CloseAction,
  string | undefined,
  RegExp,
];
