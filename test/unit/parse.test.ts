import { describe, expect, it } from 'vitest'
import { parseBaseUrl, parseDuration, parseList, parseRef, parseVariables } from '../../src/config/parse.ts'
import { InputError } from '../../src/errors.ts'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2.5m', 150_000],
    ['0.2s', 200],
    [' 5s ', 5_000]
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration('timeout', text)).toBe(ms)
  })

  it.each([
    ['30', "Input 'timeout': '30' has no unit; write 30m for minutes or 30s for seconds"],
    [' 2.5 ', "Input 'timeout': ' 2.5 ' has no unit; write 2.5m for minutes or 2.5s for seconds"]
  ])('refuses the bare number %j, suggesting both units', (text, message) => {
    expect(() => parseDuration('timeout', text)).toThrow(message)
  })

  it.each(['', '5x', 'm', '1h 30m', '-5s', '5 s', 'five'])('refuses %j, naming the input', (text) => {
    expect(() => parseDuration('poll-interval', text)).toThrow(
      /^Input 'poll-interval': .* is not a duration; write a number with a unit s, m or h/
    )
  })
})

describe('parseList', () => {
  it('splits on commas, spaces and newlines and keeps the order', () => {
    expect(parseList('stages', 'b, a\nc  d,\ne\n')).toEqual(['b', 'a', 'c', 'd', 'e'])
    expect(parseList('stages', ' \n ')).toEqual([])
  })

  it.each([
    ['a,,b', "Input 'pipeline-ids': entry 2 is empty (two commas in a row); remove the extra comma"],
    ['a, ,b', "Input 'pipeline-ids': entry 2 is empty (two commas in a row); remove the extra comma"],
    ['a b,c,', "Input 'pipeline-ids': entry 4 is empty (the list ends with a comma); remove the extra comma"],
    ['a,\nb,\n', "Input 'pipeline-ids': entry 3 is empty (the list ends with a comma); remove the extra comma"],
    [',a', "Input 'pipeline-ids': entry 1 is empty (the list starts with a comma); remove the extra comma"]
  ])('refuses an empty entry in %j, naming its position', (text, message) => {
    expect(() => parseList('pipeline-ids', text)).toThrow(message)
  })
  it('shows a refused value on one line, control characters escaped', () => {
    expect(() => parseList('stages', 'a\u0007 a\u0007')).toThrow("Input 'stages': 'a\\u0007' is listed twice")
    expect(() => parseDuration('timeout', `1x\n::error::${'y'.repeat(100)}`)).toThrow(
      /^Input 'timeout': '1x\\u000a::error::y+…' is not a duration/
    )
  })

  it('refuses duplicates', () => {
    expect(() => parseList('pipeline-ids', 'a b a')).toThrow("Input 'pipeline-ids': 'a' is listed twice")
  })
})

describe('parseVariables', () => {
  it.each([
    ['IMAGE=1.2', [{ name: 'IMAGE', value: '1.2' }]],
    ['A = b c ', [{ name: 'A', value: 'b c' }]],
    ['URL=https://x/?a=b', [{ name: 'URL', value: 'https://x/?a=b' }]],
    ['EMPTY=', [{ name: 'EMPTY', value: '' }]],
    [
      '\nA=1\r\n\nB=2\n',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' }
      ]
    ]
  ])('%j', (text, expected) => {
    expect(parseVariables('variables', text, 8192)).toEqual(expected)
  })

  it.each([
    ['NOVALUE', /line 1 is not NAME=value/],
    ['=x', /line 1 is not NAME=value/],
    ['A B=1', /line 1 is not NAME=value/],
    ['A=1\nA=2', /'A' is set twice/],
    [`A=${'x'.repeat(9)}`, /the value of 'A' is 9 characters; the limit is 8/]
  ])('refuses %j', (text, message) => {
    expect(() => parseVariables('variables', text, 8)).toThrow(message)
  })
})

describe('parseRef', () => {
  it.each([
    ['', undefined],
    ['main', { kind: 'branch', name: 'main' }],
    ['refs/heads/release/1.x', { kind: 'branch', name: 'release/1.x' }],
    ['refs/tags/v1.2.0', { kind: 'tag', name: 'v1.2.0' }]
  ])('%j', (text, expected) => {
    expect(parseRef('ref', text)).toEqual(expected)
  })

  it.each(['refs/pull/1/merge', 'a..b', 'has space', 'refs/heads/', 'x:y', 'trailing/'])('refuses %j', (text) => {
    expect(() => parseRef('ref', text)).toThrow(InputError)
  })
})

describe('parseBaseUrl', () => {
  it.each([
    ['https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com/', 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com'],
    ['https://proxy.example.com/codearts/', 'https://proxy.example.com/codearts'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:1', 'http://localhost:1']
  ])('%s', (text, expected) => {
    expect(parseBaseUrl('endpoint', text)).toBe(expected)
  })

  it.each([
    ['http://example.com', /must use https/],
    ['ftp://example.com', /must use https/],
    ['https://example.com/?a=1', /must not carry a query/],
    ['https://user:pw@example.com', /must not carry/],
    ['not a url', /is not a URL/]
  ])('refuses %s', (text, message) => {
    expect(() => parseBaseUrl('endpoint', text)).toThrow(message)
  })
})
