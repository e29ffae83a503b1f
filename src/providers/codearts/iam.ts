// The two IAM calls the action needs (docs/codearts.md, "Signing in"): a region-scoped token from a
// password, and the IAM project ID of a region for AK/SK requests.

import { MalformedResponseError, PreconditionError } from '../../errors.js'
import { type Channel, call } from '../../net/channel.js'
import { arr, obj, str } from '../../net/json.js'
import { type Authenticator, PROJECT_IDS } from './call.js'

export interface IamToken {
  token: string
  expiresAt?: Date
  /** The IAM project the token is scoped to (`token.project.id`). */
  projectId?: string
}

/**
 * IAM has just named the region's IAM project: if that is the ID given as the CodeArts project, the
 * two IDs were mixed up, which the pipeline service would only report as an unknown project.
 */
export function refuseMixedProjects(codeartsProjectId: string, iamProjectId: string, region: string): void {
  if (codeartsProjectId.toLowerCase() !== iamProjectId.toLowerCase()) return
  throw new PreconditionError(
    "checking 'project-id'",
    `${codeartsProjectId} is the IAM project ID of region ${region}, not a CodeArts project ID. ${PROJECT_IDS}`
  )
}

export async function passwordToken(
  channel: Channel,
  iamEndpoint: string,
  region: string,
  user: { username: string; password: string; domain: string }
): Promise<IamToken> {
  const action = `signing in to IAM as ${user.domain}/${user.username}`
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: user.username, password: user.password, domain: { name: user.domain } } }
      },
      // CodeArts wants a project-scoped (region) token; an account-wide token is refused.
      scope: { project: { name: region } }
    }
  }
  const result = await call(
    channel,
    {
      method: 'POST',
      url: new URL(`${iamEndpoint}/v3/auth/tokens?nocatalog=true`),
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      idempotent: true,
      action
    },
    undefined
  )
  const token = result.headers['x-subject-token'] ?? ''
  if (token === '') throw new MalformedResponseError(action, 'no X-Subject-Token header')
  const scoped = obj(obj(result.body)['token'])
  const expires = Date.parse(str(scoped['expires_at']))
  const projectId = str(obj(scoped['project'])['id'])
  return { token, ...(!Number.isNaN(expires) && { expiresAt: new Date(expires) }), ...(projectId !== '' && { projectId }) }
}

/** `GET /v3/projects?name=<region>`, signed with the caller's AK/SK. */
export async function regionProjectId(channel: Channel, iamEndpoint: string, region: string, signer: Authenticator): Promise<string> {
  const action = `looking up the IAM project of region ${region}`
  const url = new URL(`${iamEndpoint}/v3/projects`)
  url.searchParams.set('name', region)
  const result = await call(
    channel,
    { method: 'GET', url, headers: { 'Content-Type': 'application/json' }, idempotent: true, action },
    signer.authorize
  )
  const match = arr(obj(result.body)['projects'])
    .map(obj)
    .find((p) => str(p['name']) === region)
  const id = str(match?.['id'])
  // IAM project IDs are 32 hexadecimal characters; this one goes into every signed request's headers.
  if (id !== '' && !/^[0-9a-fA-F]{32}$/.test(id))
    throw new MalformedResponseError(action, 'the project ID is not 32 hexadecimal characters')
  if (id === '') {
    throw new PreconditionError(action, `the account has no IAM project named ${region}; set iam-project-id`)
  }
  return id
}
