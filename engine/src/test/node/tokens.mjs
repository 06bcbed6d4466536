// Reads a JSON array of Fountain texts on stdin; writes, for each, the element types and texts fountain-js gives
// (its dialogue-begin/end and spacing markers left out). ScriptChecksFountainTests compares them with ScriptChecks.
import { Fountain } from 'fountain-js';

const MARKERS = new Set(['dialogue_begin', 'dialogue_end', 'dual_dialogue_begin', 'dual_dialogue_end', 'spaces']);
let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const parser = new Fountain();
const out = JSON.parse(input).map(text => parser.parse(text, true).tokens
  .filter(t => !MARKERS.has(t.type))
  .map(t => ({ type: t.type, text: t.text ?? '' })));
process.stdout.write(JSON.stringify(out));
