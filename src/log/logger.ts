// Everything the action prints goes through a Logger: the one place that decides how text reaches
// the job log. The runner reads a step's stdout line by line and obeys any line that looks like a
// workflow command (docs/runner-commands.md), and much of what we print comes from the pipeline
// service: names, messages, log lines. So the logger formats the commands itself, makes every plain
// line inert, and prints remote log lines only inside a stop-commands block.

import { randomBytes } from 'node:crypto'
import { EOL } from 'node:os'
import { type Drain, NEVER_FULL, streamDrain } from './drain.js'
import { redactText, SecretSet } from './redact.js'

/** Where an annotation points and what it is called. */
export interface AnnotationProps {
  title?: string
}

export interface Logger {
  /** Shown only with ACTIONS_STEP_DEBUG; known secrets are cut out first. */
  debug(message: string): void
  /** One plain line; any remote text in it is made inert. */
  info(message: string): void
  /** A notice annotation: something the user may want to change, that is not a problem. */
  notice(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  startGroup(title: string): void
  endGroup(): void
  /**
   * Lines from the service, printed as they are, where the runner cannot take them for commands.
   * Resolves once all are written; when the output is full it waits for it to drain (log/drain.ts)
   * rather than queue the rest in memory, and writes without waiting when it is not.
   */
  verbatim(lines: Iterable<string>): Promise<void>
  /** Registers a value with the runner's log masker (and with our own debug redaction). */
  secret(value: string): void
  /**
   * The text with every value registered by secret() cut out: for text that leaves by another way
   * than the log (check runs), where the runner's masker does not reach.
   */
  redact(text: string): string
  isDebug(): boolean
}

/**
 * The runner's own escaping for a command's data (actions/toolkit `command.ts`): it undoes these
 * three, so a message can carry line breaks without ending the command line. Nothing else may be
 * changed: the runner reads a line that starts with `::` as that command before anything else, and
 * a masked value must reach it exactly as it is.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Properties additionally escape the characters that separate them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

// Control characters (the runner splits lines on a lone \r as well as \n), Unicode line and
// paragraph separators, and the bidirectional overrides that make a line read other than it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * A line the runner prints and never obeys, whatever text it holds: control characters are shown
 * as `\u000a`, a leading `::` (the runner trims white space first) and every `##[` (the legacy
 * form counts anywhere in a line) are broken by a zero-width space, which the reader does not see.
 */
export function inertLine(text: string): string {
  const flat = breakLegacyCommands(text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
  return flat.replace(/^(\s*):(?=:)/, '$1:\u200b')
}

function breakLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '##\u200b[')
}

// A debug line is cut here (answers are shown whole up to redact.ts PREVIEW_LIMIT, then cut).
export const DEBUG_LINE = 4_000

export function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… [${text.length} characters]` : text
}

/** One workflow command line, `::name key=value,…::data`, escaped as the runner unescapes it. */
export function command(name: string, props: Readonly<Partial<Record<'title' | 'name', string>>> | undefined, data: string): string {
  const properties = Object.entries(props ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  return `::${name}${properties ? ` ${properties}` : ''}::${escapeData(data)}`
}

/**
 * The logger the runner sees: writes lines to `write` (process.stdout in the action; a buffer in
 * tests, which then see exactly the bytes the runner would). `command` says whether a line is a
 * command of ours, as opposed to text, so that a test can tell the two apart. `drain` says when
 * `write`'s output is full (for process.stdout, streamDrain).
 */
export function commandLogger(write: (text: string, command: boolean) => void, debug: boolean, drain: Drain = NEVER_FULL): Logger {
  const secrets = new SecretSet()
  const ours = (text: string): void => write(`${text}${EOL}`, true)
  const plain = (text: string): void => write(`${text}${EOL}`, false)
  return {
    debug: (m) => {
      // Cut after the secrets are cut out: a secret cut in two would match neither our redaction nor the runner's masker.
      if (debug) ours(command('debug', undefined, cut(redactText(m, secrets), DEBUG_LINE)))
    },
    info: (m) => plain(inertLine(m)),
    notice: (m) => ours(command('notice', undefined, m)),
    warning: (m, p) => ours(command('warning', p, m)),
    error: (m, p) => ours(command('error', p, m)),
    startGroup: (t) => ours(command('group', undefined, t)),
    endGroup: () => ours('::endgroup::'),
    verbatim: async (lines) => {
      // A fresh random token per block: remote text cannot contain it, so cannot end the block.
      const open = (): string => {
        const token = randomBytes(16).toString('hex')
        ours(`::stop-commands::${token}`)
        return token
      }
      let token = open()
      // Inside the block nothing is obeyed; a \r in a line only starts another plain line. The log
      // viewer still draws `##[error]`, `##[group]` lines as the runner's own, so those are broken.
      for (const text of lines) {
        plain(breakLegacyCommands(text))
        const full = drain()
        if (full === undefined) continue
        // The block is closed while waiting: a command another task prints meanwhile is obeyed.
        ours(`::${token}::`)
        await full
        token = open()
      }
      ours(`::${token}::`)
    },
    secret: (v) => {
      for (const value of secrets.add(v)) ours(command('add-mask', undefined, value))
    },
    redact: (text) => redactText(text, secrets),
    isDebug: () => debug
  }
}

/** The runner-facing logger of this process. */
export const actionsLogger: Logger = commandLogger(
  (text) => void process.stdout.write(text),
  process.env['RUNNER_DEBUG'] === '1',
  streamDrain(process.stdout)
)
