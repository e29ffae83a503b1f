// How the runner reads a step's output: which lines it executes as workflow commands, honouring
// `::stop-commands::<token>` … `::<token>::` blocks.

export interface Command {
  name: string
  properties: string
  value: string
  line: number
}

export function activeCommands(log: string): Command[] {
  const commands: Command[] = []
  let stoppedBy: string | undefined
  log.split('\n').forEach((line, index) => {
    const match = /^::([^\s:]+)( [^:]*)?::(.*)$/.exec(line)
    if (!match) return
    const [, name, properties = '', value = ''] = match as unknown as [string, string, string | undefined, string | undefined]
    if (stoppedBy !== undefined) {
      if (name === stoppedBy) stoppedBy = undefined
      return
    }
    if (name === 'stop-commands') stoppedBy = value
    else commands.push({ name, properties: properties.trim(), value, line: index })
  })
  return commands
}
