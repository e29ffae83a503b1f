// Scripted pipelines and the pure timeline of a run: given a script and how long the run has been
// going, the status of every stage, job and step. Stages run one after another; a stage runs its
// `pre` steps, then its jobs in parallel (each job's steps one after another), then its `post` steps.
// A failed step fails its job; a stage with a failed job fails once its other jobs end, and later
// stages never start. A manual step pauses the run until it is approved (`approveAfterMs`), or for
// ever.

export interface StepScript {
  name: string
  durationMs: number
  /** The step fails with this message. */
  fail?: string
  /** A gate waiting for a person: the run is PAUSED while it waits. */
  manual?: { approveAfterMs?: number }
  /**
   * The step runs this pipeline of the simulator as a sub-pipeline (CodeArts
   * `official_devcloud_subPipeline`): its run starts when the step does. Build such a step with
   * `subPipelineStep`, which takes its duration and failure from the sub-pipeline's script.
   */
  subPipeline?: string
  /**
   * Log lines. A generated log gives line `i` (0-based) of `count` lines without storing them; each is
   * padded or cut to `width` characters so that a byte offset maps to a line without a scan.
   */
  log?: string[] | GeneratedLog
}

export interface GeneratedLog {
  count: number
  width: number
  line: (i: number) => string
}

export interface JobScript {
  name: string
  steps: StepScript[]
}

export interface StageScript {
  name: string
  jobs: JobScript[]
  pre?: StepScript[]
  post?: StepScript[]
}

export interface PipelineScript {
  name: string
  stages: StageScript[]
}

export type Status = 'INIT' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED' | 'PAUSED'

export interface NodeState {
  status: Status
  /** Offsets from the run's start, in ms; undefined until the node starts or ends. */
  start?: number
  end?: number
}

export interface StepState extends NodeState {
  script: StepScript
  index: number
}

export interface JobState extends NodeState {
  script: JobScript
  index: number
  steps: StepState[]
  message?: string
}

export interface StageState extends NodeState {
  script: StageScript
  index: number
  pre: StepState[]
  post: StepState[]
  jobs: JobState[]
}

export interface RunState extends NodeState {
  stages: StageState[]
}

/**
 * The state of a run `elapsed` ms after it started, or after it was stopped `stoppedAt` ms after
 * it started (whatever is running then is CANCELED; what has not started never does).
 */
export function runStateAt(script: PipelineScript, elapsed: number, stoppedAt?: number): RunState {
  const cutoff = stoppedAt !== undefined ? Math.min(elapsed, stoppedAt) : elapsed
  const stopped = stoppedAt !== undefined && elapsed >= stoppedAt
  let clock = 0
  let halted = false
  const stages = script.stages.map((stageScript, index): StageState => {
    const stage: StageState = { script: stageScript, index, status: 'INIT', pre: [], post: [], jobs: [] }
    if (halted) {
      stage.pre = (stageScript.pre ?? []).map(notRun)
      stage.jobs = stageScript.jobs.map((j, i) => ({ script: j, index: i, status: 'INIT', steps: j.steps.map(notRun) }))
      stage.post = (stageScript.post ?? []).map(notRun)
      return stage
    }
    const pre = sequence(stageScript.pre ?? [], clock, cutoff, stopped)
    stage.pre = pre.steps
    let end = pre.end
    let failed = pre.failed
    let open = pre.open
    if (!pre.failed && !pre.open) {
      const runs = stageScript.jobs.map((jobScript) => sequence(jobScript.steps, pre.end, cutoff, stopped))
      stage.jobs = stageScript.jobs.map((jobScript, i) => {
        const run = runs[i]!
        const job: JobState = { script: jobScript, index: i, steps: run.steps, ...aggregate(run, pre.end, cutoff, stopped) }
        const failedStep = run.steps.find((s) => s.status === 'FAILED')
        if (failedStep) job.message = `Step ${failedStep.script.name} failed: ${failedStep.script.fail}`
        return job
      })
      open = runs.some((r) => r.open)
      end = Math.max(pre.end, ...runs.map((r) => r.end))
      failed = runs.some((r) => r.failed)
    } else {
      stage.jobs = stageScript.jobs.map((j, i) => ({ script: j, index: i, status: 'INIT', steps: j.steps.map(notRun) }))
    }
    if (!failed && !open) {
      const post = sequence(stageScript.post ?? [], end, cutoff, stopped)
      stage.post = post.steps
      end = post.end
      failed = post.failed
      open = post.open
    } else {
      stage.post = (stageScript.post ?? []).map(notRun)
    }
    const {
      status,
      start,
      end: ended
    } = aggregate({ steps: [...stage.pre, ...stage.jobs, ...stage.post], end, failed, open }, clock, cutoff, stopped)
    Object.assign(stage, { status, start, end: ended })
    clock = end
    if (failed || open) halted = true
    return stage
  })
  const run: RunState = { status: 'RUNNING', start: 0, stages }
  const last = stages.at(-1)
  if (stages.some((s) => s.status === 'FAILED')) return { ...run, status: 'FAILED', end: stages.find((s) => s.status === 'FAILED')!.end! }
  if (stopped) return { ...run, status: 'CANCELED', end: stoppedAt }
  if (stages.some((s) => s.status === 'PAUSED')) return { ...run, status: 'PAUSED' }
  if (last === undefined || last.status === 'COMPLETED') return { ...run, status: 'COMPLETED', end: last?.end ?? 0 }
  return run
}

/**
 * A step that runs `script` as a sub-pipeline (the simulator's pipeline `pipelineId`): it lasts as
 * long as that run and fails when it fails, as the CodeArts sub-pipeline task does.
 */
export function subPipelineStep(name: string, pipelineId: string, script: PipelineScript): StepScript {
  const end = runStateAt(script, Number.MAX_SAFE_INTEGER)
  return {
    name,
    durationMs: end.end ?? Number.MAX_SAFE_INTEGER / 4,
    subPipeline: pipelineId,
    ...(end.status === 'FAILED' && { fail: `sub-pipeline ${script.name} failed` })
  }
}

/** Whether any step of the script runs a sub-pipeline. */
export function hasSubPipelines(script: PipelineScript): boolean {
  return script.stages.some((stage) =>
    [...(stage.pre ?? []), ...stage.jobs.flatMap((job) => job.steps), ...(stage.post ?? [])].some((step) => step.subPipeline !== undefined)
  )
}

/** When the run ends by itself, in ms from its start; undefined if it never does (an unapproved gate). */
export function runDuration(script: PipelineScript): number | undefined {
  return runStateAt(script, Number.MAX_SAFE_INTEGER).end
}

interface Sequence {
  steps: StepState[]
  end: number
  failed: boolean
  /** Still going at the cutoff: running, or paused at a gate. */
  open: boolean
}

function sequence(scripts: StepScript[], start: number, cutoff: number, stopped: boolean): Sequence {
  let clock = start
  let failed = false
  let open = false
  const steps = scripts.map((script, index): StepState => {
    if (failed || open) return notRun(script, index)
    const duration = script.manual ? (script.manual.approveAfterMs ?? Infinity) : script.durationMs
    const end = clock + duration
    const step: StepState = { script, index, status: 'INIT', start: clock }
    if (cutoff >= end) {
      step.end = end
      step.status = script.fail !== undefined ? 'FAILED' : 'COMPLETED'
      failed = step.status === 'FAILED'
    } else if (cutoff >= clock) {
      open = true
      if (stopped) {
        step.status = 'CANCELED'
        step.end = cutoff
      } else step.status = script.manual ? 'PAUSED' : 'RUNNING'
    } else {
      delete step.start
    }
    clock = end
    return step
  })
  return { steps, end: clock, failed, open }
}

/** A job's or stage's state from its parts. A failed job's stage keeps running until its other jobs end. */
function aggregate(
  part: { steps: NodeState[]; end: number; failed: boolean; open: boolean },
  start: number,
  cutoff: number,
  stopped: boolean
): NodeState {
  if (cutoff < start) return { status: 'INIT' }
  if (part.open && stopped) return { status: 'CANCELED', start, end: cutoff }
  if (part.open) return { status: part.steps.some((s) => s.status === 'PAUSED') ? 'PAUSED' : 'RUNNING', start }
  return { status: part.failed ? 'FAILED' : 'COMPLETED', start, end: part.end }
}

function notRun(script: StepScript, index: number): StepState {
  return { script, index, status: 'INIT' }
}

/** A step's log as the service stores it: lines, each ended by a newline, addressed by byte offset. */
export interface LogText {
  count: number
  line(i: number): string
  /** Byte offset where line `i` starts (i = count: the end). */
  offsetOf(i: number): number
  /** The line that holds byte `offset`. */
  lineAt(offset: number): number
  /** Bytes `from` to `to` of line `i` with its newline, as text (never cut inside a character). */
  bytesOf(i: number, from: number, to: number): string
}

// A generated line is made once and kept while pages are read from it: a log that is one 100 MB
// line is then served in many pages without building the line again for each.
const lastLine = new WeakMap<GeneratedLog, { i: number; text: string }>()

export function logOf(step: StepScript): LogText {
  const log = step.log ?? [`Running ${step.name}`, ...(step.fail !== undefined ? [`ERROR: ${step.fail}`] : ['done'])]
  if (!Array.isArray(log)) {
    const { count, width } = log
    const line = (i: number): string => {
      const kept = lastLine.get(log)
      if (kept?.i === i) return kept.text
      const text = log.line(i).padEnd(width).slice(0, width)
      lastLine.set(log, { i, text })
      return text
    }
    return {
      count,
      line,
      offsetOf: (i) => i * (width + 1),
      lineAt: (offset) => Math.floor(offset / (width + 1)),
      // A generated line is one byte a character (its width is what makes offsets computable).
      // The newline is added to the slice, not the line: joining a 100 MB line would copy it for every page.
      bytesOf: (i, from, to) => line(i).slice(from, Math.min(to, width)) + (to > width && from <= width ? '\n' : '')
    }
  }
  const starts = [0]
  for (const line of log) starts.push(starts.at(-1)! + Buffer.byteLength(line) + 1)
  return {
    count: log.length,
    line: (i) => log[i]!,
    offsetOf: (i) => starts[i]!,
    lineAt: (offset) => {
      let lo = 0
      let hi = log.length
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= offset) lo = mid
        else hi = mid - 1
      }
      return lo
    },
    bytesOf: (i, from, to) => {
      const bytes = Buffer.from(`${log[i]!}\n`)
      let end = Math.min(to, bytes.length)
      // Back to the start of a character, so that the page's length in bytes is the offset to continue from.
      while (end > from && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--
      return bytes.subarray(from, end).toString('utf8')
    }
  }
}

/** One page of a log, and the byte offset it ends at. */
export interface LogPage {
  text: string
  end: number
}

/**
 * The page that starts at byte `from` (mid-line, where the previous page was cut): the rest of that
 * line and the next ones, up to `limit` lines and the first `visible` (what a running step has
 * written so far), cut after `budget` bytes. Only the bytes of the page are made, so a 100 MB line
 * is served in pages of `budget` bytes, as a service that caps its answers would.
 */
export function logPage(text: LogText, from: number, limit: number, visible: number, budget = Number.POSITIVE_INFINITY): LogPage {
  const first = Math.min(text.lineAt(from), visible)
  const last = Math.min(visible, first + limit)
  let offset = Math.max(from, text.offsetOf(first))
  const pieces: string[] = []
  for (let i = first; i < last && offset - from < budget; i++) {
    const start = text.offsetOf(i)
    const piece = text.bytesOf(i, offset - start, Math.min(text.offsetOf(i + 1), from + budget) - start)
    if (piece === '') break
    pieces.push(piece)
    offset += Buffer.byteLength(piece)
  }
  return { text: pieces.join(''), end: offset }
}
