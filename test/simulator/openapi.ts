// GitHub's published OpenAPI description (the npm package @octokit/openapi, pinned in
// package.json), and a validator for the part of OpenAPI 3.0 it uses, so that the fake GitHub API
// (github.ts) accepts only requests GitHub documents and answers only in GitHub's shapes. Stricter
// than JSON Schema in one way, on purpose: an object whose schema lists its properties and says
// nothing of others takes no others, so an unknown or misspelt field fails. A schema keyword the
// validator does not know throws, rather than pass unchecked.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Schema = Record<string, unknown>

export interface Operation {
  operationId: string
  method: string
  template: string
  /** Path parameters by name, from the URL. */
  pathParams: Record<string, string>
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[]
  requestBody?: Schema
  responses: Record<string, Schema | undefined>
}

let spec: { paths: Record<string, Record<string, Schema>>; components: Record<string, Record<string, Schema>> } | undefined

function description(): NonNullable<typeof spec> {
  if (spec === undefined) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json')
    spec = JSON.parse(readFileSync(file, 'utf8'))
  }
  return spec!
}

function resolve(node: Schema): Schema {
  let current = node
  while (typeof current['$ref'] === 'string') {
    const parts = (current['$ref'] as string).replace(/^#\//, '').split('/')
    let target: unknown = description()
    for (const part of parts) target = (target as Record<string, unknown>)[part]
    if (target === undefined) throw new Error(`unresolvable $ref ${current['$ref']}`)
    current = target as Schema
  }
  return current
}

/** The documented operation for a method and path, with its parameters resolved; undefined when GitHub has none. */
export function findOperation(method: string, pathname: string): Operation | undefined {
  const candidates: Operation[] = []
  for (const [template, item] of Object.entries(description().paths)) {
    const op = item[method.toLowerCase()]
    if (op === undefined) continue
    const names: string[] = []
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name)
      return '([^/]+)'
    })
    const match = new RegExp(`^${source}$`).exec(pathname)
    if (!match) continue
    const parameters = [...((item['parameters'] as unknown as Schema[]) ?? []), ...((op['parameters'] as unknown as Schema[]) ?? [])].map(
      (p) => resolve(p) as Operation['parameters'][number]
    )
    const body = op['requestBody'] ? (resolve(op['requestBody'] as Schema)['content'] as Record<string, Schema>) : undefined
    const responses: Record<string, Schema | undefined> = {}
    for (const [status, response] of Object.entries((op['responses'] as Record<string, Schema>) ?? {})) {
      const content = resolve(response)['content'] as Record<string, Schema> | undefined
      responses[status] = content?.['application/json']?.['schema'] as Schema | undefined
    }
    candidates.push({
      operationId: String(op['operationId']),
      method: method.toUpperCase(),
      template,
      pathParams: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])),
      parameters,
      ...(body?.['application/json'] && { requestBody: body['application/json']['schema'] as Schema }),
      responses
    })
  }
  // The most literal template wins: /check-runs/{id} over /{owner}/{repo} forms that would also match.
  return candidates.sort((a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length)[0]
}

/** What is wrong with a request to `op`: its path parameters, query and body. Empty when GitHub would take it. */
export function requestViolations(op: Operation, query: URLSearchParams, body: string): string[] {
  const problems: string[] = []
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    problems.push(...validate(param.schema, coerce(param.schema, op.pathParams[param.name] ?? ''), `path ${param.name}`))
  }
  const declared = op.parameters.filter((p) => p.in === 'query')
  for (const key of new Set(query.keys())) {
    const param = declared.find((p) => p.name === key)
    if (!param) problems.push(`query ${key}: not a parameter of ${op.operationId}`)
    else for (const value of query.getAll(key)) problems.push(...validate(param.schema, coerce(param.schema, value), `query ${key}`))
  }
  for (const param of declared.filter((p) => p.required && !query.has(p.name))) problems.push(`query ${param.name}: required`)
  if (op.requestBody === undefined) {
    if (body !== '') problems.push(`body: ${op.operationId} takes none`)
    return problems
  }
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return [...problems, 'body: not JSON']
  }
  return [...problems, ...validate(op.requestBody, value, 'body')]
}

/** What is wrong with an answer of `status` to `op`. */
export function responseViolations(op: Operation, status: number, value: unknown): string[] {
  const schema = op.responses[String(status)]
  if (schema === undefined) return [`response ${status}: not documented for ${op.operationId}`]
  return validate(schema, value, `response ${status}`)
}

/** A path or query value as the type its schema gives. */
function coerce(schema: Schema, text: string): unknown {
  const type = resolve(schema)['type']
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

// Keywords that say nothing about validity.
const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'default',
  'title',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs'
])
const KNOWN = new Set([
  '$ref',
  'type',
  'nullable',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'maxItems',
  'minItems',
  'maxLength',
  'minLength',
  'minimum',
  'maximum',
  'pattern',
  'format',
  'anyOf',
  'oneOf',
  'allOf'
])

/** The problems of `value` against `schema`, each as `where: what`. */
export function validate(node: Schema, value: unknown, where: string): string[] {
  const schema = resolve(node)
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-'))
      throw new Error(`${where}: schema keyword ${key} is not supported`)
  }
  if (value === null) return schema['nullable'] === true || schema['type'] === undefined ? [] : [`${where}: null is not allowed`]
  const problems: string[] = []
  const type = schema['type'] as string | undefined
  if (type !== undefined && !hasType(value, type)) return [`${where}: expected ${type}, got ${JSON.stringify(value)?.slice(0, 60)}`]
  const enums = schema['enum'] as unknown[] | undefined
  if (enums && !enums.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not one of ${enums.join(', ')}`)
  if (typeof value === 'string') {
    // JSON Schema counts characters (code points), not UTF-16 units.
    const length = [...value].length
    if (typeof schema['maxLength'] === 'number' && length > schema['maxLength']) {
      problems.push(`${where}: ${length} characters, more than ${schema['maxLength']}`)
    }
    if (typeof schema['minLength'] === 'number' && length < schema['minLength'])
      problems.push(`${where}: shorter than ${schema['minLength']}`)
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value))
      problems.push(`${where}: does not match ${schema['pattern']}`)
    if (schema['format'] === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      problems.push(`${where}: ${JSON.stringify(value)} is not a date-time`)
    }
    if (schema['format'] === 'uri' && !URL.canParse(value)) problems.push(`${where}: ${JSON.stringify(value)} is not a URI`)
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) problems.push(`${where}: less than ${schema['minimum']}`)
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) problems.push(`${where}: more than ${schema['maximum']}`)
  }
  if (Array.isArray(value)) {
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) {
      problems.push(`${where}: ${value.length} items, more than ${schema['maxItems']}`)
    }
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems'])
      problems.push(`${where}: fewer than ${schema['minItems']} items`)
    const items = schema['items'] as Schema | undefined
    if (items) for (const [i, item] of value.entries()) problems.push(...validate(items, item, `${where}[${i}]`))
  }
  if (typeof value === 'object' && !Array.isArray(value))
    problems.push(...objectViolations(schema, value as Record<string, unknown>, where))
  const anyOf = schema['anyOf'] as Schema[] | undefined
  if (anyOf && !anyOf.some((branch) => validate(branch, value, where).length === 0)) problems.push(`${where}: matches none of anyOf`)
  const oneOf = schema['oneOf'] as Schema[] | undefined
  if (oneOf && oneOf.filter((branch) => validate(branch, value, where).length === 0).length !== 1) {
    problems.push(`${where}: does not match exactly one of oneOf`)
  }
  for (const branch of (schema['allOf'] as Schema[] | undefined) ?? []) problems.push(...validate(branch, value, where))
  return problems
}

function objectViolations(schema: Schema, value: Record<string, unknown>, where: string): string[] {
  const problems: string[] = []
  const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {}
  for (const name of (schema['required'] as string[] | undefined) ?? []) {
    if (!(name in value)) problems.push(`${where}.${name}: required`)
  }
  const extra = schema['additionalProperties']
  for (const [name, field] of Object.entries(value)) {
    if (name in properties) problems.push(...validate(properties[name]!, field, `${where}.${name}`))
    else if (typeof extra === 'object' && extra !== null) problems.push(...validate(extra as Schema, field, `${where}.${name}`))
    else if (extra === false || (extra === undefined && schema['properties'] !== undefined))
      problems.push(`${where}.${name}: not a documented field`)
  }
  return problems
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      throw new Error(`type ${type} is not supported`)
  }
}
