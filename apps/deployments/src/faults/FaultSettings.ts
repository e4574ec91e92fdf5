/**
 * The faults a `FaultProxy` applies to every byte it forwards, read at each
 * chunk: change a field and the next chunk sees it, on every connection.
 */
export interface FaultSettings {
  /** Added one-way delay of every chunk, both directions (order kept). @default 0 */
  latencyMs: number;
  /** Every chunk is written as 1-byte segments, each flushed before the next. @default false */
  oneByteSegments: boolean;
  /** Client -> server bytes are dropped (the server hears nothing, the client's TCP is still acknowledged). @default false */
  blackHoleToServer: boolean;
  /** Server -> client bytes are dropped. @default false */
  blackHoleToClient: boolean;
}

export function noFaults(): FaultSettings {
  return {
    latencyMs: 0,
    oneByteSegments: false,
    blackHoleToServer: false,
    blackHoleToClient: false,
  };
}
