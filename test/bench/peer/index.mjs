// A peer at its smallest, built the way JavaScript actions usually are: @actions/core to read an
// input and set an output, Node's fetch for one request, bundled with ncc. A peer that polls a
// pipeline does at least this before its first request, so the action starting no later than this
// meets issue 14's "first request no later than the fastest peer" (test/bench/process.ts).

import * as core from '@actions/core'

const answer = await fetch(core.getInput('endpoint'))
core.setOutput('status', String(answer.status))
