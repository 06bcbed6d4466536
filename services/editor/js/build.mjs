// Bundles src/bridge.js and the yjs it imports (from node_modules, pinned by package-lock.json) into
// one script for GraalJS, written into the module's build output: nothing is fetched at run time.
import { build } from 'esbuild'

const out = process.argv[2] ?? '../target/generated-resources/yjs/com/authorworks/editor/internal/yjs/yjs-bridge.js'
await build({
  entryPoints: ['src/bridge.js'],
  bundle: true,
  format: 'iife',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  // GraalJS has no Web Crypto: lib0 draws client ids for new Y.Docs from it. The server's docs are
  // scratch ones (they read updates, never author any), so Math.random is enough for them.
  banner: { js: 'globalThis.crypto ??= { getRandomValues: (a) => { for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 256); return a } };' },
  outfile: out,
  logLevel: 'warning'
})
