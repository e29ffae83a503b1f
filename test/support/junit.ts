// Validates a JUnit XML text against the two public schemas in test/fixtures/junit/ with xmllint
// (libxml2 compiled to WebAssembly, a pinned development dependency: no system package needed).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'

const DIR = join(import.meta.dirname, '../fixtures/junit')
export const JUNIT_SCHEMAS = ['jenkins-junit-10.xsd', 'ant-junit.xsd'] as const

/**
 * The schema errors of each report against each schema; empty when all validate against both.
 * (One call per schema for all the reports: each call starts xmllint afresh.)
 */
export async function junitSchemaErrors(...reports: string[]): Promise<string[]> {
  const errors: string[] = []
  for (const name of JUNIT_SCHEMAS) {
    const result = await validateXML({
      xml: reports.map((contents, i) => ({ fileName: `report-${i}.xml`, contents })),
      schema: [{ fileName: name, contents: readFileSync(join(DIR, name), 'utf8') }]
    })
    if (!result.valid) errors.push(...result.errors.map((e) => `${name}: ${e.rawMessage}`))
  }
  return errors
}
