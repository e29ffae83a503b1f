// The readings of remote values (docs/remote-values.md), table by table.

import { describe, expect, it } from 'vitest'
import { escapeData, inertLine } from '../../src/log/logger.ts'
import { preview, redactBody } from '../../src/log/redact.ts'
import { retryAfterMs } from '../../src/net/http.ts'
import { isPlainId } from '../../src/net/ids.ts'
import { parseJson, remoteTime } from '../../src/net/json.ts'
import { ownLink } from '../../src/net/links.ts'
import { readJobSteps } from '../../src/providers/yunxiao/api.ts'
import { activeCommands } from '../support/runner-view.ts'

const MS = Date.UTC(2026, 10, 22, 12, 0, 0)

describe('remoteTime', () => {
  it.each([
    ['milliseconds', MS, MS],
    ['seconds', MS / 1000, MS],
    ['microseconds', MS * 1000, MS],
    ['nanoseconds', MS * 1_000_000, MS],
    ['nanoseconds as digits', `${MS}000000`, MS],
    ['milliseconds as digits', String(MS), MS],
    ['ISO 8601', '2026-11-22T12:00:00Z', MS],
    ['ISO 8601 with an offset', '2026-11-22T20:00:00+08:00', MS],
    ['a date and time without a zone (UTC)', '2026-11-22 12:00:00', MS],
    ['0: not yet', 0, undefined],
    ['negative', -5, undefined],
    ['null', null, undefined],
    ['missing', undefined, undefined],
    ['garbage', 'soon', undefined],
    ['1e300', 1e300, undefined],
    ['before 2000', 86_400_000, undefined],
    ['an object', { t: MS }, undefined]
  ])('%s', (_what, value, expected) => {
    expect(remoteTime(value)?.getTime()).toBe(expected)
  })
})

describe('parseJson', () => {
  it('keeps integers beyond 2^53 as their exact digits, and nothing else changes', () => {
    const parsed = parseJson('{"id":9007199254740993,"n":-12345678901234567890,"small":42,"f":1.5,"s":"12345678901234567890","e":1e21}')
    expect(parsed).toEqual({
      ok: true,
      value: { id: '9007199254740993', n: '-12345678901234567890', small: 42, f: 1.5, s: '12345678901234567890', e: 1e21 }
    })
  })

  it('reads 20,000 levels of nesting', () => {
    expect(parseJson(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`).ok).toBe(true)
  })
})

describe('preview and redactBody', () => {
  it('bound depth and length', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 20_000; i++) deep = [deep]
    expect(preview(deep).length).toBeLessThan(200)
    expect(preview({ big: 'y'.repeat(1e6) }).length).toBeLessThanOrEqual(2_000 + ' [cut]'.length + 1)
  })

  it.each([
    ['a CodeArts variable', '{"variables":[{"name":"DB_PASSWORD","value":"s3cret-value"},{"name":"IMAGE","value":"shop:1"}]}'],
    [
      'Yunxiao envs inside the params JSON text',
      JSON.stringify({ params: JSON.stringify({ envs: { API_TOKEN: 's3cret-value', IMAGE: 'shop:1' } }) })
    ],
    ['a form body holding JSON', `params=${encodeURIComponent(JSON.stringify({ envs: { DEPLOY_KEY: 's3cret-value' } }))}`],
    ['Yunxiao globalParams', '{"globalParams":[{"key":"SESSION_COOKIE","value":"s3cret-value"}]}'],
    ['a token field', '{"token":{"id":"s3cret-value"}}']
  ])('hides %s', (_what, body) => {
    const shown = redactBody(body)
    expect(shown).not.toContain('s3cret-value')
    expect(shown).toContain('[redacted]')
  })
})

describe('inert text', () => {
  it.each([
    'build\n::set-output name=conclusion::success',
    'x\r::add-mask::success',
    '##[error]forged',
    '  ::warning::indented',
    '::error title=x::at the start',
    'a\u2028::set-output name=x::y',
    'tail ##[set-output name=x]y'
  ])('%j as a plain line is one line the runner does not obey', (text) => {
    const line = `${inertLine(text)}\n`
    expect(activeCommands(line)).toEqual([])
    expect(line.split(/\r\n|\n|\r/).filter((l) => l !== '')).toHaveLength(1)
  })

  it.each(['a\nb', 'a\rb', '%0A', '##[error]x'])('%j in a command data stays in that command', (text) => {
    const commands = activeCommands(`::warning::${escapeData(text)}\n`)
    expect(commands.map((c) => c.name)).toEqual(['warning'])
  })
})

describe('isPlainId', () => {
  it.each([
    ['3f2a0123456789abcdef0123456789ab', true],
    ['12345', true],
    ['run-1.2_x', true],
    ['', false],
    ['..', false],
    ['a/../b', false],
    ['a b', false],
    ['  ::stop-commands::x', false],
    ['%2e%2e', false],
    ['x'.repeat(200), false]
  ])('%j → %s', (id, plain) => {
    expect(isPlainId(id)).toBe(plain)
  })
})

describe('ownLink', () => {
  const own = { endpoint: 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com', hosts: [/^devcloud\.[a-z0-9-]+\.huaweicloud\.com$/] }
  it.each([
    ['https://devcloud.cn-north-4.huaweicloud.com/cicd/x', 'https://devcloud.cn-north-4.huaweicloud.com/cicd/x'],
    ['https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com/x', 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com/x'],
    ['http://devcloud.cn-north-4.huaweicloud.com/x', undefined],
    ['https://evil.example.com/x', undefined],
    ['https://huaweicloud.com.evil.example.com/x', undefined],
    ['https://user:pw@devcloud.cn-north-4.huaweicloud.com/x', undefined],
    ['https://my-bucket.obs.cn-north-4.myhuaweicloud.com/page.html', undefined],
    ['https://evil.devcloud.cn-north-4.huaweicloud.com.example.com/x', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined]
  ])('%s', (candidate, expected) => {
    expect(ownLink(candidate, own)).toBe(expected)
  })
})

describe('retryAfterMs', () => {
  it.each([
    ['2', 2_000],
    ['0.5', 500],
    ['99999999999', 300_000],
    ['-1', undefined],
    ['soon', undefined],
    ['', undefined]
  ])('%j → %s', (value, expected) => {
    expect(retryAfterMs(value)).toBe(expected)
  })
})

describe('readJobSteps (GetPipelineJobSteps in every documented shape)', () => {
  const step = { stepIndex: 2, stepName: 'npm test', status: 'fail' }
  it.each([
    ['object, buildProcessNodes', { buildId: 7, buildProcessNodes: [step] }],
    ['array, buildProcessNodes', [{ buildId: 7, buildProcessNodes: [step] }]],
    ['object, steps', { buildId: 7, steps: [step] }],
    ['array, steps', [{ buildId: 7, steps: [step] }]],
    [
      'buildProcessNodes preferred to steps',
      { buildId: 7, buildProcessNodes: [step], steps: [{ stepIndex: 9, stepName: 'old', status: 'success' }] }
    ],
    ['deprecated nodeIndex/nodeName', { buildId: 7, buildProcessNodes: [{ nodeIndex: 2, nodeName: 'npm test', status: 'fail' }] }],
    [
      'the second group of an array',
      [
        { buildId: 6, steps: [] },
        { buildId: 7, buildProcessNodes: [step] }
      ]
    ]
  ])('%s', (_shape, body) => {
    expect(readJobSteps(body)).toEqual({ buildId: '7', steps: [{ index: '2', name: 'npm test', status: 'fail' }] })
  })
})
