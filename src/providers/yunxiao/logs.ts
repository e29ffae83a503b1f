// A Yunxiao step's log, line by line, read page by page as it is consumed; or a job's whole log,
// where the API has no step-level logs (the 2021 API).

import type { RunRef } from '../../model.js'
import { pagedLines, splitLines } from '../text-pages.js'
import type { YunxiaoApi } from './api.js'

/**
 * `logKey` is `step:<job>:<build>:<step index>` (offset paging, passing back where the service says
 * the next page starts: `last`, docs/yunxiao.md) or `job:<job>` (the job's whole log, in one piece).
 */
export async function* stepLogLines(api: YunxiaoApi, run: RunRef, logKey: string): AsyncIterable<string> {
  const [kind, jobId = '', buildId = '', stepIndex = ''] = logKey.split(':')
  if (kind === 'job') {
    yield* splitLines(await api.jobLog(run.pipelineId, run.runId, jobId))
    return
  }
  yield* pagedLines((offset, lines) => api.stepLogPage(run.pipelineId, run.runId, jobId, buildId, stepIndex, offset, lines))
}
