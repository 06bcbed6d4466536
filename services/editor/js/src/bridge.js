// What the editor service's JVM calls: yjs's own update algebra (merge, diff, state vectors) on
// encoded updates, so the server never needs a Y.Doc per open document. Bundled by build.mjs.
import * as Y from 'yjs'

// In: a Java ByteBuffer (host buffer access). Out: an ArrayBuffer of exactly the bytes, which Java reads
// as one interop buffer (Value.readBuffer) instead of element by element.
const bytes = (buffer) => new Uint8Array(buffer)
const out = (u8) => u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer

// slate-yjs's mapping (what @platejs/yjs binds to): an element is an XmlText whose attributes are the
// element's properties and whose delta holds its children; a text leaf is a string insert with marks.
function plate (xmlText) {
  const children = xmlText.toDelta().map((op) => op.insert instanceof Y.XmlText
    ? plate(op.insert)
    : { ...(op.attributes ?? {}), text: op.insert })
  return { ...xmlText.getAttributes(), children }
}

// The inverse, as slate-yjs's slateNodesToInsertDelta: children to an XmlText delta.
function delta (children) {
  return children.map((node) => {
    if (typeof node.text === 'string') {
      const { text, ...marks } = node
      return Object.keys(marks).length ? { insert: text, attributes: marks } : { insert: text }
    }
    const { children: inner = [], ...attributes } = node
    const element = new Y.XmlText()
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
    element.applyDelta(delta(inner), { sanitize: false })
    return { insert: element }
  })
}

globalThis.yjsBridge = {
  version: '13.6.33',
  /** Throws when the bytes are not a yjs update (v1), so garbage never reaches the log. */
  check (update) {
    Y.decodeUpdate(bytes(update))
  },
  merge (updates) {
    const list = []
    for (let i = 0; i < updates.length; i++) list.push(bytes(updates[i]))
    return out(Y.mergeUpdates(list))
  },
  stateVector (update) {
    return out(Y.encodeStateVectorFromUpdate(bytes(update)))
  },
  diff (update, stateVector) {
    return out(Y.diffUpdate(bytes(update), bytes(stateVector)))
  },
  /**
   * The document an update encodes, as JSON: each root type by name. A root of a fresh Y.Doc is untyped
   * until asked for; the editor's is Plate's ('content', an XmlText: slate-yjs), given as Plate's value
   * (elements with their attributes and children, text leaves with their marks); a root holding only
   * keys is given as a map.
   */
  json (update) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, bytes(update))
    const out = {}
    for (const name of Array.from(doc.share.keys())) {
      const type = doc.share.get(name)
      if (type._start === null && type._map.size > 0) {
        out[name] = doc.getMap(name).toJSON()
      } else {
        out[name] = plate(doc.get(name, Y.XmlText)).children
      }
    }
    doc.destroy()
    return JSON.stringify(out)
  },
  /**
   * The update that makes the document's Plate value ('content') the given one (a JSON array of
   * nodes), as one change by a server-side peer. Only the blocks that differ are replaced: the
   * unchanged ones at the start and the end stay the same yjs items, so what a client types in them
   * at that moment survives; text typed inside a replaced block goes with it.
   */
  replace (update, valueJson) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, bytes(update))
    const before = Y.encodeStateVector(doc)
    const root = doc.get('content', Y.XmlText)
    const next = JSON.parse(valueJson)
    const ops = root.toDelta()
    const current = ops.map((op) => op.insert instanceof Y.XmlText ? plate(op.insert) : { ...(op.attributes ?? {}), text: op.insert })
    const lengths = ops.map((op) => op.insert instanceof Y.XmlText ? 1 : op.insert.length)
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
    let start = 0
    while (start < current.length && start < next.length && same(current[start], next[start])) start++
    let end = 0
    while (end < current.length - start && end < next.length - start &&
      same(current[current.length - 1 - end], next[next.length - 1 - end])) end++
    let from = 0
    for (let i = 0; i < start; i++) from += lengths[i]
    let removed = 0
    for (let i = start; i < current.length - end; i++) removed += lengths[i]
    const inserted = next.slice(start, next.length - end)
    if (removed === 0 && inserted.length === 0) {
      doc.destroy()
      return new ArrayBuffer(0)
    }
    {
      doc.transact(() => {
        if (removed > 0) root.delete(from, removed)
        if (inserted.length > 0) root.applyDelta([...(from > 0 ? [{ retain: from }] : []), ...delta(inserted)], { sanitize: false })
      })
    }
    const change = Y.encodeStateAsUpdate(doc, before)
    doc.destroy()
    return out(change)
  },
  /** The update a fresh Y.Doc holding this update encodes itself as: compaction must not change it. */
  canonical (update) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, bytes(update))
    const encoded = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    return out(encoded)
  }
}
