// The CodeArts inputs: region and endpoints, the CodeArts project, and one way of signing in.

import { ACCESS_KEY, chooseCredentials, type InputReader, readAccessKey, requireTogether } from '../../config/input-rules.js'
import { parseBaseUrl, shown } from '../../config/parse.js'
import type { CodeArtsAuth, CodeArtsConnection } from '../../config/settings.js'
import { InputError } from '../../errors.js'
import { PROJECT_IDS } from './call.js'
import { iamEndpoint, KNOWN_REGIONS, pipelineEndpoint } from './endpoints.js'

const HEX32 = /^[0-9a-fA-F]{32}$/

export function checkCodeArtsId(input: 'pipeline-ids' | 'run-ids', id: string): void {
  requireHex32(input, id, input === 'pipeline-ids' ? 'pipeline ID (the last part of the pipeline page URL)' : 'run ID')
}

export function readCodeArtsConnection(read: InputReader): CodeArtsConnection {
  const region = read('region')
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new InputError('region', `${shown(region)} is not a region ID; write it like cn-north-4 or ap-southeast-3`)
  }
  const endpointInput = read('endpoint')
  let endpoint: string
  if (endpointInput !== '') {
    endpoint = parseBaseUrl('endpoint', endpointInput)
  } else {
    const known = pipelineEndpoint(region)
    if (known === undefined) {
      throw new InputError(
        'region',
        `${region} has no known CodeArts Pipeline endpoint (known: ${KNOWN_REGIONS.join(', ')}); set endpoint to its API URL`
      )
    }
    endpoint = known
  }
  const iamInput = read('iam-endpoint')
  const iam = iamInput === '' ? iamEndpoint(region) : parseBaseUrl('iam-endpoint', iamInput)
  sameRegion('endpoint', endpoint, region)
  sameRegion('iam-endpoint', iam, region)
  const projectId = read('project-id')
  if (projectId === '') {
    throw new InputError('project-id', 'is required; give the CodeArts project ID (32 hexadecimal characters, in the project URL)')
  }
  requireHex32('project-id', projectId, 'CodeArts project ID (it is in the project URL; it is not the IAM project ID)')
  const auth = readAuth(read)
  if (auth.kind === 'aksk' && auth.iamProjectId?.toLowerCase() === projectId.toLowerCase()) {
    throw new InputError('project-id', `is the same ID as iam-project-id, and the two are never equal. ${PROJECT_IDS}`)
  }
  return { provider: 'codearts', region, endpoint, iamEndpoint: iam, projectId, auth }
}

/**
 * A Huawei Cloud host names its region (`cloudpipeline-ext.cn-north-4.myhuaweicloud.com`). One of
 * another region than `region` is a mistake that the service would only report as a refused token
 * or signature (both are scoped to a region), so it is said here, before anything is sent.
 */
function sameRegion(input: 'endpoint' | 'iam-endpoint', url: string, region: string): void {
  const named = /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.myhuaweicloud\.com$/.exec(new URL(url).hostname)?.[1]
  if (named !== undefined && named !== region) {
    throw new InputError(
      input,
      `${shown(url)} is in region ${named}, but region is ${region}; set region: ${named}, or use the ${input} of ${region} ` +
        '(tokens, signatures and pipelines belong to one region)'
    )
  }
}

const TOKEN = { name: 'token', inputs: ['token'] }
const PASSWORD = { name: 'username/password/domain', inputs: ['username', 'password', 'domain'] }

function readAuth(read: InputReader): CodeArtsAuth {
  const group = chooseCredentials(
    read,
    [ACCESS_KEY, TOKEN, PASSWORD],
    'set access-key and secret-key (recommended), or token, or username, password and domain'
  )
  const iamProjectId = read('iam-project-id')
  if (iamProjectId !== '') {
    requireHex32('iam-project-id', iamProjectId, 'IAM project ID (My Credentials → API Credentials, the project of your region)')
    if (group !== ACCESS_KEY) throw new InputError('iam-project-id', 'is only used with access-key and secret-key; remove it')
  }
  if (group === TOKEN) return { kind: 'token', token: read('token') }
  if (group === PASSWORD) {
    requireTogether(read, PASSWORD.inputs)
    return { kind: 'password', username: read('username'), password: read('password'), domain: read('domain') }
  }
  return { kind: 'aksk', ...readAccessKey(read), ...(iamProjectId !== '' && { iamProjectId }) }
}

function requireHex32(input: string, value: string, what: string): void {
  if (!HEX32.test(value)) throw new InputError(input, `${shown(value)} is not a ${what}: expected 32 hexadecimal characters`)
}
