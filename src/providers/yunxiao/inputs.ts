// The Yunxiao inputs. A personal access token uses the current API (/oapi/v1), on the central
// edition (organization-id) or on a region edition's own domain (endpoint); an AccessKey pair uses
// the older `devops` 2021-06-25 API, for organizations that still sign requests that way.

import { ACCESS_KEY, chooseCredentials, forbid, type InputReader, readAccessKey } from '../../config/input-rules.js'
import { parseBaseUrl, shown } from '../../config/parse.js'
import type { YunxiaoConnection } from '../../config/settings.js'
import { InputError } from '../../errors.js'

export const CENTRAL_ENDPOINT = 'https://openapi-rdc.aliyuncs.com'
export const DEVOPS_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com'

// Yunxiao pipeline and run IDs are integers; a pasted name or URL is the usual mistake.
export function checkYunxiaoId(input: 'pipeline-ids' | 'run-ids', id: string): void {
  if (!/^[1-9]\d{0,18}$/.test(id)) {
    const what =
      input === 'pipeline-ids' ? 'Yunxiao pipeline ID (the number in the pipeline URL, flow.aliyun.com/pipelines/<ID>)' : 'Yunxiao run ID'
    throw new InputError(input, `${shown(id)} is not a ${what}: expected a whole number`)
  }
}

const TOKEN = { name: 'token', inputs: ['token'] }

export function readYunxiaoConnection(read: InputReader): YunxiaoConnection {
  forbid(
    read,
    ['project-id', 'iam-project-id', 'iam-endpoint', 'username', 'password', 'domain'],
    'is a CodeArts input and provider is yunxiao'
  )
  forbid(read, ['stages', 'jobs'], 'Yunxiao runs every stage of a pipeline; choosing stages or jobs is a CodeArts feature')
  if (/^\s*version\s*=/m.test(read('variables'))) {
    throw new InputError('variables', 'Yunxiao reserves the variable name version; choose another name')
  }
  const organizationId = read('organization-id')
  if (organizationId !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(organizationId)) {
    throw new InputError(
      'organization-id',
      `${shown(organizationId)} is not an organization ID (it is in devops.aliyun.com/organization/<ID>)`
    )
  }
  const endpointInput = read('endpoint')
  const group = chooseCredentials(
    read,
    [TOKEN, ACCESS_KEY],
    'set token to a personal access token (recommended), or access-key and secret-key'
  )

  if (group === TOKEN) {
    // Without an endpoint this is the central edition, whose paths name the organization.
    if (endpointInput === '' && organizationId === '') {
      throw new InputError(
        'organization-id',
        'is required on the central edition; give your organization ID, or set endpoint to your region edition domain'
      )
    }
    return {
      provider: 'yunxiao',
      api: 'openapi',
      endpoint: endpointInput === '' ? CENTRAL_ENDPOINT : parseBaseUrl('endpoint', endpointInput),
      ...(organizationId !== '' && { organizationId }),
      auth: { kind: 'token', token: read('token') }
    }
  }
  const key = readAccessKey(read)
  if (organizationId === '') {
    throw new InputError(
      'organization-id',
      'is required with access-key and secret-key (the devops 2021-06-25 API names the organization in every path)'
    )
  }
  return {
    provider: 'yunxiao',
    api: 'devops',
    endpoint: endpointInput === '' ? DEVOPS_ENDPOINT : parseBaseUrl('endpoint', endpointInput),
    organizationId,
    auth: {
      kind: 'aksk',
      accessKeyId: key.accessKey,
      accessKeySecret: key.secretKey,
      ...(key.securityToken && { securityToken: key.securityToken })
    }
  }
}
