import { z } from "zod";

// zod schemas as the JSON Schema 2020-12 that OpenAPI 3.1 uses, with zod v4's own converter. Requests are converted
// as zod reads them (io "input": a field with a default may be left out), answers as the handlers produce them
// (io "output": every field without `.optional()` is there).

export type JsonSchema = Record<string, unknown>;
export type SchemaDirection = "input" | "output";

const COMPONENT_REF = "#/components/schemas/";

export const componentRef = (name: string): JsonSchema => ({ $ref: COMPONENT_REF + name });

/**
 * zod writes the bounds of its safe-integer check on every `.int()` and a regex beside `format: "date-time"`; they
 * add nothing a client can use (JSON numbers past 2^53 are not exact anyway) and bury the real limits, so they go,
 * and `exclusiveMinimum: 0` on an integer reads as `minimum: 1`. Record keys are strings in JSON and any value is
 * the default, so a bare `propertyNames: { type: "string" }` and `additionalProperties: {}` go too.
 */
function tidy({ jsonSchema: schema }: { jsonSchema: JsonSchema }): void {
  if (schema.type === "integer") {
    if (schema.exclusiveMinimum === 0) {
      delete schema.exclusiveMinimum;
      schema.minimum = 1;
    }
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  }
  if (schema.format === "date-time") delete schema.pattern;
  const names = schema.propertyNames as JsonSchema | undefined;
  if (names && Object.keys(names).length === 1 && names.type === "string") delete schema.propertyNames;
  const values = schema.additionalProperties;
  if (typeof values === "object" && values !== null && Object.keys(values).length === 0) delete schema.additionalProperties;
}

const options = (io: SchemaDirection) => ({ io, target: "draft-2020-12" as const, unrepresentable: "throw" as const, override: tidy });

/** Named schemas as OpenAPI components; a schema that uses another of them refers to it by `$ref`. */
export function componentSchemas(named: Record<string, z.ZodType>, io: SchemaDirection): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...options(io), uri: (id) => COMPONENT_REF + id });
  // Each would otherwise carry its own $schema and an $id that is a JSON pointer, which 2020-12 does not allow.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...rest }]) => [id, rest as JsonSchema]));
}

/** One components object from two; a name both define must mean the same schema in both. */
export function mergeComponents(first: Record<string, JsonSchema>, second: Record<string, JsonSchema>): Record<string, JsonSchema> {
  for (const [name, schema] of Object.entries(second)) {
    if (name in first && JSON.stringify(first[name]) !== JSON.stringify(schema)) {
      throw new Error(`The component schema ${name} differs between requests and answers; give them different names.`);
    }
  }
  return { ...first, ...second };
}

/** A schema on its own, inline: a parameter's. */
export function inlineSchema(schema: z.ZodType, io: SchemaDirection): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, options(io)) as JsonSchema;
  return rest;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query";
  required?: true;
  description?: string;
  schema: JsonSchema;
}

/** OpenAPI keeps a parameter's description beside its schema, not in it. */
function parameter(name: string, where: "path" | "query", required: boolean, schema: JsonSchema): ParameterObject {
  const { description, ...rest } = schema;
  return {
    name,
    in: where,
    ...(required ? { required: true as const } : {}),
    ...(typeof description === "string" ? { description } : {}),
    schema: rest,
  };
}

export function pathParameters(params: Record<string, z.ZodType>): ParameterObject[] {
  return Object.entries(params).map(([name, schema]) => parameter(name, "path", true, inlineSchema(schema, "input")));
}

/** Each field of a query object as a query parameter, in the object's order. */
export function queryParameters(query: z.ZodObject): ParameterObject[] {
  const object = inlineSchema(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, schema]) => parameter(name, "query", object.required?.includes(name) ?? false, schema));
}
