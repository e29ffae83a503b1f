// A CodeArts step's log, line by line, read page by page as it is consumed.

import type { RunRef } from '../../model.js'
import { num, str } from '../../net/json.js'
import { pagedLines } from '../text-pages.js'
import type { CodeArtsApi } from './api.js'

/**
 * Pages through the log from the start. Each page answers with `start_offset` and `end_offset`;
 * the SDK says to fill both into the next request, our first reading was that `end_offset` is
 * where the next page starts (docs/codearts.md, "Step logs"). Both offsets of the next request are
 * set to the end of the page, so either reading gives the next page, and a page that starts before
 * that point has its repeated part cut off. `logKey` is `<job run id>/<step run id>`.
 */
export function stepLogLines(api: CodeArtsApi, run: RunRef, logKey: string): AsyncIterable<string> {
  const [jobId = '', stepId = ''] = logKey.split('/')
  return pagedLines(async (offset, lines) => {
    const page = await api.stepLogPage(run, jobId, stepId, offset, lines)
    const start = num(page['start_offset'])
    const next = num(page['end_offset'])
    return {
      text: str(page['log']),
      more: page['has_more'] === true,
      ...(start !== undefined && { start }),
      ...(next !== undefined && { next })
    }
  })
}
