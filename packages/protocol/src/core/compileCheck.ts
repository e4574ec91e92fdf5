import type * as z from 'zod/mini';

/** Is `value` valid for the schema it was compiled from? Never throws. */
export type Check = (value: unknown) => boolean;

/** Just what is read of zod's definitions; zod/mini and zod classic share them. */
interface Def {
  readonly type: string;
  readonly checks?: readonly CheckInstance[];
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly check?: string;
  readonly format?: string;
  readonly pattern?: RegExp;
}
interface Schema {
  readonly _zod: { readonly def: Def; readonly optin?: 'optional' };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface CheckInstance {
  readonly _zod: {
    readonly def: Def & { readonly when?: (payload: Payload) => boolean };
    readonly check: (payload: Payload) => void;
  };
}

/** Thrown inside compilation only: the schema uses something a plain check cannot mirror. */
class Unsupported extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compiles a zod schema into a plain validator closure, without `eval` or
 * `new Function`, so it is as fast under a strict Content-Security-Policy as
 * with zod's JIT. The closure answers exactly what `schema.safeParse(v).success`
 * answers, for schemas whose output is their input: loose or strict objects,
 * no transforms, defaults or stripping. For anything else it returns
 * `undefined` and the caller keeps using zod. zod stays the source of truth:
 * this reads its definitions and runs its own check functions (`.min`,
 * `.refine`, ...) where a field has them.
 */
export function compileCheck(schema: z.core.$ZodType): Check | undefined {
  try {
    return compile(schema as unknown as Schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function compile(schema: Schema): Check {
  const def = schema._zod.def;
  const base = compileType(schema);
  const checks = def.checks ?? [];
  if (checks.length === 0) return base;
  return (v) => base(v) && passes(checks, v);
}

/** Runs zod's own check functions (`.min`, `.regex`, `.refine`, ...) on a value of the right type. */
function passes(checks: readonly CheckInstance[], value: unknown): boolean {
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when !== undefined && !when(payload)) continue;
    check._zod.check(payload);
    if (payload.issues.length > 0) return false;
  }
  return true;
}

function compileType(schema: Schema): Check {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal':
    case 'enum':
      return compileOneOf(def);
    case 'optional': {
      const inner = compile(def.innerType as Schema);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType as Schema);
      return (v) => v === null || inner(v);
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      return (v) => options.some((option) => option(v));
    }
    case 'array': {
      const element = compile(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return false;
        // An index loop, not `every`: a hole (never from JSON) is `undefined` to zod too.
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'record':
      return compileRecord(def);
    case 'object':
      return compileObject(def);
    default:
      throw new Unsupported(def.type);
  }
}

function compileString(def: Def): Check {
  // A string-format schema (`z.iso.datetime()`, `z.email()`) checks its pattern itself.
  if (def.check === 'string_format') {
    const pattern = def.pattern;
    if (!(pattern instanceof RegExp)) throw new Unsupported(`string format ${def.format}`);
    return (v) => typeof v === 'string' && pattern.test(v);
  }
  return (v) => typeof v === 'string';
}

function compileOneOf(def: Def): Check {
  const values = new Set<unknown>(def.values ?? Object.values(def.entries ?? {}));
  return (v) => values.has(v);
}

function compileRecord(def: Def): Check {
  const key = def.keyType?._zod.def;
  // Only string keys without checks: JSON keys are strings, and an enum key makes a record exhaustive.
  if (key?.type !== 'string' || key.checks?.length || key.check)
    throw new Unsupported('record key');
  const value = compile(def.valueType as Schema);
  return (v) => {
    if (!isObject(v)) return false;
    for (const k in v) if (Object.hasOwn(v, k) && !value(v[k])) return false;
    return true;
  };
}

/**
 * How an object field is checked. Leaves are tested inline in the object's
 * loop rather than through a closure each: a call site shared by every
 * field of every schema turns megamorphic, and plain `typeof` tests keep the
 * compiled check near the cost of walking the object.
 */
enum Kind {
  String,
  Number,
  Boolean,
  Literal,
  Pattern,
  Any,
  Nested,
}
interface Field {
  readonly key: string;
  /** The key may be absent (`.optional()`, `.nullish()`). */
  readonly optional: boolean;
  /** `null` is accepted (`.nullable()`, `.nullish()`). */
  readonly nullable: boolean;
  readonly kind: Kind;
  readonly literal?: unknown;
  readonly pattern?: RegExp;
  readonly check: Check;
}

function fieldOf(key: string, schema: Schema): Field {
  const optional = schema._zod.optin === 'optional';
  let inner = schema;
  let nullable = false;
  for (;;) {
    const def = inner._zod.def;
    if (def.checks?.length) break;
    if (def.type === 'optional') inner = def.innerType as Schema;
    else if (def.type === 'nullable') {
      nullable = true;
      inner = def.innerType as Schema;
    } else break;
  }
  const check = compile(schema);
  const def = inner._zod.def;
  const leaf = (kind: Kind, extra: Partial<Field> = {}): Field => ({
    key,
    optional,
    nullable,
    kind,
    check,
    ...extra,
  });
  if (def.checks?.length) return leaf(Kind.Nested);
  if (def.type === 'string' && def.check === 'string_format')
    return leaf(Kind.Pattern, { pattern: def.pattern as RegExp });
  if (def.type === 'string') return leaf(Kind.String);
  if (def.type === 'number') return leaf(Kind.Number);
  if (def.type === 'boolean') return leaf(Kind.Boolean);
  if (def.type === 'unknown' || def.type === 'any') return leaf(Kind.Any);
  if (def.type === 'literal' && def.values?.length === 1)
    return leaf(Kind.Literal, { literal: def.values[0] });
  return leaf(Kind.Nested);
}

function fieldPasses(field: Field, value: unknown): boolean {
  if (value === undefined) return field.optional;
  if (value === null && field.nullable) return true;
  switch (field.kind) {
    case Kind.String:
      return typeof value === 'string';
    case Kind.Number:
      return typeof value === 'number' && Number.isFinite(value);
    case Kind.Boolean:
      return typeof value === 'boolean';
    case Kind.Literal:
      return value === field.literal;
    case Kind.Pattern:
      return typeof value === 'string' && (field.pattern as RegExp).test(value);
    case Kind.Any:
      return true;
    default:
      return field.check(value);
  }
}

function compileObject(def: Def): Check {
  const catchall = def.catchall?._zod.def.type;
  // A stripping object's output differs from its input; only zod can produce it.
  if (catchall !== 'unknown' && catchall !== 'never') throw new Unsupported('strip object');
  const fields = Object.entries(def.shape ?? {}).map(([key, field]) => fieldOf(key, field));
  const strict = catchall === 'never';
  const known = new Set(fields.map((field) => field.key));
  return (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field;
      if (!fieldPasses(field, v[field.key])) return false;
    }
    if (strict) for (const k in v) if (!known.has(k)) return false;
    return true;
  };
}
