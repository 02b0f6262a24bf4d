import fc from 'fast-check';

/**
 * Bad input for the fuzz test (core/fuzz.test.ts), generated from the OpenAPI document the app
 * itself serves: path parameters, query strings and bodies that are wrong in every way a client,
 * a scanner or a broken proxy could make them.
 */

/** The part of a JSON Schema the generators look at. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path, e.g. /api/records/{id} */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body: Schema | null;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
}

/** Every operation of the document. */
export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApi).paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** A request as sent: the URL already encoded, the body as bytes with its content type. */
export interface BadRequest {
  url: string;
  body: { contentType: string; payload: Buffer } | null;
  /** what was generated, for the failure report */
  shown: string;
}

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD instead of throwing). */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

const huge = fc.constantFrom('x'.repeat(5000), '中'.repeat(3000), '9'.repeat(400));
const nul = fc.constantFrom('a\u0000b', '\u0000', '\u0000'.repeat(50));
const numberish = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '1e308',
    '-1e308',
    '1e999',
    'NaN',
    'Infinity',
    '9007199254740993',
    '0x1f',
    '1.5',
    '',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A path parameter: encoded, or (for a few already URL-shaped nasties) sent raw. */
const pathValue = fc.oneof(
  fc.uuid().map(encode),
  fc.stringMatching(/^[0-9a-fA-Z]{8}-[0-9a-f]{4}-[0-9a-z]{4}-[0-9g]{4}-[0-9a-f]{11,13}$/).map(encode),
  text.map(encode),
  huge.map(encode),
  nul.map(encode),
  numberish.map(encode),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2e%2e', '__proto__', 'constructor', '%00', '%C0%AF', '%FF'),
);

const queryValue = fc.oneof(
  text,
  numberish,
  huge,
  nul,
  fc.constantFrom('true', 'null', '[]', '{}', '__proto__'),
);

/** Query pairs: declared keys with wrong values (repeated keys make arrays), plus unknown keys. */
function queryOf(op: Operation) {
  const declared = op.queryParams.map((q) => q.name);
  const key = declared.length > 0 ? fc.oneof(fc.constantFrom(...declared), fc.string()) : fc.string();
  return fc.array(fc.tuple(key, queryValue), { maxLength: 6 });
}

/** A value meant to fit the schema (its enums, a string for a string…), often at its edges. */
function fitting(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => fitting(s, depth)));
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth > 3) return fc.constant(null);
  switch (type) {
    case 'string':
      return fc.oneof(text, huge, nul, fc.uuid(), fc.constantFrom('2025-01-01', '2025-13-45', '0000-00-00'));
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53, 1e308, -1e308));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? fitting(schema.items, depth + 1) : fc.jsonValue(), { maxLength: 4 });
    case 'object':
      return objectOf(schema, depth + 1);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The schema's object with each property either fitting or of a wrong type, some left out. */
function objectOf(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, s] of props) record[name] = fc.oneof(fitting(s, depth), fc.jsonValue({ maxDepth: 2 }));
  return fc.record(record, { requiredKeys: [] });
}

/** JSON text nested `depth` levels deep, as arrays or as objects. */
export const deepJson = (depth: number, asObject = false) =>
  asObject ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;

const json = (text: string) => ({ contentType: 'application/json', payload: Buffer.from(text) });

/** Multipart bodies that are wrong: no boundary, cut, garbage, too many parts. */
const multipartGarbage = fc.oneof(
  fc.constant({ contentType: 'multipart/form-data', payload: Buffer.from('--x\r\n\r\n') }),
  fc
    .uint8Array({ maxLength: 3000 })
    .map((b) => ({ contentType: 'multipart/form-data; boundary=fz', payload: Buffer.from(b) })),
  fc.integer({ min: 0, max: 120 }).map((cut) => {
    const whole = `--fz\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nrealname\r\n--fz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--fz--\r\n`;
    return { contentType: 'multipart/form-data; boundary=fz', payload: Buffer.from(whole.slice(0, cut)) };
  }),
  fc.integer({ min: 6, max: 60 }).map((n) => ({
    contentType: 'multipart/form-data; boundary=fz',
    payload: Buffer.from(
      `${Array.from({ length: n }, (_, i) => `--fz\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join('')}--fz--\r\n`,
    ),
  })),
);

/** A bad body for the operation: JSON of the wrong shape, deep, broken, or multipart garbage. */
function bodyOf(op: Operation) {
  // an operation without a JSON body is an upload or a bare action: mostly multipart garbage
  if (op.body === null && op.method === 'POST') {
    return fc.oneof(
      { arbitrary: multipartGarbage, weight: 3 },
      { arbitrary: fc.jsonValue().map((v) => json(JSON.stringify(v) ?? 'null')), weight: 1 },
      { arbitrary: fc.integer({ min: 65, max: 5000 }).map((d) => json(deepJson(d))), weight: 1 },
    );
  }
  return fc.oneof(
    fc.jsonValue().map((v) => json(JSON.stringify(v) ?? 'null')),
    objectOf(op.body ?? {}).map((v) => json(JSON.stringify(v))),
    fc.tuple(fc.integer({ min: 65, max: 5000 }), fc.boolean()).map(([d, o]) => json(deepJson(d, o))),
    fc.string().map((s) => json(s)),
    fc
      .constantFrom('{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '', '{', '"\\ud800"')
      .map(json),
    multipartGarbage,
  );
}

/** Bad requests for one operation. */
export function badRequests(op: Operation): fc.Arbitrary<BadRequest> {
  const params = fc.tuple(...op.pathParams.map(() => pathValue));
  const body = op.method === 'GET' ? fc.constant(null) : fc.option(bodyOf(op), { freq: 8 });
  return fc
    .tuple(op.pathParams.length > 0 ? params : fc.constant([] as string[]), queryOf(op), body)
    .map(([values, query, b]) => {
      let url = op.path;
      op.pathParams.forEach((name, i) => {
        url = url.replace(`{${name}}`, values[i]);
      });
      if (query.length > 0) url += `?${query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
      const bodyText = b ? b.payload.toString('utf8', 0, 300) : '';
      return { url, body: b, shown: `${url.slice(0, 300)} ${b?.contentType ?? ''} ${bodyText}` };
    });
}
