// How the runner reads a step's stdout: which lines it takes for workflow commands. Written from the
// runner's own parsing (actions/runner ActionCommand.TryParseV2 and TryParse, ActionCommandManager),
// as docs/runner-commands.md describes it, so that tests can ask what the runner would have obeyed.

/** The commands the runner knows; no other name is obeyed. */
export const REGISTERED = new Set([
  'set-output',
  'save-state',
  'add-mask',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'add-matcher',
  'remove-matcher',
  'set-env',
  'add-path',
  'stop-commands'
])

export interface Command {
  /** Lower case. */
  name: string
  properties: string
  data: string
  /** The whole line as the runner split it. */
  line: string
  /** `v2` for `::name::`, `legacy` for `##[name]` anywhere in a line. */
  form: 'v2' | 'legacy'
  index: number
}

/** The lines of stdout as the runner reads them: ended by \r\n, \n, or a lone \r. */
export function runnerLines(stdout: string): string[] {
  const lines = stdout.split(/\r\n|\n|\r/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function parseV2(line: string): Omit<Command, 'line' | 'index'> | undefined {
  const text = line.trimStart()
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (name === '') return undefined
  return { name, properties: space < 0 ? '' : info.slice(space + 1), data: text.slice(end + 2), form: 'v2' }
}

function parseLegacy(line: string): Omit<Command, 'line' | 'index'> | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const info = line.slice(start + 3, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (name === '') return undefined
  return { name, properties: space < 0 ? '' : info.slice(space + 1), data: line.slice(end + 1), form: 'legacy' }
}

/**
 * Every command the runner would obey, in order, honouring `::stop-commands::<token>` … `::<token>::`
 * blocks (a block ends at a command, in either form, named like the token, in any case).
 */
export function activeCommands(stdout: string): Command[] {
  const commands: Command[] = []
  let stoppedBy: string | undefined
  runnerLines(stdout).forEach((line, index) => {
    const parsed = parseV2(line) ?? parseLegacy(line)
    if (stoppedBy !== undefined) {
      if (parsed && parsed.name === stoppedBy) stoppedBy = undefined
      return
    }
    if (!parsed || !REGISTERED.has(parsed.name)) return
    if (parsed.name === 'stop-commands') {
      stoppedBy = parsed.data.toLowerCase()
      return
    }
    commands.push({ ...parsed, line, index })
  })
  return commands
}

/** The runner's unescaping of a command's data. */
export function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/**
 * Commands that our own code could not have printed: any name we never use, any legacy-form
 * command (we never print one), and a mask of anything but a known secret.
 */
export function foreignCommands(stdout: string, secrets: readonly string[]): Command[] {
  const ours = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup'])
  return activeCommands(stdout).filter((c) => {
    if (c.form === 'legacy' || !ours.has(c.name)) return true
    if (c.name === 'add-mask') return !secrets.some((s) => s === unescapeData(c.data) || s.includes(unescapeData(c.data)))
    // Our commands have no properties but a title; a remote line could only fake the head of one.
    return c.properties !== '' && !/^title=[^,]*$/.test(c.properties)
  })
}
