// The command line: one flag per input of action.yml (`--pipeline-ids`, `--timeout 30m`), so the
// action and the command cannot drift; `--<input>-file FILE` for any input, which is how a secret
// is given (or through the environment, env.ts), never as a flag's value; and the command's own
// options. Nothing here reads a file or the environment.

import { INPUT_HELP } from '../action/action-yml.generated.js'
import { SECRET_INPUTS } from '../action/secrets.js'

/** A flag the command cannot take: the message says which and what to do instead. Exit code 2. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FlagError'
  }
}

export interface CommandOptions {
  /** Results as JSON on stdout; the log goes to stderr. */
  json: boolean
  /** Where to write JUnit XML. */
  junit?: string
  /** Where to write the Markdown summary (with `summary: true`). */
  summaryFile?: string
  debug: boolean
  help: boolean
  version: boolean
}

export interface ParsedArgs {
  /** Input values given as flags, by input name. */
  values: Map<string, string>
  /** Files named by `--<input>-file`, by input name. */
  files: Map<string, string>
  options: CommandOptions
}

/** Inputs that take several values: the flag may be repeated, one value each time. */
export const LIST_INPUTS: ReadonlySet<string> = new Set(['pipeline-ids', 'run-ids', 'variables', 'secret-variables', 'stages', 'jobs'])

/** Inputs whose action.yml default is true or false: `--fail-fast`, `--no-summary`. */
export const BOOLEAN_INPUTS: ReadonlySet<string> = new Set(
  INPUT_HELP.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name)
)

const INPUTS: ReadonlySet<string> = new Set(INPUT_HELP.map((i) => i.name))
const SECRETS: ReadonlySet<string> = new Set(SECRET_INPUTS)

/** The command's own options that take a value. */
const VALUED_OPTIONS = ['junit', 'summary-file'] as const
const SWITCHES = ['json', 'debug', 'help', 'version'] as const

export function parseArgs(argv: readonly string[], secretAdvice: (input: string) => string): ParsedArgs {
  const values = new Map<string, string>()
  const files = new Map<string, string>()
  const options: CommandOptions = { json: false, debug: false, help: false, version: false }
  const seen = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '-h') {
      options.help = true
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw new FlagError(`Argument ${i + 1} is not a flag: give each value after its flag (--name value or --name=value); see --help`)
    }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    // The next argument as this flag's value; never read for a flag that refuses a value.
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new FlagError(`Flag --${name} needs a value`)
      i++
      return next
    }
    const once = (key: string): void => {
      if (seen.has(key)) throw new FlagError(`Flag --${key} is given twice; give it once`)
      seen.add(key)
    }

    if (SECRETS.has(name)) {
      // Its value is not read, not even to say what was wrong with it: it is on the command line already.
      throw new FlagError(
        `Flag --${name} is not taken: a secret on the command line is seen by every process on the machine and kept in shell history. ` +
          secretAdvice(name)
      )
    }
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new FlagError(`Flag --${name} takes no value`)
      options[name as (typeof SWITCHES)[number]] = true
      continue
    }
    if ((VALUED_OPTIONS as readonly string[]).includes(name)) {
      once(name)
      const path = value()
      if (path === '') throw new FlagError(`Flag --${name} needs a file name`)
      if (name === 'junit') options.junit = path
      else options.summaryFile = path
      continue
    }
    if (name.endsWith('-file') && INPUTS.has(name.slice(0, -'-file'.length))) {
      const input = name.slice(0, -'-file'.length)
      once(name)
      if (values.has(input)) throw new FlagError(`Flags --${input} and --${name} are both given; give one`)
      const path = value()
      if (path === '') throw new FlagError(`Flag --${name} needs a file name`)
      files.set(input, path)
      continue
    }
    if (name.startsWith('no-') && BOOLEAN_INPUTS.has(name.slice(3)) && inline === undefined) {
      once(name.slice(3))
      values.set(name.slice(3), 'false')
      continue
    }
    if (INPUTS.has(name)) {
      if (files.has(name)) throw new FlagError(`Flags --${name} and --${name}-file are both given; give one`)
      if (BOOLEAN_INPUTS.has(name)) {
        once(name)
        // `--fail-fast` alone is true; a value only with `=`, or as the next argument when it is true or false.
        const next = argv[i + 1]
        const given = inline ?? (next === 'true' || next === 'false' ? argv[++i]! : 'true')
        values.set(name, given)
        continue
      }
      if (!LIST_INPUTS.has(name)) once(name)
      const given = value()
      const before = values.get(name)
      values.set(name, before === undefined ? given : `${before}\n${given}`)
      continue
    }
    throw new FlagError(`Unknown flag --${name}${suggestion(name)}; see --help`)
  }
  return { values, files, options }
}

function suggestion(name: string): string {
  const all = [...INPUTS, ...[...INPUTS].map((n) => `${n}-file`), ...VALUED_OPTIONS, ...SWITCHES]
  const near = all.find((candidate) => candidate.startsWith(name) || name.startsWith(candidate) || distance(name, candidate) <= 2)
  return near !== undefined ? ` (did you mean --${near}?)` : ''
}

/** Levenshtein distance, for suggesting the flag meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    }
    row = next
  }
  return row[b.length]!
}
