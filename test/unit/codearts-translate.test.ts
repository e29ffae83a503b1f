import { describe, expect, it } from 'vitest'
import { errorInBody } from '../../src/net/answer.ts'
import { detailFromRun, snapshotFromLatest } from '../../src/providers/codearts/translate.ts'
import { failurePath, failuresOf } from '../../src/report/failures.ts'

const step = (name: string, sequence: number, status: string, message = '') => ({ id: `s-${name}`, name, sequence, status, message })

// Shaped like ShowPipelineRunDetail (docs/codearts.md, "Reading"), deliberately out of order and with nulls.
const RUN = { pipelineId: 'p1', runId: 'run1' }
const detail = {
  id: 'run1',
  pipeline_id: 'p1',
  name: 'shop',
  status: 'FAILED',
  run_number: 12,
  start_time: 1_763_800_000_000,
  end_time: 1_763_800_090_000,
  detail_url: 'https://devcloud.cn-north-4.huaweicloud.com/cicd/x',
  stages: [
    {
      id: 'st2',
      name: 'Deploy',
      sequence: 2,
      status: 'INIT',
      start_time: 0,
      end_time: null,
      jobs: [{ id: 'j3', name: 'Roll out', sequence: 0, status: 'INIT', steps: [step('helm', 0, 'INIT')] }]
    },
    {
      id: 'st1',
      name: 'Build',
      sequence: 1,
      status: 'FAILED',
      pre: [step('Quality gate', 0, 'FAILED', 'coverage 41% < 80%')],
      post: [],
      jobs: [
        { id: 'j2', name: 'Lint', sequence: 1, status: 'COMPLETED', steps: [step('eslint', 0, 'COMPLETED')] },
        {
          id: 'j1',
          name: 'Compile',
          sequence: 0,
          status: 'FAILED',
          message: 'Step make failed',
          steps: [step('checkout', 0, 'COMPLETED'), step('make', 1, 'FAILED', 'exit 2'), step('upload', 2, 'INIT')]
        },
        { id: 'j4', name: 'Image', sequence: 2, status: 'ASYNC_FAILED', message: 'builder quota exceeded', steps: [] }
      ]
    },
    { id: 'st0', name: 'Checkout', sequence: 0, status: 'COMPLETED', jobs: [] }
  ]
}

describe('CodeArts run detail', () => {
  it('orders stages, jobs and steps by sequence and keeps what the reports need', () => {
    const run = detailFromRun(detail, RUN)
    expect(run).toMatchObject({ status: 'FAILED', state: 'failure', runNumber: 12, url: detail.detail_url })
    expect(run.finishedAt!.getTime() - run.startedAt!.getTime()).toBe(90_000)
    expect(run.stages.map((s) => s.name)).toEqual(['Checkout', 'Build', 'Deploy'])
    expect(run.stages[1]!.jobs.map((j) => `${j.name}:${j.state}`)).toEqual(['Compile:failure', 'Lint:success', 'Image:failure'])
    expect(run.stages[1]!.jobs[0]!.steps.map((s) => s.id)).toEqual(['s-checkout', 's-make', 's-upload'])
    expect(run.stages[2]!.startedAt).toBeUndefined()
  })

  it('names every failure: gate steps, failed steps, and failed jobs without a failed step', () => {
    const failures = failuresOf(detailFromRun(detail, RUN))
    expect(failures).toEqual([
      { stage: 'Build', job: '(stage entry check)', step: 'Quality gate', message: 'coverage 41% < 80%' },
      { stage: 'Build', job: 'Compile', step: 'make', message: 'exit 2' },
      { stage: 'Build', job: 'Image', step: '', message: 'builder quota exceeded' }
    ])
    expect(failures.map(failurePath)).toEqual(['Build / (stage entry check) / Quality gate', 'Build / Compile / make', 'Build / Image'])
  })

  it('names a failed stage that shows no failure below it', () => {
    const run = detailFromRun({ id: 'run1', status: 'FAILED', stages: [{ name: 'Deploy', status: 'FAILED', jobs: [] }] }, RUN)
    expect(failuresOf(run)).toEqual([{ stage: 'Deploy', job: '', step: '', message: '' }])
  })

  it('survives a detail with nothing in it but its run ID', () => {
    expect(detailFromRun({ id: 'run1' }, RUN)).toEqual({ status: '', state: 'running', stages: [], unknown: ['(no status)'] })
  })

  it.each([
    [{ status: 'COMPLETED' }, 'the record does not say which run it is'],
    [{ id: 'run2', status: 'COMPLETED' }, 'it is the record of run run2, not of run run1'],
    [{ id: 'run1', pipeline_id: 'p2', status: 'COMPLETED' }, 'it is the record of a run of pipeline p2, not of p1']
  ])('refuses a record of another run: %j', (body, problem) => {
    expect(() => detailFromRun(body, RUN)).toThrow(problem)
  })
})

describe('CodeArts latest run (batch status)', () => {
  it('reads status, number, stages and link', () => {
    const snapshot = snapshotFromLatest({
      pipeline_id: 'p',
      pipeline_run_id: 'r',
      status: 'RUNNING',
      run_number: 3,
      start_time: 1_763_800_000_000,
      end_time: 0,
      detail_url: '',
      stage_status_list: [
        { name: 'Test', sequence: 1, status: 'RUNNING', start_time: '2026-11-22 12:00:00' },
        { name: 'Build', sequence: 0, status: 'COMPLETED' }
      ]
    })
    expect(snapshot).toEqual({
      status: 'RUNNING',
      state: 'running',
      runNumber: 3,
      startedAt: new Date(1_763_800_000_000),
      stages: [
        { name: 'Build', status: 'COMPLETED', state: 'success' },
        { name: 'Test', status: 'RUNNING', state: 'running' }
      ]
    })
  })
})

describe('errorInBody', () => {
  it.each([
    [
      { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
      { code: 'APIGW.0301', message: 'Incorrect IAM authentication information' }
    ],
    [{ error: { code: 'DEVPIPE.00011412', message: 'no project' } }, { code: 'DEVPIPE.00011412', message: 'no project' }],
    [
      { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
      { code: 'Unauthorized', message: 'The username or password is wrong.' }
    ],
    [{ error_code: 'DEVPIPE.00011169' }, { code: 'DEVPIPE.00011169', message: '(no message)' }],
    [
      { errorCode: 'DEV-CODECI-35002', errorMsg: 'build failed' },
      { code: 'DEV-CODECI-35002', message: 'build failed' }
    ],
    [
      { errorCode: 'InvalidPipeline.NotFound', errorMessage: 'no such pipeline' },
      { code: 'InvalidPipeline.NotFound', message: 'no such pipeline' }
    ],
    [
      { success: false, code: 'PIPELINE_BUSY', message: 'try later' },
      { code: 'PIPELINE_BUSY', message: 'try later' }
    ],
    [{ success: false }, { code: 'Unsuccessful', message: '(no message)' }],
    [
      { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
      { code: 'Throttling.User', message: 'Request was denied due to user flow control.' }
    ],
    [{ success: true, errorCode: '""', errorMessage: '""', pipelineRunId: 3 }, undefined],
    [{ errorCode: '', errorMessage: '', pipelineRunId: 3 }, undefined],
    [{ code: 200, message: 'ok', data: {} }, undefined],
    [{ pipeline_run_id: 'x' }, undefined],
    [['a'], undefined],
    [null, undefined],
    [false, undefined]
  ])('%j', (body, expected) => {
    expect(errorInBody(body)).toEqual(expected)
  })
})
