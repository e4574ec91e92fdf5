import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Paths of fields in `value` that `schema` does not name (`data.region`,
 * `backends[].zone`). The adapters keep such fields (tolerant reader); this
 * tells a deployment's owner where their server says more than the document.
 */
export function unknownFields(schema: z.ZodType, value: unknown, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
      const shape = def.shape ?? {};
      return Object.entries(value).flatMap(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        const field = shape[key];
        return field === undefined ? [at] : unknownFields(field, child, at);
      });
    }
    case 'array':
      return Array.isArray(value) && def.element
        ? [
            ...new Set(
              value.flatMap((item) => unknownFields(def.element as z.ZodType, item, `${path}[]`)),
            ),
          ]
        : [];
    case 'record':
      return typeof value === 'object' && value !== null && def.valueType
        ? [
            ...new Set(
              Object.values(value).flatMap((child) =>
                unknownFields(def.valueType as z.ZodType, child, `${path}{}`),
              ),
            ),
          ]
        : [];
    case 'union': {
      const match = def.options?.find((option) => option.safeParse(value).success);
      return match ? unknownFields(match, value, path) : [];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return value === undefined || value === null
        ? []
        : unknownFields(def.innerType as z.ZodType, value, path);
    case 'pipe':
      return unknownFields(def.in as z.ZodType, value, path);
    case 'lazy':
      return def.getter ? unknownFields(def.getter(), value, path) : [];
    default:
      return [];
  }
}
