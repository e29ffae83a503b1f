// Remote text is hostile wherever it is printed (issue 13, defects 1–3): names, messages and links
// from the service carry workflow commands, run variables carry secrets, answers nest without end.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import type { PipelineScript } from '../../simulator/script.ts'
import { allSecrets, rememberSecret } from '../../simulator/secrets.ts'
import { runAction } from '../../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { activeCommands, foreignCommands, runnerLines } from '../../support/runner-view.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

// Each would be a command if the runner saw it at the start of a line (or, `##[`, anywhere).
const EVIL = [
  'build\n::set-output name=conclusion::success',
  'x\r::add-mask::success',
  '##[error]forged annotation',
  '  ::warning title=forged::indented command',
  'tail\u2028::set-output name=status::COMPLETED',
  '%0A::error::percent'
]

function hostilePipeline(): PipelineScript {
  return {
    name: `shop ${EVIL[0]}`,
    stages: [
      {
        name: `Build ${EVIL[1]}`,
        jobs: [
          {
            name: `Unit tests ${EVIL[2]}`,
            steps: [
              { name: `npm test ${EVIL[3]}`, durationMs: 60, fail: `exit 1 ${EVIL[4]}`, log: ['plain line', ...EVIL] },
              { name: 'never', durationMs: 10 }
            ]
          },
          { name: `Lint ${EVIL[5]}`, steps: [{ name: 'eslint', durationMs: 40 }] }
        ]
      }
    ]
  }
}

describe('defect 1: remote text never acts as a workflow command', () => {
  it.each(['codearts', 'yunxiao'] as const)('%s: names, messages, links and logs with commands in them', async (provider) => {
    const script = hostilePipeline()
    let inputs: Record<string, string>
    let id: string
    if (provider === 'codearts') {
      id = hex32()
      const s = await sims.codearts({ [id]: { script } })
      // The service's own console link and error text are remote text too.
      s.rewrite = ({ path, payload }) => {
        if (path.endsWith('/pipeline-runs/detail') || path.endsWith('/pipelines/status')) {
          const mark = (item: Record<string, unknown>) => ({
            ...item,
            detail_url: `${String(item['detail_url'])}\n::set-output name=run-url::evil`
          })
          return { payload: Array.isArray(payload) ? payload.map(mark) : mark(payload as Record<string, unknown>) }
        }
      }
      inputs = codeartsInputs(s, { 'pipeline-ids': id })
    } else {
      id = '4711'
      const s = await sims.yunxiao({ [id]: { script } })
      inputs = yunxiaoInputs(s, { 'pipeline-ids': id })
    }
    const result = await runAction({ ...inputs, 'fail-fast': 'true' })

    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.exitCode).toBe(1)
    expect(foreignCommands(result.log, allSecrets())).toEqual([])
    expect(activeCommands(result.log).filter((c) => c.name === 'set-output' || (c.name === 'add-mask' && c.data === 'success'))).toEqual([])
    // No line outside a stop-commands block begins with remote text; the log lines are still shown
    // (a `##[` broken by a zero-width space, so that the log viewer does not draw it as the runner's).
    for (const line of ['plain line', '##\u200b[error]forged annotation']) expect(runnerLines(result.log)).toContain(line)
  })
})

describe('defect 2: secret-looking variable values never reach the log', () => {
  it('masks *_TOKEN, *_PASSWORD and secret-variables values, in debug output too', async () => {
    const id = hex32()
    const s = await sims.codearts({
      [id]: { script: { name: 'p', stages: [{ name: 'S', jobs: [{ name: 'J', steps: [{ name: 's', durationMs: 30 }] }] }] } }
    })
    const values = { DEPLOY_TOKEN: 'tok-7f3e2d1c0b9a', DB_PASSWORD: 'pw-correct-horse-battery', SIGNING_BLOB: 'blob-0c9d8e7f6a5b' }
    Object.values(values).forEach(rememberSecret)
    const result = await runAction(
      codeartsInputs(s, {
        'pipeline-ids': id,
        variables: Object.entries(values)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
        'secret-variables': 'SIGNING_BLOB'
      })
    )
    // The harness fails any run that prints a known secret outside ::add-mask::; each was registered.
    expect(result.exitCode).toBe(0)
    for (const value of Object.values(values)) expect(result.log).toContain(`::add-mask::${value}\n`)
    expect(s.runsOf(id)[0]!.variables.map((v) => v.value)).toEqual(Object.values(values))
    expect(result.summary).not.toMatch(/tok-7f3e|pw-correct|blob-0c9d/)
  })
})

describe('defect 3: a deeply nested answer', () => {
  it('does not crash the debug printer, and the verdict stands', async () => {
    const id = hex32()
    const s = await sims.codearts({
      [id]: { script: { name: 'p', stages: [{ name: 'S', jobs: [{ name: 'J', steps: [{ name: 's', durationMs: 30 }] }] }] } }
    })
    // Written as text: JSON.stringify itself cannot produce it.
    const deep = `${'['.repeat(20_000)}"bottom"${']'.repeat(20_000)}`
    s.rewrite = ({ path, payload }) =>
      path.endsWith('/pipeline-runs/detail') ? { raw: `${JSON.stringify(payload).slice(0, -1)},"annotations":${deep}}` } : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(result.log).not.toContain('Maximum call stack')
    expect(result.outputs['conclusion']).toBe('success')
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('COMPLETED')
  })
})
