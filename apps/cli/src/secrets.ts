import { readFileSync } from 'node:fs';

/** Where the CLI looks for secrets besides its flags: the environment and files. */
export interface SecretSources {
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default readFileSync(path, 'utf8') */
  readonly readFile?: (path: string) => string;
}

/** One secret: its flag, its `--…-file` flag and its environment variable. */
export interface SecretSpec {
  readonly flag: 'token' | 'password' | 'api-key';
  readonly env: string;
}

export const secretSpecs = {
  token: { flag: 'token', env: 'FEEDKIT_TOKEN' },
  password: { flag: 'password', env: 'FEEDKIT_PASSWORD' },
  apiKey: { flag: 'api-key', env: 'FEEDKIT_API_KEY' },
} as const satisfies Record<string, SecretSpec>;

export type SecretResult =
  | { readonly value: string | undefined; readonly warning?: string }
  | { readonly error: string };

/**
 * A secret from `--<flag>-file`, the environment, or `--<flag>` (in that
 * order of preference). A value on the command line works but earns a
 * warning: `ps`, shell history and pnpm's echo of the script all show it.
 */
export function readSecret(
  spec: SecretSpec,
  values: Readonly<Record<string, unknown>>,
  sources: SecretSources = {},
): SecretResult {
  const file = values[`${spec.flag}-file`];
  const inline = values[spec.flag];
  if (typeof file === 'string') {
    try {
      const value = (sources.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(file).trim();
      if (value === '') return { error: `--${spec.flag}-file ${file} is empty` };
      return { value };
    } catch (error) {
      return {
        error: `cannot read --${spec.flag}-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      };
    }
  }
  const fromEnv = (sources.env ?? process.env)[spec.env];
  if (typeof inline === 'string') {
    return {
      value: inline,
      warning: `--${spec.flag} on the command line is visible to ps and shell history; prefer ${spec.env} or --${spec.flag}-file`,
    };
  }
  return { value: fromEnv === '' ? undefined : fromEnv };
}

/** Replaces every secret in `text` with `***`: nothing the CLI prints may carry one. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}
