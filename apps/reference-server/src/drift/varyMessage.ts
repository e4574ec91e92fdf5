import type { Random } from '../Random';
import type { DriftKind } from './DriftOptions';
import { acceptsNull, acceptsUndefined, childSchema, type Schema } from './Schema';
import { isIsoTimestamp, isoSpellings, isUnixSeconds } from './timestampSpellings';

/** Names real servers add: tracing, versions, shards, free-form metadata. */
export const EXTRA_FIELD_NAMES = [
  'trace_id',
  'region',
  'server_version',
  'shard',
  'meta',
  'sequence',
  'labels',
] as const;

type Json = Record<string, unknown> | unknown[];

export interface VaryContext {
  readonly random: Random;
  /** Chance of each variation. */
  readonly rate: number;
  count(kind: DriftKind): void;
  /** Integers the schema wants whole, to be spelled `N.0` on the wire. */
  readonly spellAsFloat: [Json, string | number][];
}

/**
 * Varies a fresh JSON value in place, as a real deployment would, checking
 * every change against the schema of the object it touched: a change that
 * object's schema refuses is undone, so nothing the schema requires is ever
 * removed or misspelt.
 */
export function varyMessage(value: unknown, schema: Schema, ctx: VaryContext): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) varyEntry(value, i, schema, ctx);
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!dropOptional(value, key, schema, ctx)) varyEntry(value, key, schema, ctx);
  }
  if (ctx.random.chance(ctx.rate)) addField(value, schema, ctx);
}

function varyEntry(parent: Json, key: string | number, schema: Schema, ctx: VaryContext): void {
  const child = childSchema(schema, parent, key);
  if (child === undefined) return;
  const value = (parent as Record<string | number, unknown>)[key];
  if (typeof value === 'object' && value !== null) varyMessage(value, child, ctx);
  else if (typeof value === 'number') varyNumber(parent, key, value, child, ctx);
  else if (typeof value === 'string') varyString(parent, key, value, child, ctx);
}

/** Leaves out or nulls an optional field; true when it did. */
function dropOptional(
  parent: Record<string, unknown>,
  key: string,
  schema: Schema,
  ctx: VaryContext,
): boolean {
  if (!ctx.random.chance(ctx.rate / 2)) return false;
  const child = childSchema(schema, parent, key);
  if (child === undefined) return false;
  const before = parent[key];
  if (before === null) return false;
  if (acceptsNull(child) && ctx.random.chance(0.5)) {
    parent[key] = null;
    if (!keep(parent, schema, () => (parent[key] = before))) return false;
    ctx.count('nullFields');
    return true;
  }
  if (!acceptsUndefined(child)) return false;
  delete parent[key];
  if (keep(parent, schema, () => (parent[key] = before))) {
    ctx.count('missingFields');
    return true;
  }
  return false;
}

function addField(parent: Record<string, unknown>, schema: Schema, ctx: VaryContext): void {
  const name = ctx.random.pick(EXTRA_FIELD_NAMES);
  if (Object.hasOwn(parent, name)) return;
  parent[name] = extraValue(ctx.random);
  if (keep(parent, schema, () => delete parent[name])) ctx.count('extraFields');
}

function extraValue(random: Random): unknown {
  switch (random.int(0, 4)) {
    case 0:
      return random.hex(16);
    case 1:
      return random.int(0, 1_000_000);
    case 2:
      return { source: 'drift', tags: [random.hex(4)], nested: { level: 2 } };
    case 3:
      return null;
    default:
      return [random.int(0, 9), random.hex(4)];
  }
}

function varyNumber(
  parent: Json,
  key: string | number,
  value: number,
  schema: Schema,
  ctx: VaryContext,
): void {
  if (!Number.isInteger(value) || !ctx.random.chance(ctx.rate)) return;
  const timestamp = isUnixSeconds(key, value);
  // Float unix seconds carry milliseconds; other floats a small fraction.
  const candidate = timestamp ? value + ctx.random.int(1, 999) / 1000 : value + 0.25;
  if (schema.safeParse(candidate).success) {
    (parent as Record<string | number, unknown>)[key] = candidate;
    ctx.count(timestamp ? 'timestamps' : 'floats');
  } else {
    ctx.spellAsFloat.push([parent, key]);
    ctx.count('floatSpellings');
  }
}

function varyString(
  parent: Json,
  key: string | number,
  value: string,
  schema: Schema,
  ctx: VaryContext,
): void {
  if (!isIsoTimestamp(value) || !ctx.random.chance(ctx.rate)) return;
  const spellings = isoSpellings(value).filter((s) => schema.safeParse(s).success);
  if (spellings.length === 0) return;
  (parent as Record<string | number, unknown>)[key] = ctx.random.pick(spellings);
  ctx.count('timestamps');
}

/** Keeps a change the parent's schema accepts; otherwise undoes it. */
function keep(parent: unknown, schema: Schema, undo: () => unknown): boolean {
  if (schema.safeParse(parent).success) return true;
  undo();
  return false;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
