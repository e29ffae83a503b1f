// The simulator is only as good as its fidelity: its gateway must accept what the official SDK
// signs and refuse anything else, and its pipelines must move as the script says.

import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { type ArrivedRequest, verifySignature } from '../simulator/gateway-auth.ts'
import { type PipelineScript, runDuration, runStateAt } from '../simulator/script.ts'

const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: object, credentials: object): Record<string, string> }
}
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => { withAk(ak: string): { withSk(sk: string): object } }
}

const AK = 'HPUAORACLE'
const SK = 'oracle-secret'
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0)

/** A request as the official SDK would send it, arriving at the gateway. */
function sdkSigned(method: string, path: string, query: Record<string, string>, body?: object): ArrivedRequest {
  const headers = AKSKSigner.sign(
    {
      endpoint: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com${path}`,
      method,
      queryParams: query,
      headers: { 'content-type': 'application/json', 'X-Project-Id': 'p1', 'X-Sdk-Date': '20261122T120000Z' },
      ...(body && { data: body })
    },
    new BasicCredentials().withAk(AK).withSk(SK)
  )
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const search = new URLSearchParams(query).toString()
  return { method, target: `${path}${search ? `?${search}` : ''}`, headers: lower, body: Buffer.from(body ? JSON.stringify(body) : '') }
}

const secretOf = (ak: string) => (ak === AK ? SK : undefined)

describe('simulated gateway signature check', () => {
  const cases: [string, ArrivedRequest][] = [
    [
      'a run POST with a unicode body',
      sdkSigned('POST', '/v5/p/api/pipelines/x/run', {}, { description: '部署 ✓ "quoted"', variables: [{ name: 'A', value: 'b c' }] })
    ],
    ['a detail GET with a query', sdkSigned('GET', '/v5/p/api/pipelines/x/pipeline-runs/detail', { pipeline_run_id: 'abc' })],
    ['a query with reserved characters', sdkSigned('GET', '/v3/projects', { name: 'cn-north-4', 'k*': "a b/c'(d)" })]
  ]

  it.each(cases)('accepts %s signed by the official SDK', (_name, req) => {
    expect(verifySignature(req, secretOf, NOW)).toEqual({ ok: true, accessKey: AK })
  })

  it.each([
    ['a changed body', (r: ArrivedRequest) => ({ ...r, body: Buffer.from('{"description":"other"}') })],
    ['a changed query', (r: ArrivedRequest) => ({ ...r, target: r.target.replace('abc', 'abd') })],
    ['a changed signed header', (r: ArrivedRequest) => ({ ...r, headers: { ...r.headers, 'x-project-id': 'p2' } })],
    ['a changed method', (r: ArrivedRequest) => ({ ...r, method: 'POST' })]
  ])('refuses %s', (_name, tamper) => {
    const verdict = verifySignature(tamper(cases[1]![1]), secretOf, NOW)
    expect(verdict).toMatchObject({ ok: false, reason: 'verify aksk signature fail' })
  })

  it('refuses an unknown key and an old signature', () => {
    const req = cases[1]![1]
    expect(verifySignature(req, () => undefined, NOW)).toMatchObject({ ok: false, reason: 'the access key does not exist' })
    expect(verifySignature(req, secretOf, NOW + 16 * 60_000)).toMatchObject({ ok: false, reason: 'signature expired' })
  })
})

describe('simulated pipeline timeline', () => {
  const script: PipelineScript = {
    name: 'p',
    stages: [
      { name: 'A', jobs: [{ name: 'a', steps: [{ name: 'a1', durationMs: 100 }] }] },
      {
        name: 'B',
        jobs: [
          {
            name: 'fails',
            steps: [
              { name: 'b1', durationMs: 50, fail: 'boom' },
              { name: 'b2', durationMs: 10 }
            ]
          },
          { name: 'slow', steps: [{ name: 'c1', durationMs: 300 }] }
        ]
      },
      { name: 'C', jobs: [{ name: 'c', steps: [{ name: 'c2', durationMs: 10 }] }] }
    ]
  }
  const statuses = (elapsed: number, stoppedAt?: number) => {
    const run = runStateAt(script, elapsed, stoppedAt)
    return [run.status, ...run.stages.map((s) => `${s.script.name}:${s.status}:${s.jobs.map((j) => j.status).join(',')}`)]
  }

  it('runs stages in order and jobs of a stage in parallel', () => {
    expect(statuses(50)).toEqual(['RUNNING', 'A:RUNNING:RUNNING', 'B:INIT:INIT,INIT', 'C:INIT:INIT'])
    expect(statuses(120)).toEqual(['RUNNING', 'A:COMPLETED:COMPLETED', 'B:RUNNING:RUNNING,RUNNING', 'C:INIT:INIT'])
  })

  it('keeps a stage running until its other jobs end, then fails the run and never starts later stages', () => {
    expect(statuses(200)).toEqual(['RUNNING', 'A:COMPLETED:COMPLETED', 'B:RUNNING:FAILED,RUNNING', 'C:INIT:INIT'])
    expect(statuses(450)).toEqual(['FAILED', 'A:COMPLETED:COMPLETED', 'B:FAILED:FAILED,COMPLETED', 'C:INIT:INIT'])
    expect(runStateAt(script, 450).stages[1]!.jobs[0]!.steps.map((s) => s.status)).toEqual(['FAILED', 'INIT'])
    expect(runDuration(script)).toBe(400)
  })

  it('cancels what runs when stopped', () => {
    expect(statuses(1_000, 120)).toEqual(['CANCELED', 'A:COMPLETED:COMPLETED', 'B:CANCELED:CANCELED,CANCELED', 'C:INIT:INIT'])
  })

  it('pauses at a manual gate until approved', () => {
    const gated: PipelineScript = {
      name: 'g',
      stages: [{ name: 'Approve', jobs: [{ name: 'gate', steps: [{ name: 'review', durationMs: 0, manual: { approveAfterMs: 200 } }] }] }]
    }
    expect(runStateAt(gated, 100).status).toBe('PAUSED')
    expect(runStateAt(gated, 250).status).toBe('COMPLETED')
    const forever = {
      ...gated,
      stages: [{ ...gated.stages[0]!, jobs: [{ name: 'gate', steps: [{ name: 'review', durationMs: 0, manual: {} }] }] }]
    }
    expect(runStateAt(forever, 10_000_000).status).toBe('PAUSED')
    expect(runDuration(forever)).toBeUndefined()
  })
})
