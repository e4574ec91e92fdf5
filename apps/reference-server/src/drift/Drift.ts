import type { DecodeResult } from '@feedkit/protocol';
import { Random } from '../Random';
import type { DriftKind, DriftOptions, DriftStats } from './DriftOptions';
import type { Schema } from './Schema';
import { type VaryContext, varyMessage } from './varyMessage';

/** What drift needs to know about a system. */
export interface DriftTarget {
  /** The field that names a message's type (`type`, or Active Immune Core's `event_type`). */
  readonly typeField: string;
  /** The protocol's schema of a message the server is about to send. */
  schemaOf(message: unknown): Schema | undefined;
  /** The protocol adapter's decoder: a drifted frame must still decode. */
  decode(frame: string): DecodeResult<unknown>;
}

/** Type names a newer or customised deployment might add. */
const UNKNOWN_TYPES = ['notice', 'server_info', 'maintenance', 'debug_trace', 'rebalance'];
const FLOAT_MARK = '\u0000float:';
const FLOAT_PLACEHOLDER = /"\\u0000float:(-?\d+)"/g;

/**
 * A drifting server's variations: each message is varied field by field
 * (see `varyMessage`), spelled, and sent only if the protocol adapter still
 * decodes it as the same message; otherwise it goes out as the seed shows
 * it. Unknown message types are interleaved. Deterministic for a seed.
 */
export class Drift {
  private readonly random: Random;
  private readonly rate: number;
  private readonly unknownTypeRate: number;
  private readonly counts: Record<keyof DriftStats, number> = {
    frames: 0,
    extraFields: 0,
    missingFields: 0,
    nullFields: 0,
    floats: 0,
    floatSpellings: 0,
    timestamps: 0,
    unknownTypes: 0,
  };

  constructor(options: DriftOptions, serverSeed: number | undefined) {
    // Its own stream: turning drift on does not change what the simulations do.
    const seed = options.seed ?? serverSeed;
    this.random = new Random(seed === undefined ? undefined : seed ^ 0x5bd1e995);
    this.rate = options.rate ?? 0.2;
    this.unknownTypeRate = options.unknownTypeRate ?? 0.1;
  }

  stats(): DriftStats {
    return Object.freeze({ ...this.counts });
  }

  /** The frames to send for one message: the message (maybe varied) and maybe an unknown type next to it. */
  frames(target: DriftTarget, message: unknown, encoded: string): string[] {
    const text = this.vary(target, message, encoded);
    this.counts.frames++;
    if (!this.random.chance(this.unknownTypeRate)) return [text];
    const unknown = this.unknownFrame(target, text);
    if (unknown === undefined) return [text];
    this.counts.unknownTypes++;
    this.counts.frames++;
    return this.random.chance(0.5) ? [unknown, text] : [text, unknown];
  }

  private vary(target: DriftTarget, message: unknown, encoded: string): string {
    const schema = target.schemaOf(message);
    if (schema === undefined) return encoded;
    const value: unknown = JSON.parse(encoded);
    const tally: Partial<Record<DriftKind, number>> = {};
    const ctx: VaryContext = {
      random: this.random,
      rate: this.rate,
      count: (kind) => (tally[kind] = (tally[kind] ?? 0) + 1),
      spellAsFloat: [],
    };
    varyMessage(value, schema, ctx);
    for (const [parent, key] of ctx.spellAsFloat) {
      const record = parent as Record<string | number, unknown>;
      record[key] = `${FLOAT_MARK}${record[key]}`;
    }
    const text = JSON.stringify(value).replace(FLOAT_PLACEHOLDER, '$1.0');
    // A schema refinement across fields can refuse what each field allowed: send the seed's form.
    if (target.decode(text).kind !== 'message') return encoded;
    for (const [kind, n] of Object.entries(tally)) this.counts[kind as DriftKind] += n;
    return text;
  }

  private unknownFrame(target: DriftTarget, text: string): string | undefined {
    const value = JSON.parse(text) as Record<string, unknown>;
    value[target.typeField] = this.random.pick(UNKNOWN_TYPES);
    const frame = JSON.stringify(value);
    return target.decode(frame).kind === 'unknown' ? frame : undefined;
  }
}
