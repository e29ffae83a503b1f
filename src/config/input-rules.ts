// Rules shared by the providers' input readers: inputs that go together, exactly one way to sign in,
// inputs that belong to the other provider.

import { InputError } from '../errors.js'

export type InputReader = (name: string) => string

/** One way of signing in: its name for messages and the inputs it is made of. */
export interface CredentialGroup {
  name: string
  inputs: readonly string[]
}

/** The one group of credential inputs that is set; a clear error for none, or for several. */
export function chooseCredentials(read: InputReader, groups: readonly CredentialGroup[], advice: string): CredentialGroup {
  const given = groups.filter((g) => g.inputs.some((name) => read(name) !== ''))
  if (given.length === 0) throw new InputError(groups[0]!.inputs[0]!, `no credentials given; ${advice}`)
  if (given.length > 1) {
    throw new InputError(
      given[1]!.inputs[0]!,
      `credentials given twice (${given.map((g) => g.name).join(' and ')}); keep exactly one way to sign in`
    )
  }
  return given[0]!
}

/** All of these, or none. */
export function requireTogether(read: InputReader, names: readonly string[]): void {
  const missing = names.filter((n) => read(n) === '')
  const present = names.filter((n) => read(n) !== '')
  if (missing.length > 0 && present.length > 0) {
    throw new InputError(missing[0]!, `is missing; ${names.join(', ')} go together (${present.join(', ')} given)`)
  }
}

/** Inputs another provider uses: set with this one, they are a mistake worth saying so. */
export function forbid(read: InputReader, names: readonly string[], why: string): void {
  const set = names.find((n) => read(n) !== '')
  if (set !== undefined) throw new InputError(set, `${why}; remove it`)
}

/** Signing with an access key: the same three inputs on both services. */
export const ACCESS_KEY: CredentialGroup = { name: 'access-key/secret-key', inputs: ['access-key', 'secret-key', 'security-token'] }

/** The access key inputs, once chosen: both halves of the key, and the token of a temporary key. */
export function readAccessKey(read: InputReader): { accessKey: string; secretKey: string; securityToken?: string } {
  if (read('access-key') === '' && read('secret-key') === '') {
    throw new InputError('access-key', 'is missing; security-token goes with access-key and secret-key')
  }
  requireTogether(read, ['access-key', 'secret-key'])
  const securityToken = read('security-token')
  return { accessKey: read('access-key'), secretKey: read('secret-key'), ...(securityToken !== '' && { securityToken }) }
}
