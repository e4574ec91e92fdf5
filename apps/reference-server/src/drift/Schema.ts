/**
 * Reading the protocol's zod schemas at runtime, so drift follows whatever
 * the protocol tolerates: a field is optional when its schema accepts
 * `undefined`, nullable when it accepts `null`, and any variation is kept
 * only if the schema still accepts the value. Zod 4 keeps a schema's
 * structure in `_zod.def`; only the parts needed to find a child's schema
 * are read, and anything else is treated as opaque (never varied inside).
 */
export interface Schema {
  safeParse(value: unknown): { readonly success: boolean };
}

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly getter?: () => Schema;
}

const defOf = (schema: Schema): Def | undefined =>
  (schema as { readonly _zod?: { readonly def?: Def } })._zod?.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

/** The schema that describes `value` itself: wrappers, pipes and lazies unwrapped, the matching union member. */
export function resolve(schema: Schema, value: unknown): Schema {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    if (def === undefined) return current;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else if (def.type === 'union' && def.options) {
      const match = def.options.find((option) => option.safeParse(value).success);
      if (match === undefined) return current;
      current = match;
    } else return current;
  }
  return current;
}

/** The schema of `parent[key]`, or undefined where the structure is not known. */
export function childSchema(
  parentSchema: Schema,
  parent: unknown,
  key: string | number,
): Schema | undefined {
  const def = defOf(resolve(parentSchema, parent));
  if (def === undefined) return undefined;
  switch (def.type) {
    case 'object': {
      const own = def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      if (own !== undefined) return own;
      return def.catchall && defOf(def.catchall)?.type !== 'never' ? def.catchall : undefined;
    }
    case 'record':
      return def.valueType;
    case 'array':
      return def.element;
    default:
      return undefined;
  }
}

export const acceptsUndefined = (schema: Schema) => schema.safeParse(undefined).success;
export const acceptsNull = (schema: Schema) => schema.safeParse(null).success;
