// --help, made from action.yml's inputs (action-yml.generated.ts), the environment variables the
// command reads and its exit codes: each list has one home, and the help text is built from them.

import { INPUT_HELP, VERSION } from '../action/action-yml.generated.js'
import { SECRET_INPUTS } from '../action/secrets.js'
import { BOOLEAN_INPUTS, LIST_INPUTS } from './args.js'
import { EXIT } from './exit-codes.js'
import { CREDENTIAL_ENV, endpointVariable, type ProviderName, SETTING_ENV } from './inputs.js'

const WIDTH = 100
const INDENT = '      '

const EXIT_MEANINGS: Record<keyof typeof EXIT, string> = {
  success: 'every run passed (--mode trigger: every run started)',
  failed: 'a run failed',
  badInput: 'a flag, environment variable or file is wrong; nothing was sent',
  credentialsRefused: 'the service refused the credentials; nothing more was sent with them',
  unreachable: 'the service could not be reached, or did not answer, after the retries',
  timedOut: 'the timeout passed before the runs ended (the runs started are stopped)',
  manualGate: 'a run waits for a person, with --on-manual-gate fail',
  cancelled: 'SIGINT or SIGTERM (the runs started are stopped first), or a run cancelled in the console',
  serviceError: 'the service refused a request or gave an answer that cannot be followed'
}

export function helpText(): string {
  const out = [
    `codearts-pipeline ${VERSION}: start Huawei Cloud CodeArts Pipeline (or Alibaba Cloud Yunxiao Flow) runs, wait until they end,`,
    'show why they failed; the exit code says how they ended.',
    '',
    'Usage: codearts-pipeline --project-id ID --pipeline-ids ID[,ID…] [flags]',
    '       codearts-pipeline --provider yunxiao --organization-id ID --pipeline-ids ID [flags]',
    '',
    'Flags (the inputs of the GitHub Action, same names and meanings):'
  ]
  for (const input of INPUT_HELP) {
    const secret = SECRET_INPUTS.includes(input.name)
    const flag = secret
      ? `--${input.name}-file FILE`
      : BOOLEAN_INPUTS.has(input.name)
        ? `--${input.name}[=true|false], --no-${input.name}`
        : `--${input.name} ${LIST_INPUTS.has(input.name) ? 'VALUE (repeatable)' : 'VALUE'}`
    out.push(`  ${flag}`)
    const notes = [input.description]
    if (input.required) notes.push('Required.')
    else if (input.default !== '') notes.push(`Default: ${input.default}.`)
    if (secret) notes.push(`Not taken as a flag's value: from FILE${envNote(input.name, ' or ')}.`)
    else {
      const env = envNote(input.name, '')
      if (env !== '') notes.push(`Also${env}.`)
    }
    out.push(...wrap(notes.join(' '), INDENT))
  }
  out.push(
    '',
    'Any input can be read from a file: --<input>-file FILE (a trailing line break is dropped).',
    'Credentials set in the environment are used only when no credential is given by a flag or a file.',
    `CodeArts endpoint: also from ${endpointVariable('{REGION}')}, as the Huawei Cloud SDKs read it.`,
    '',
    'Command options:',
    '  --json               Print the results as JSON on stdout; the log goes to stderr.',
    '  --junit FILE         Write JUnit XML: a test suite per run, a test case per job, the failing step’s log in its failure.',
    '  --summary-file FILE  Write the Markdown summary there (unless --no-summary).',
    '  --debug              Show requests and answers, with secrets cut out.',
    '  -h, --help           Show this help.',
    '  --version            Show the version.',
    '',
    'Output: GitLab collapsible sections when GITLAB_CI is set, plain text elsewhere; colours only on a terminal,',
    'never with NO_COLOR.',
    '',
    'Exit codes:'
  )
  for (const [reason, code] of Object.entries(EXIT))
    out.push(`  ${String(code).padStart(2)}  ${EXIT_MEANINGS[reason as keyof typeof EXIT]}`)
  return `${out.join('\n')}\n`
}

/** " from HUAWEICLOUD_SDK_SK or HW_SECRET_KEY (codearts), …" for an input read from the environment. */
export function envNote(input: string, joiner: string): string {
  const parts = (['codearts', 'yunxiao'] as ProviderName[]).flatMap((provider) => {
    const names = CREDENTIAL_ENV[provider][input] ?? SETTING_ENV[provider][input]
    return names ? [`${names.join(' or ')} (${provider})`] : []
  })
  return parts.length > 0 ? `${joiner} from ${parts.join(', ')}` : ''
}

function wrap(text: string, indent: string): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/)) {
    if (current !== '' && indent.length + current.length + 1 + word.length > WIDTH) {
      lines.push(indent + current)
      current = word
    } else current = current === '' ? word : `${current} ${word}`
  }
  if (current !== '') lines.push(indent + current)
  return lines
}

/** What to do instead of a secret flag: its file flag, or the environment variables that carry it. */
export function secretAdvice(input: string): string {
  const names = (['codearts', 'yunxiao'] as ProviderName[]).flatMap((provider) => {
    const list = CREDENTIAL_ENV[provider][input]
    return list ? [`${list.join(' or ')} (--provider ${provider})`] : []
  })
  return `Put it in a file and give --${input}-file FILE${names.length > 0 ? `, or set ${names.join(', or ')} in the environment` : ''}.`
}
