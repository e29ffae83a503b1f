import { describe, expect, it } from 'vitest'
import { annotationText } from '../../src/report/reporter.ts'
import { readTail } from '../../src/report/step-log.ts'

async function* lines(n: number, make = (i: number) => `line ${i}`): AsyncIterable<string> {
  for (let i = 1; i <= n; i++) yield make(i)
}

describe('readTail', () => {
  it.each([
    [0, 5, []],
    [3, 5, ['line 1', 'line 2', 'line 3']],
    [5, 5, ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']],
    [12, 5, ['line 8', 'line 9', 'line 10', 'line 11', 'line 12']],
    [10, 1, ['line 10']]
  ])('%i lines, limit %i', async (n, limit, expected) => {
    expect(await readTail(lines(n), limit)).toEqual({ lines: expected, total: n })
  })

  it('cuts very long lines', async () => {
    const { lines: kept } = await readTail(lines(1, () => 'x'.repeat(5_000)), 3)
    expect(kept[0]).toHaveLength(2_000 + '… [line cut at 2000 characters]'.length)
  })
})

describe('annotationText', () => {
  const failure = { stage: 's', job: 'j', step: 'st', message: 'exit code 2\nsee log' }

  it('is the message on one line, then the last lines', () => {
    const tail = { lines: Array.from({ length: 40 }, (_, i) => `l${i}`), total: 40 }
    expect(annotationText(failure, tail)).toBe(`exit code 2 see log\n\nLast lines:\n${tail.lines.slice(-20).join('\n')}`)
  })

  it('keeps within 4096 characters by dropping the oldest lines', () => {
    const tail = { lines: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(400, '.')), total: 20 }
    const text = annotationText(failure, tail)
    expect(text.length).toBeLessThanOrEqual(4_096)
    expect(text.endsWith(tail.lines.at(-1)!)).toBe(true)
    expect(text).not.toContain(tail.lines[0])
  })

  it('is just the message without a log', () => {
    expect(annotationText({ ...failure, message: '' }, undefined)).toBe('failed')
  })
})
