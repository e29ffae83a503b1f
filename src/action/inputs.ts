// Reads and validates every input once. The reader is injected so that tests can feed plain
// objects; in the action it is the runner's INPUT_* variables (runner-commands.ts). Nothing here touches the network.

import type { InputReader } from '../config/input-rules.js'
import { parseBoolean, parseChoice, parseDuration, parseInteger, parseList, parseRef, parseVariables, shown } from '../config/parse.js'
import type { Connection, Mode, Settings } from '../config/settings.js'
import { InputError } from '../errors.js'
import { checkCodeArtsId, readCodeArtsConnection } from '../providers/codearts/inputs.js'
import { checkYunxiaoId, readYunxiaoConnection } from '../providers/yunxiao/inputs.js'
import { INPUT_DEFAULTS } from './action-yml.generated.js'
import { getInput } from './runner-commands.js'

export type { InputReader } from '../config/input-rules.js'

// The longest a job can run: 5 days on a self-hosted runner (6 hours on a GitHub-hosted one). A
// timer cannot be set past about 24.8 days, so a larger value would also fire at once.
const MAX_TIMEOUT_MS = 120 * 3_600_000
const MAX_POLL_MS = 3_600_000

/** Room kept in `description` for the marker the action appends (see trigger.ts). */
export const DESCRIPTION_LIMIT = 1024
export const MARKER_RESERVE = 64
const VARIABLE_VALUE_LIMIT = 8192

/** What each provider reads for itself: the form of its IDs, and how to reach and sign in to it. */
const PROVIDERS: Record<
  Connection['provider'],
  { checkId(input: 'pipeline-ids' | 'run-ids', id: string): void; readConnection(read: InputReader): Connection }
> = {
  codearts: { checkId: checkCodeArtsId, readConnection: readCodeArtsConnection },
  yunxiao: { checkId: checkYunxiaoId, readConnection: readYunxiaoConnection }
}

export function getInputs(readRaw: InputReader = (name) => getInput(name)): Settings {
  // An input left empty has its action.yml default (the runner fills them in; tests and the
  // local debugger may not, and a workflow may set one to '').
  const read: InputReader = (name) => readRaw(name) || INPUT_DEFAULTS[name] || ''
  const provider = PROVIDERS[parseChoice('provider', read('provider'), ['codearts', 'yunxiao'] as const)]
  const mode: Mode = parseChoice('mode', read('mode'), ['trigger-and-wait', 'trigger', 'wait'] as const)

  const pipelineIds = parseList('pipeline-ids', read('pipeline-ids'))
  const pipelineNames = parseList('pipelines', read('pipelines'))
  if (pipelineIds.length > 0 && pipelineNames.length > 0) {
    throw new InputError('pipelines', 'is given together with pipeline-ids; name the pipelines by ID or by name, not both')
  }
  if (pipelineIds.length === 0 && pipelineNames.length === 0) {
    throw new InputError(
      'pipeline-ids',
      'is required; give one or more pipeline IDs separated by commas, spaces or newlines (or their names in pipelines)'
    )
  }
  for (const id of pipelineIds) provider.checkId('pipeline-ids', id)
  const pipelineCount = pipelineIds.length + pipelineNames.length

  // Run numbers count from 1 in each Yunxiao pipeline: `1,1` names two runs. The same run twice
  // would be the same (pipeline, run) pair, which the unique pipeline-ids already rule out.
  const runIds = parseList('run-ids', read('run-ids'), false)
  if (runIds.length > 0) {
    if (mode !== 'wait') {
      throw new InputError('run-ids', `is only used with mode: wait (mode is ${mode}); remove it or set mode: wait`)
    }
    if (runIds.length !== pipelineCount) {
      throw new InputError(
        'run-ids',
        `has ${runIds.length} run IDs for ${pipelineCount} pipelines; give one run ID per pipeline, in the same order`
      )
    }
    for (const id of runIds) provider.checkId('run-ids', id)
  }

  const connection = provider.readConnection(read)

  const description = read('description')
  if (description.length > DESCRIPTION_LIMIT - MARKER_RESERVE) {
    throw new InputError(
      'description',
      `is ${description.length} characters; the limit is ${DESCRIPTION_LIMIT - MARKER_RESERVE} (the pipeline allows ${DESCRIPTION_LIMIT} ` +
        `and the action appends a marker)`
    )
  }

  const timeoutMs = parseDuration('timeout', read('timeout'))
  const pollIntervalMs = parseDuration('poll-interval', read('poll-interval'))
  const maxPollIntervalMs = parseDuration('max-poll-interval', read('max-poll-interval'))
  if (timeoutMs < 1_000) throw new InputError('timeout', 'must be at least 1s')
  if (timeoutMs > MAX_TIMEOUT_MS) {
    throw new InputError(
      'timeout',
      `${shown(read('timeout'))} is longer than 120h, the longest a job can run (5 days on a self-hosted runner, 6 hours on a ` +
        `GitHub-hosted one)`
    )
  }
  if (maxPollIntervalMs > MAX_POLL_MS)
    throw new InputError('max-poll-interval', `${shown(read('max-poll-interval'))} is longer than 1h; a run would end unseen for too long`)
  // Below 100 ms the batch status endpoint would be hammered; the simulator is the only use for sub-second values.
  if (pollIntervalMs < 100) throw new InputError('poll-interval', 'must be at least 0.1s')
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new InputError('max-poll-interval', `must not be shorter than poll-interval (${read('poll-interval')})`)
  }

  const variables = parseVariables('variables', read('variables'), VARIABLE_VALUE_LIMIT)
  const secretVariables = parseList('secret-variables', read('secret-variables'))
  const unknownSecret = secretVariables.find((name) => !variables.some((v) => v.name === name))
  if (unknownSecret !== undefined) {
    throw new InputError('secret-variables', `names ${shown(unknownSecret)}, which is not set in 'variables'; list only names of variables`)
  }

  return {
    mode,
    pipelineIds,
    pipelineNames,
    runIds,
    connection,
    trigger: {
      ref: parseRef('ref', read('ref')),
      variables,
      secretVariables,
      description: description === '' ? undefined : description,
      stages: parseList('stages', read('stages')),
      jobs: parseList('jobs', read('jobs'))
    },
    wait: {
      timeoutMs,
      pollIntervalMs,
      maxPollIntervalMs,
      onManualGate: parseChoice('on-manual-gate', read('on-manual-gate'), ['wait', 'fail'] as const),
      failFast: parseBoolean('fail-fast', read('fail-fast'))
    },
    cancelOnAbort: parseBoolean('cancel-on-abort', read('cancel-on-abort')),
    report: {
      logs: parseChoice('logs', read('logs'), ['failed', 'all', 'none'] as const),
      // Kept lines are held in memory (up to 2,000 characters each): 10,000 bounds that at about 20 MB.
      logLines: parseInteger('log-lines', read('log-lines'), 1, 10_000),
      summary: parseBoolean('summary', read('summary'))
    },
    checks: {
      enabled: parseBoolean('check-runs', read('check-runs')),
      // Outside a runner (the local debugger, tests) the default `${{ github.token }}` arrives as that text.
      token: read('github-token').includes('${{') ? '' : read('github-token').trim()
    }
  }
}
