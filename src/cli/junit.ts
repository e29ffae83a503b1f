// --junit FILE: the runs as JUnit XML, which GitLab (artifacts:reports:junit) and Jenkins (junit)
// show natively. A test suite per run, a test case per job (and per stage entry or exit check), the
// failing step's log in the failure. A run that did not pass always has a failing test case, so the
// report never looks green when the gate is not. The shape meets both common schemas, Jenkins'
// junit-10.xsd and the Ant schema (test/fixtures/junit/, docs/command.md). Text from the service
// is cut free of secrets, loses its terminal escapes and every character XML 1.0 forbids, then is
// escaped.

import { hostname as machineName } from 'node:os'
import { hasEnded, type JobDetail, type NodeState, type RunDetail, type StepDetail } from '../model.js'
import { ENTRY_CHECK, EXIT_CHECK } from '../report/failures.js'
import type { FailedStepLog } from '../report/reporter.js'
import type { SummaryInput, SummaryRun } from '../report/summary.js'
import { stripEscapes } from './text.js'

export interface JunitInput {
  report?: SummaryInput
  /** The step's failure message, when it ended without a report (bad input, refused credentials, …). */
  failure?: string
  /** Why the command ended, as its exit code names it. */
  reason: string
  redact(text: string): string
  timestamp?: Date
  hostname?: string
}

interface TestCase {
  name: string
  classname: string
  seconds: number
  outcome?: { kind: 'failure' | 'error' | 'skipped'; message: string; type: string; text?: string }
}

export function renderJunit(input: JunitInput): string {
  const x = (text: string): string => escapeXml(input.redact(text))
  const host = machineName() || 'localhost'
  const at = timestamp(input.timestamp ?? new Date())
  const suites: string[] = []
  const runs = input.report?.runs ?? []
  if (runs.length === 0) {
    const outcome = input.failure !== undefined ? { kind: 'error' as const, message: input.failure, type: input.reason } : undefined
    suites.push(
      suite('codearts-pipeline', 0, [
        { name: 'codearts-pipeline', classname: 'codearts-pipeline', seconds: 0, ...(outcome && { outcome }) }
      ])
    )
  }
  for (const [i, run] of runs.entries()) {
    const name = run.result.run_number !== null ? `${run.pipeline} #${run.result.run_number}` : `${run.pipeline} ${run.result.run_id}`
    suites.push(suite(name, i, testCases(run), run))
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('')}</testsuites>\n`

  function suite(name: string, id: number, cases: TestCase[], run?: SummaryRun): string {
    const count = (kind: string) => cases.filter((c) => c.outcome?.kind === kind).length
    const seconds = run?.result.duration_s ?? cases.reduce((sum, c) => sum + c.seconds, 0)
    const started = run?.result.started_at ? new Date(run.result.started_at) : undefined
    const properties = run
      ? [
          ['pipeline_id', run.result.pipeline_id],
          ['run_id', run.result.run_id],
          ['status', run.result.status],
          ['conclusion', run.result.conclusion],
          ['url', run.result.url]
        ]
      : [['reason', input.reason]]
    return (
      `  <testsuite name="${x(name) || 'run'}" package="codearts-pipeline" id="${id}" hostname="${x(input.hostname ?? host)}" ` +
      `timestamp="${started && !Number.isNaN(started.getTime()) ? timestamp(started) : at}" tests="${cases.length}" ` +
      `failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${decimal(seconds)}">\n` +
      `    <properties>\n${properties.map(([k, v]) => `      <property name="${k}" value="${x(v ?? '')}"/>\n`).join('')}` +
      '    </properties>\n' +
      cases.map(testCase).join('') +
      '    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n'
    )
  }

  function testCase(c: TestCase): string {
    const open = `    <testcase name="${x(c.name) || 'job'}" classname="${x(c.classname) || 'pipeline'}" time="${decimal(c.seconds)}"`
    if (c.outcome === undefined) return `${open}/>\n`
    const { kind, message, type, text } = c.outcome
    const body = text !== undefined ? escapeXml(input.redact(text), false) : ''
    return `${open}>\n      <${kind} message="${x(message)}" type="${x(type)}">${body}</${kind}>\n    </testcase>\n`
  }
}

/** One test case per job and per gate step; a run without its detail is one test case. */
function testCases(run: SummaryRun): TestCase[] {
  const { result, detail } = run
  const cases: TestCase[] = detail ? jobCases(detail, run.pipeline, run.failedLogs, hasEnded(detail.state)) : []
  const failing = cases.some((c) => c.outcome?.kind === 'failure' || c.outcome?.kind === 'error')
  if (result.conclusion !== 'success' && !failing) {
    // The run did not pass and no job shows why (not read, refused before it ran, stopped, timed out).
    const state = result.status || result.conclusion
    cases.push({
      name: '(run)',
      classname: dotless(run.pipeline),
      seconds: result.duration_s ?? 0,
      outcome: { kind: 'failure', message: `${result.conclusion}: ${state}`, type: state }
    })
  } else if (cases.length === 0) {
    cases.push({ name: '(run)', classname: dotless(run.pipeline), seconds: result.duration_s ?? 0 })
  }
  return cases
}

function jobCases(detail: RunDetail, pipeline: string, logs: readonly FailedStepLog[], runEnded: boolean): TestCase[] {
  return detail.stages.flatMap((stage) => {
    const classname = `${dotless(pipeline)}.${dotless(stage.name)}`
    const where = { classname, stage: stage.name, logs, runEnded }
    const gate = (label: string) => (step: StepDetail) => nodeCase(`${label} ${step.name}`, step, [step], label, where)
    return [
      ...stage.pre.map(gate(ENTRY_CHECK)),
      ...stage.jobs.map((job: JobDetail) => nodeCase(job.name, job, job.steps, job.name, where)),
      ...stage.post.map(gate(EXIT_CHECK))
    ]
  })
}

function nodeCase(
  name: string,
  node: { state: NodeState; status: string; message?: string; startedAt?: Date; finishedAt?: Date },
  steps: readonly StepDetail[],
  jobName: string,
  where: { classname: string; stage: string; logs: readonly FailedStepLog[]; runEnded: boolean }
): TestCase {
  const { classname, stage: stageName, logs } = where
  const seconds = node.startedAt && node.finishedAt ? Math.max(0, (node.finishedAt.getTime() - node.startedAt.getTime()) / 1000) : 0
  const base = { name, classname, seconds }
  switch (node.state) {
    case 'success':
      return base
    case 'skipped':
      return { ...base, outcome: { kind: 'skipped', message: node.status, type: node.status } }
    case 'cancelled':
      return { ...base, outcome: { kind: 'skipped', message: `cancelled (${node.status})`, type: node.status } }
    case 'running':
    case 'manual':
      // In a run that has ended, a job still at its first status never ran; in one that has not, it was cut short.
      if (where.runEnded) return { ...base, outcome: { kind: 'skipped', message: `did not run (${node.status})`, type: node.status } }
      return { ...base, outcome: { kind: 'error', message: `still ${node.status} when the command ended`, type: node.status } }
  }
  // Failed: each failed step's message and the last lines of its log, as the log printed them.
  const failed = steps.filter((s) => s.state === 'failure')
  const parts = failed.map((step) => {
    const log = logs.find((l) => l.failure.stage === stageName && l.failure.job === jobName && l.failure.step === step.name)
    const tail = log?.tail ? `\n${log.tail.lines.join('\n')}` : ''
    return `${step.name}: ${step.message ?? node.message ?? step.status}${tail}`
  })
  const message = failed.length > 0 ? failed.map((s) => `${s.name}: ${s.message ?? s.status}`).join('; ') : (node.message ?? node.status)
  return { ...base, outcome: { kind: 'failure', message, type: node.status, text: parts.join('\n\n') || message } }
}

/** A name without dots, so that Jenkins does not read them as package levels. */
function dotless(name: string): string {
  return name.replace(/\./g, '_')
}

// Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets), less DEL and the C1 controls it
// discourages, which a terminal showing the file would obey; lone surrogates are not among them.
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/**
 * Text for an XML attribute (or element): no terminal escapes, no forbidden characters, markup
 * escaped. In an attribute a parser would turn tabs and line breaks into spaces, so they are
 * written as character references; a carriage return, which a parser drops, always is.
 */
export function escapeXml(text: string, attribute = true): string {
  const escaped = stripEscapes(text)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
  return attribute ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped
}

/** The schema's form: seconds, no time zone (the Ant schema allows none). UTC. */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 19)
}

function decimal(seconds: number): string {
  // A remote number can be any size; toFixed writes 1e21 and above in exponent form, which no schema takes.
  return Number.isFinite(seconds) && seconds >= 0 && seconds < 1e15 ? seconds.toFixed(3) : '0.000'
}
