// A fake of GitHub's REST API for check runs, on loopback: every request's path, query and body is
// checked against GitHub's published OpenAPI description (openapi.ts), and so is every answer it
// gives. A request GitHub would not take is answered 422, as GitHub answers, and recorded in
// `violations`, which useSimulator() fails the test on. It keeps the check runs it was given, so a
// test reads what a pull request would show.

import type { IncomingMessage } from 'node:http'
import { findOperation, requestViolations, responseViolations } from './openapi.ts'
import { rememberSecret } from './secrets.ts'
import { type RecordedRequest, type Reply, SimulatedService } from './service.ts'

export interface GitHubOptions {
  token: string
  /** `owner/repo` */
  repository: string
  /** `read`: the token may not write checks (a fork's pull request, or no `checks: write`). */
  checks?: 'write' | 'read'
}

export interface CheckRun {
  id: number
  node_id: string
  head_sha: string
  external_id: string | null
  url: string
  html_url: string | null
  details_url: string | null
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number; annotations_url: string }
  name: string
  check_suite: { id: number } | null
  app: null
  pull_requests: never[]
}

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: string
  message: string
  title?: string
}

/** One request as GitHub received it. */
export interface GitHubRequest {
  operationId: string
  method: string
  path: string
  query: URLSearchParams
  body: Record<string, unknown> | undefined
}

const DOCS = 'https://docs.github.com/rest/checks/runs'

export class GitHubSimulator extends SimulatedService {
  readonly checkRuns: CheckRun[] = []
  readonly annotations = new Map<number, Annotation[]>()
  /** Requests (and answers) that GitHub's OpenAPI description does not allow. */
  readonly violations: string[] = []
  /** Every request that reached the API (past faults and authentication), in order. */
  readonly calls: GitHubRequest[] = []
  private readonly options: GitHubOptions
  private nextId = 4_000_000_001

  private constructor(options: GitHubOptions) {
    super(undefined)
    this.options = options
    rememberSecret(options.token)
  }

  static async start(options: GitHubOptions): Promise<GitHubSimulator> {
    const sim = new GitHubSimulator(options)
    await sim.listen()
    return sim
  }

  /** The check runs of a commit, oldest first. */
  checkRunsOf(sha: string): CheckRun[] {
    return this.checkRuns.filter((c) => c.head_sha === sha)
  }

  protected errorBody(code: string, message: string): object {
    return { message: `${message} (${code})`, documentation_url: DOCS }
  }

  protected route(req: IncomingMessage, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    const method = req.method ?? 'GET'
    if (req.headers['authorization'] !== `token ${this.options.token}`) {
      record.refused = true
      return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
    }
    const op = findOperation(method, url.pathname)
    if (op === undefined) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's API`)
      return reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    }
    const text = body.toString('utf8')
    const problems = requestViolations(op, url.searchParams, text)
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `${op.operationId}: ${p}`))
      return reply(422, { message: 'Invalid request.', errors: problems, documentation_url: DOCS })
    }
    const parsed = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>)
    this.calls.push({ operationId: op.operationId, method, path: url.pathname, query: url.searchParams, body: parsed })
    if (`${op.pathParams['owner']}/${op.pathParams['repo']}` !== this.options.repository) {
      return reply(404, { message: 'Not Found', documentation_url: DOCS })
    }
    if (method !== 'GET' && this.options.checks === 'read') {
      return reply(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
    }
    // Answers are checked too: the fake must speak GitHub's shapes, or a test would prove nothing.
    const answer: Reply = (status, payload, headers) => {
      if (status < 300) this.violations.push(...responseViolations(op, status, payload).map((p) => `${op.operationId}: ${p}`))
      reply(status, payload, headers)
    }
    switch (op.operationId) {
      case 'checks/create':
        return answer(201, this.create(parsed!))
      case 'checks/update': {
        const run = this.checkRuns.find((c) => c.id === Number(op.pathParams['check_run_id']))
        if (!run) return reply(404, { message: 'Not Found', documentation_url: DOCS })
        return answer(200, this.update(run, parsed!))
      }
      case 'checks/list-for-ref': {
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const name = url.searchParams.get('check_name')
        const all = this.checkRunsOf(op.pathParams['ref']!).filter((c) => name === null || c.name === name)
        return answer(200, { total_count: all.length, check_runs: all.slice((page - 1) * perPage, page * perPage) })
      }
      default:
        this.violations.push(`${op.operationId}: not expected from the action`)
        return reply(404, { message: 'Not Found', documentation_url: DOCS })
    }
  }

  private create(body: Record<string, unknown>): CheckRun {
    const id = this.nextId++
    const api = `${this.url}/repos/${this.options.repository}/check-runs/${id}`
    const run: CheckRun = {
      id,
      node_id: `CR_${id}`,
      head_sha: String(body['head_sha']),
      external_id: null,
      url: api,
      html_url: `https://github.com/${this.options.repository}/runs/${id}`,
      details_url: null,
      status: 'queued',
      conclusion: null,
      started_at: null,
      completed_at: null,
      output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${api}/annotations` },
      name: '',
      check_suite: { id: 9_000_001 },
      app: null,
      pull_requests: []
    }
    this.checkRuns.push(run)
    return this.update(run, body)
  }

  /** What GitHub does with a create or update body: fields replace, annotations add up, a conclusion completes. */
  private update(run: CheckRun, body: Record<string, unknown>): CheckRun {
    for (const key of ['name', 'details_url', 'external_id', 'status', 'started_at', 'completed_at', 'conclusion'] as const) {
      if (typeof body[key] === 'string') (run as unknown as Record<string, unknown>)[key] = body[key]
    }
    if (body['conclusion'] !== undefined) {
      run.status = 'completed'
      run.completed_at ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    }
    const output = body['output'] as Record<string, unknown> | undefined
    if (output) {
      run.output.title = String(output['title'])
      run.output.summary = String(output['summary'])
      if (typeof output['text'] === 'string') run.output.text = output['text']
      const added = (output['annotations'] as Annotation[] | undefined) ?? []
      this.annotations.set(run.id, [...(this.annotations.get(run.id) ?? []), ...added])
      run.output.annotations_count = this.annotations.get(run.id)!.length
    }
    return structuredClone(run)
  }
}
