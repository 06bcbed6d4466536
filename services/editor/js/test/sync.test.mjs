// Real yjs clients (npm yjs + y-websocket) against the editor service's Java server. Started by
// SyncWithRealClientsIntegrationTests, which gives the server's address, one scene per case and tickets
// for them in EDITOR_CASES, and restarts the server when asked (files in EDITOR_OUT).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const server = process.env.EDITOR_WS
const cases = JSON.parse(process.env.EDITOR_CASES)
const out = process.env.EDITOR_OUT
const seed = Number(process.env.EDITOR_SEED ?? 1)

// a seeded generator, so a failing run can be replayed (EDITOR_SEED)
let state = seed >>> 0
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0
  return state / 2 ** 32
}
const pick = (n) => Math.floor(random() * n)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const clients = []
function client (doc, ticket, name) {
  const ydoc = new Y.Doc()
  const provider = new WebsocketProvider(server, doc, ydoc, {
    WebSocketPolyfill: WebSocket, params: { ticket }, disableBc: true, maxBackoffTime: 500
  })
  provider.awareness.setLocalStateField('user', { name })
  // a root of its own: 'content' (Plate's) is seeded from the scene, and these cases count characters
  const c = { ydoc, provider, text: ydoc.getText('t'), content: ydoc.get('content', Y.XmlText), name }
  clients.push(c)
  return c
}

async function until (what, check, ms = 30000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what)
    await sleep(20)
  }
}

const synced = (c) => until(c.name + ' synced', () => c.provider.synced)
const converged = (list) => until('convergence of ' + list.map((c) => c.name).join(', '), () =>
  list.every((c) => c.text.toString() === list[0].text.toString() &&
    Buffer.from(Y.encodeStateVector(c.ydoc)).equals(Buffer.from(Y.encodeStateVector(list[0].ydoc)))))
const close = (list) => list.forEach((c) => { c.provider.destroy(); c.ydoc.destroy() })

function randomEdit (c, round) {
  const length = c.text.length
  if (length > 0 && random() < 0.3) {
    const at = pick(length)
    c.text.delete(at, Math.min(1 + pick(3), length - at))
  } else {
    c.text.insert(pick(length + 1), `${c.name}${round} `)
  }
}

test('five clients editing at random at the same time converge, and a late joiner gets the whole document', async () => {
  const { doc, write } = cases.converge
  const five = [1, 2, 3, 4, 5].map((i) => client(doc, write, 'c' + i))
  await Promise.all(five.map(synced))
  for (let round = 0; round < 40; round++) {
    for (const c of five) {
      if (random() < 0.8) randomEdit(c, round)
    }
    await sleep(pick(15))
  }
  await converged(five)
  assert.ok(five[0].text.length > 0)

  const late = client(doc, write, 'late')
  await synced(late)
  await converged([...five, late])
  assert.equal(late.text.toString(), five[0].text.toString())
  // what a fresh Y.Doc holding the document encodes itself as: the server's compacted state must match it byte for byte
  writeFileSync(join(out, 'converge.bin'), Y.encodeStateAsUpdate(late.ydoc))
  close([...five, late])
})

test('awareness is relayed to the others and a peer that leaves disappears from it', async () => {
  const { doc, write } = cases.awareness
  const a = client(doc, write, 'ada')
  const b = client(doc, write, 'bo')
  await Promise.all([synced(a), synced(b)])
  await until('bo sees ada', () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'ada'))
  const late = client(doc, write, 'cy')
  await synced(late)
  await until('the late joiner sees ada and bo', () => {
    const names = [...late.provider.awareness.getStates().values()].map((s) => s.user?.name)
    return names.includes('ada') && names.includes('bo')
  })
  const adaId = a.ydoc.clientID
  // a dropped connection, not a goodbye: the server must tell the others
  a.provider.ws.terminate()
  a.provider.shouldConnect = false
  await until('ada is gone for bo', () => !b.provider.awareness.getStates().has(adaId), 10000)
  close([a, b, late])
})

test('two clients editing offline converge when they reconnect', async () => {
  const { doc, write } = cases.offline
  const a = client(doc, write, 'a')
  const b = client(doc, write, 'b')
  await Promise.all([synced(a), synced(b)])
  a.text.insert(0, 'The tide came in. ')
  await converged([a, b])
  a.provider.disconnect()
  b.provider.disconnect()
  a.text.insert(a.text.length, 'Ada ran for the dunes. ')
  b.text.insert(0, 'Night. ')
  b.text.delete(b.text.length - 5, 4)
  assert.notEqual(a.text.toString(), b.text.toString())
  a.provider.connect()
  b.provider.connect()
  await Promise.all([synced(a), synced(b)])
  await converged([a, b])
  assert.match(a.text.toString(), /Ada ran for the dunes/)
  assert.match(a.text.toString(), /^Night\. /)
  close([a, b])
  const fresh = client(doc, write, 'fresh')
  await synced(fresh)
  await until('the server kept both offline edits', () => fresh.text.toString() === a.text.toString())
  close([fresh])
})

test('a server restart in the middle of a session loses nothing', async () => {
  const { doc, write } = cases.restart
  const a = client(doc, write, 'a')
  const b = client(doc, write, 'b')
  await Promise.all([synced(a), synced(b)])
  for (let i = 0; i < 20; i++) (i % 2 ? a : b).text.insert(0, `before${i} `)
  await converged([a, b])
  writeFileSync(join(out, 'restart.request'), '')
  await until('the server to go down', () => !a.provider.wsconnected && !b.provider.wsconnected, 60000)
  // the clients stay away until the test has read the restarted server's document: what it holds then
  // came from its log, not from the clients re-sending their state
  a.provider.disconnect()
  b.provider.disconnect()
  a.text.insert(0, 'while-down-a ')
  b.text.insert(b.text.length, 'while-down-b ')
  await until('the server to come back', () => existsSync(join(out, 'restart.done')), 120000)
  a.provider.connect()
  b.provider.connect()
  await until('a and b to reconnect', () => a.provider.synced && b.provider.synced && a.provider.wsconnected && b.provider.wsconnected, 60000)
  await converged([a, b])
  for (let i = 0; i < 10; i++) a.text.insert(a.text.length, `after${i} `)
  await converged([a, b])
  const expected = a.text.toString()
  close([a, b])
  const fresh = client(doc, write, 'fresh')
  await synced(fresh)
  await until('a fresh client to hold everything', () => fresh.text.toString() === expected)
  for (const word of ['before0', 'before19', 'while-down-a', 'while-down-b', 'after9']) assert.ok(expected.includes(word), word)
  close([fresh])
})

test("a reader's edits are refused by the server, not only hidden", async () => {
  const { doc, write, read } = cases.viewer
  const owner = client(doc, write, 'owner')
  const reader = client(doc, read, 'reader')
  await Promise.all([synced(owner), synced(reader)])
  owner.text.insert(0, 'Owner wrote this. ')
  await until('the reader sees the owner', () => reader.text.toString() === 'Owner wrote this. ')
  reader.text.insert(0, 'VANDAL ')
  owner.text.insert(owner.text.length, 'And this. ')
  // the reader's edit went first on its socket: when the owner's later edit has reached the reader,
  // the server has already read (and refused) the reader's
  await until('the reader sees the later edit', () => reader.text.toString().includes('And this.'))
  await sleep(200)
  assert.equal(owner.text.toString(), 'Owner wrote this. And this. ')
  close([owner, reader])
  const fresh = client(doc, write, 'fresh')
  await synced(fresh)
  assert.equal(fresh.text.toString(), 'Owner wrote this. And this. ')
  close([fresh])
})

const plain = (xmlText) => xmlText.toDelta().map((op) => op.insert instanceof Y.XmlText ? plain(op.insert) + '\n' : op.insert).join('')

async function api (method, path, token, body) {
  const response = await fetch(process.env.EDITOR_HTTP + path, {
    method,
    headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  return { status: response.status, body: await response.json() }
}

test("the shared document starts as the scene's text, is written back to content, and a save outside the editor replaces it for everyone", async () => {
  const { doc, write, token } = cases.link
  const a = client(doc, write, 'a')
  const b = client(doc, write, 'b')
  await Promise.all([synced(a), synced(b)])
  assert.equal(plain(a.content), 'Once upon a time.\n')
  const paragraph = a.content.toDelta()[0].insert
  assert.equal(paragraph.getAttribute('type'), 'p')
  paragraph.insert(paragraph.length, ' The end.', { bold: true })
  await until('b sees the edit', () => plain(b.content) === 'Once upon a time. The end.\n')

  let saved
  const deadline = Date.now() + 30000
  while (true) {
    saved = await api('GET', '/api/v1/editor/document/' + doc, token)
    if (saved.body.contentVersion > 1) break
    if (Date.now() > deadline) throw new Error('the edit was not written back: ' + JSON.stringify(saved.body))
    await sleep(100)
  }
  assert.equal(saved.body.html, '<p>Once upon a time.<strong> The end.</strong></p>')
  assert.match(saved.body.markdown, /Once upon a time\.\*\* The end\.\*\*/)

  const conflict = await api('PUT', '/api/v1/editor/document/' + doc, token, { html: '<p>Stale</p>', baseVersion: 1 })
  assert.equal(conflict.status, 409)
  assert.equal(conflict.body.code, 'edit-conflict')
  const put = await api('PUT', '/api/v1/editor/document/' + doc, token,
    { html: '<h2>Later</h2><p>Rewritten outside.</p>', baseVersion: saved.body.contentVersion })
  assert.equal(put.status, 200, JSON.stringify(put.body))
  await until('both see the text saved outside the editor', () =>
    plain(a.content) === 'Later\nRewritten outside.\n' && plain(b.content) === plain(a.content))
  close([a, b])
})
