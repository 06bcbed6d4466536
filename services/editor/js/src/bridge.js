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
  /** The update a fresh Y.Doc holding this update encodes itself as: compaction must not change it. */
  canonical (update) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, bytes(update))
    const encoded = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    return out(encoded)
  }
}
