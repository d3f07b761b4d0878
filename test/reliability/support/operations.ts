import type { JsonSchema } from './sample.ts';

// The operations of the server's own OpenAPI document (GET /openapi.json), flattened for the
// suites that sweep every route.

export type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema: JsonSchema; required: boolean };

export type Operation = {
  method: string;
  /** As the document writes it: /v1/people/{personId}. */
  path: string;
  tags: string[];
  params: Parameter[];
  /** The JSON request body's schema, when the operation documents one. */
  body: JsonSchema | undefined;
  bodyRequired: boolean;
  /** Listed as not served yet: answers 501. */
  notServed: boolean;
  /** Takes multipart/form-data (said in its description: the document does not model uploads). */
  multipart: boolean;
};

export const NOT_SERVED_TAG = 'Not served yet';

export function operationsOf(doc: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, JsonSchema> } }): Operation[] {
  const operations: Operation[] = [];
  // Bodies are named component schemas in the document: { $ref: '#/components/schemas/X' }.
  const resolve = (schema: any): JsonSchema | undefined =>
    typeof schema?.$ref === 'string' ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : schema;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const json = op.requestBody?.content?.['application/json'];
      operations.push({
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        params: ((op.parameters ?? []) as any[]).map((p) => ({ in: p.in, name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: resolve(json?.schema),
        bodyRequired: op.requestBody?.required === true,
        notServed: (op.tags ?? []).includes(NOT_SERVED_TAG),
        multipart: /multipart\/form-data/.test(op.description ?? ''),
      });
    }
  }
  return operations;
}

/** The concrete path with these parameter values (URL-encoded unless raw). */
export function fillPath(path: string, values: Record<string, string>, raw: ReadonlySet<string> = new Set()): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${path}`);
    return raw.has(name) ? value : encodeURIComponent(value);
  });
}

export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
