// Lets Node run the TypeScript sources directly (`node --import ./test/ts-resolve.mjs file.ts`):
// src/ imports its siblings as `./x.js`, the compiled name, and Node's type stripping needs `./x.ts`.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context)
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context)
      throw error
    }
  }
})
