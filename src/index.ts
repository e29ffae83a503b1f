// Entry point of dist/index.js, for both the main and the post step: one bundle serves both, and
// the state tells them apart (as in actions/checkout).

import { actionIO } from './action/io.js'
import { actionsState, isPost, markMainStarted } from './action/state.js'
import { run } from './main.js'
import { post } from './post.js'

const io = actionIO()
if (isPost(actionsState)) {
  await post(io)
} else {
  markMainStarted(actionsState)
  await run(io)
}
