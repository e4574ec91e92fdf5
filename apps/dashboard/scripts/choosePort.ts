/** A port the demo listens on, as the user set it (or not). */
export interface PortSetting {
  /** The environment variable that sets it: `PORT`, `DASHBOARD_PORT`. */
  readonly variable: string;
  /** The variable's value, `undefined` when unset. */
  readonly value: string | undefined;
  /** The port used when the variable is unset. */
  readonly fallback: number;
}

export type PortChoice =
  | { readonly kind: 'use'; readonly port: number; readonly note?: string }
  | { readonly kind: 'refuse'; readonly message: string };

/**
 * Which port to listen on, decided before anything starts. A port the user
 * chose and cannot have is refused with a one-line hint naming the variable;
 * a busy default gives way to a free port (0: the system picks) with a note.
 */
export async function choosePort(
  setting: PortSetting,
  isFree: (port: number) => Promise<boolean>,
): Promise<PortChoice> {
  const { variable, value, fallback } = setting;
  if (value !== undefined && value !== '') {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      return { kind: 'refuse', message: `${variable}=${value} is not a port number (0-65535).` };
    }
    if (port !== 0 && !(await isFree(port))) {
      return {
        kind: 'refuse',
        message: `port ${port} (${variable}) is in use by another program: stop it, or choose another port, e.g. ${variable}=${port + 1} pnpm demo`,
      };
    }
    return { kind: 'use', port };
  }
  if (await isFree(fallback)) return { kind: 'use', port: fallback };
  return {
    kind: 'use',
    port: 0,
    note: `port ${fallback} is in use, so a free port is used instead (set ${variable} to choose one)`,
  };
}
