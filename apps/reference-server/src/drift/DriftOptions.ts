/** How much a drifting server varies what it sends (see `ReferenceServerOptions.drift`). */
export interface DriftOptions {
  /**
   * Chance that each variation point of a message is varied: one field
   * added to an object, one optional field dropped or nulled, one number
   * or timestamp spelled differently.
   * @default 0.2
   */
  readonly rate?: number;
  /** Chance that a message of an unknown type is sent next to each message. @default 0.1 */
  readonly unknownTypeRate?: number;
  /** Seed of the drift's own PRNG, so a run can be reproduced. @default the server's `seed` */
  readonly seed?: number;
}

/** What a drifting server has varied so far (counts of variations, not of frames). */
export interface DriftStats {
  /** Frames sent, drifted or not. */
  readonly frames: number;
  /** Fields added to an object. */
  readonly extraFields: number;
  /** Optional fields left out. */
  readonly missingFields: number;
  /** Optional fields sent as `null`. */
  readonly nullFields: number;
  /** Integers sent with a fractional part. */
  readonly floats: number;
  /** Integers spelled `5.0` on the wire. */
  readonly floatSpellings: number;
  /** Timestamps spelled another way (offset, more fraction digits, float unix seconds). */
  readonly timestamps: number;
  /** Frames of an unknown message type interleaved. */
  readonly unknownTypes: number;
}

export type DriftKind = Exclude<keyof DriftStats, 'frames'>;
