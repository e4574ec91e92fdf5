import type { KnownSystem } from '@feedkit/protocol';
import { credentialFlags } from '../parseCommandLine';

/**
 * What to do about a refused upgrade, for the statuses a new user causes:
 * a 401 from a server that wants a key the user did not pass, a 404 from a
 * URL that already holds the feed's path or a server of another system.
 */
export function refusedUpgradeHint(system: KnownSystem, status: number): string {
  if (status === 401) {
    const flags = credentialFlags(system);
    return flags
      ? `: check or pass ${flags}`
      : `: ${system} takes no credentials; a proxy in front of it?`;
  }
  if (status === 404)
    return ": nothing serves that path; give the server's base URL (each feed's path is appended) and check --system";
  return '';
}
