// Where each input's value comes from in the command: its flag, its `--<input>-file`, or an
// environment variable with the name the cloud's own tools use (docs/command.md lists them with
// their sources). Explicit beats ambient: when any credential is given by a flag or a file, no
// credential is taken from the environment, so a variable left set on a build agent for other
// tools cannot turn into a second way of signing in.

import { closeSync, openSync, readSync } from 'node:fs'
import { INPUT_DEFAULTS } from '../action/action-yml.generated.js'
import { FlagError, type ParsedArgs } from './args.js'

export type ProviderName = 'codearts' | 'yunxiao'

/** An input's value and where it came from (a flag, `--x-file PATH`, an environment variable), for messages. */
export interface Given {
  value: string
  from: string
}

/**
 * The environment variables each provider's credentials are read from, first name first. The
 * Huawei names are the SDKs' (HUAWEICLOUD_SDK_*) and the Terraform provider's (HW_*); the
 * Alibaba names are the credentials library's; Yunxiao's token has the name of the issue that asked
 * for it and the name of Alibaba's DevOps MCP server.
 */
export const CREDENTIAL_ENV: Readonly<Record<ProviderName, Readonly<Record<string, readonly string[]>>>> = {
  codearts: {
    'access-key': ['HUAWEICLOUD_SDK_AK', 'HW_ACCESS_KEY'],
    'secret-key': ['HUAWEICLOUD_SDK_SK', 'HW_SECRET_KEY'],
    'security-token': ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HW_SECURITY_TOKEN'],
    // The SDKs' project is the IAM project of the region, not the CodeArts project.
    'iam-project-id': ['HUAWEICLOUD_SDK_PROJECT_ID']
  },
  yunxiao: {
    token: ['YUNXIAO_TOKEN', 'YUNXIAO_ACCESS_TOKEN'],
    'access-key': ['ALIBABA_CLOUD_ACCESS_KEY_ID'],
    'secret-key': ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
    'security-token': ['ALIBABA_CLOUD_SECURITY_TOKEN']
  }
}

/**
 * Settings that are not credentials, from the same tools' variables: the region (Terraform), the
 * IAM endpoint (the SDKs), a Yunxiao region edition's base URL (the DevOps MCP server).
 */
export const SETTING_ENV: Readonly<Record<ProviderName, Readonly<Record<string, readonly string[]>>>> = {
  codearts: { region: ['HW_REGION_NAME'], 'iam-endpoint': ['HUAWEICLOUD_SDK_IAM_ENDPOINT'] },
  yunxiao: { endpoint: ['YUNXIAO_API_BASE_URL'] }
}

/**
 * The SDKs' variable for a service's endpoint in a region: HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION},
 * region in capitals with `_` for `-`. Its value may list backup endpoints after commas; the first is used.
 */
export function endpointVariable(region: string): string {
  return `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_${region.toUpperCase().replace(/-/g, '_')}`
}

/**
 * Inputs that sign in: any of them given explicitly turns off the credentials from the environment.
 * (Not iam-project-id: it goes with a key from anywhere.)
 */
const CREDENTIAL_INPUTS = ['access-key', 'secret-key', 'security-token', 'token', 'username', 'password', 'domain']

// A secret or a list of variables is small; a bigger file is a wrong path (a log, a device).
const FILE_LIMIT = 1024 * 1024

export type ReadFile = (path: string) => string

/** Every input given, by name; what is not given is left to action.yml's default. */
export function resolveInputs(args: ParsedArgs, env: NodeJS.ProcessEnv, readFile: ReadFile = readSmallFile): Map<string, Given> {
  const given = new Map<string, Given>()
  for (const [input, value] of args.values) given.set(input, { value, from: `--${input}` })
  for (const [input, path] of args.files) {
    let value: string
    try {
      value = readFile(path)
    } catch (error) {
      throw new FlagError(`Flag --${input}-file: cannot read ${path}: ${(error as Error).message}`)
    }
    // A file written by `echo` or a text editor ends with a line break that is not part of the value.
    value = value.replace(/(\r?\n)+$/, '')
    if (value === '') throw new FlagError(`Flag --${input}-file: ${path} is empty`)
    given.set(input, { value, from: `--${input}-file ${path}` })
  }
  const provider = providerOf(given)
  const explicit = CREDENTIAL_INPUTS.some((input) => given.has(input))
  const fromEnv = (table: Readonly<Record<string, readonly string[]>>): void => {
    for (const [input, names] of Object.entries(table)) {
      if (given.has(input)) continue
      const found = readEnv(env, names)
      if (found !== undefined) given.set(input, found)
    }
  }
  if (provider !== undefined && !explicit) {
    // A Yunxiao token is the recommended way in: with one set, an Alibaba Cloud key pair set for other tools is left alone.
    const table = CREDENTIAL_ENV[provider]
    const tokenSet = provider === 'yunxiao' && readEnv(env, table['token']!) !== undefined
    fromEnv(tokenSet ? { token: table['token']! } : table)
  }
  if (provider !== undefined) fromEnv(SETTING_ENV[provider])
  if (provider === 'codearts' && !given.has('endpoint')) {
    const name = endpointVariable(given.get('region')?.value || INPUT_DEFAULTS['region'] || '')
    const first = (env[name] ?? '').split(',')[0]!.trim()
    if (first !== '') given.set('endpoint', { value: first, from: name })
  }
  return given
}

/** The provider the inputs name (or the default); undefined for a word that is none, which getInputs refuses. */
export function providerOf(given: ReadonlyMap<string, Given>): ProviderName | undefined {
  const value = given.get('provider')?.value ?? INPUT_DEFAULTS['provider']
  return value === 'codearts' || value === 'yunxiao' ? value : undefined
}

/** The first of `names` that is set; two set to different values is a mistake worth stopping for. */
function readEnv(env: NodeJS.ProcessEnv, names: readonly string[]): Given | undefined {
  const set = names.filter((name) => (env[name] ?? '') !== '')
  if (set.length === 0) return undefined
  const first = set[0]!
  const other = set.find((name) => env[name] !== env[first])
  if (other !== undefined) throw new FlagError(`${first} and ${other} are both set, to different values; unset one of them`)
  return { value: env[first]!, from: first }
}

function readSmallFile(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(FILE_LIMIT + 1)
    let size = 0
    for (let read = -1; read !== 0 && size <= FILE_LIMIT; size += read) read = readSync(fd, buffer, size, buffer.length - size, null)
    if (size > FILE_LIMIT) throw new Error(`larger than ${FILE_LIMIT / 1024} KiB`)
    return buffer.subarray(0, size).toString('utf8')
  } finally {
    closeSync(fd)
  }
}
