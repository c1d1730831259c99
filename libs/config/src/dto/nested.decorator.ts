import { plainToInstance, Transform, type ClassConstructor, type TransformFnParams } from 'class-transformer';
import { isRecord } from '../is-record.js';

// These replace class-transformer's @Type for nested DTOs: they read the raw value (`obj[key]`), turn mappings
// into DTO instances and never descend into anything else. Non-mapping list items and map values become null,
// which @ValidateNested reports as "must be a mapping" at the item's own path. Anything else is left as it was
// for the property's own rule to reject.

/** A single nested mapping: `server`, `retry_config`, `header_rules`. */
export function NestedObject<T extends object>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform((params: TransformFnParams) => {
    const raw = rawValue(params);
    return isRecord(raw) ? plainToInstance(cls, raw) : raw;
  });
}

/** A list of mappings: `transformations`. */
export function NestedList<T extends object>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform((params: TransformFnParams) => {
    const raw = rawValue(params);
    return Array.isArray(raw) ? raw.map((item: unknown) => (isRecord(item) ? plainToInstance(cls, item) : null)) : raw;
  });
}

/** A mapping of names to mappings, as a `Map` so class-validator reports each entry under its key: `models`. */
export function NestedMap<T extends object>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform((params: TransformFnParams) => {
    const raw = rawValue(params);
    if (!isRecord(raw)) return raw;
    return new Map(Object.entries(raw).map(([key, item]) => [key, isRecord(item) ? plainToInstance(cls, item) : null]));
  });
}

/** Keeps the raw YAML value (class-transformer would otherwise copy it, dropping `__proto__`/`constructor` keys). */
export function Raw(): PropertyDecorator {
  return Transform(rawValue);
}

function rawValue(params: TransformFnParams): unknown {
  const source: unknown = params.obj;
  return isRecord(source) ? source[params.key] : undefined;
}
