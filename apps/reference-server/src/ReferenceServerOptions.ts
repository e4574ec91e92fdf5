import type { DriftOptions } from './drift/DriftOptions';
import type { SystemOptions } from './systems/createSystems';

/** Everything `startReferenceServer` accepts. Nothing here is read from the environment (`main.ts` does that). */
export interface ReferenceServerOptions extends SystemOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Multiplier for every periodic interval of the seeds (0.01 = a hundred times faster). @default 1 */
  readonly timeScale?: number;
  /** Seed of the simulations' PRNG (and of drift), for reproducible runs. @default random */
  readonly seed?: number;
  /** Run the simulations (elections, new topics, ...). Periodic feeds run either way. @default true */
  readonly simulate?: boolean;
  /** Requests per second on each control/broadcast endpoint before 429. @default 20 */
  readonly rateLimitPerSecond?: number;
  /**
   * Send what real deployments send: extra fields at every level, optional
   * fields missing or null, floats and `5.0` where the seeds show integers,
   * other timestamp spellings, unknown message types interleaved. What may
   * vary is read from the protocol's schemas, so every frame still decodes
   * with the protocol adapters. `true` uses the default rates; deterministic
   * for a given `seed`.
   * @default false
   */
  readonly drift?: boolean | DriftOptions;
  /** Where internal errors go. @default console.error */
  readonly onError?: (error: unknown) => void;
}
