import { createPlateEditor } from 'platejs/react';
import { describe, expect, it } from 'vitest';
import { EDITOR_PLUGINS, setLink } from './plugins';
import { nodesToText, textToParagraphs, valueToHtml } from './sceneHtml';

/** What the editor saves after loading this HTML (the round trip a writer's text takes). */
function roundTrip(html: string): string {
  const editor = createPlateEditor({ plugins: EDITOR_PLUGINS, value: html, shouldNormalizeEditor: true });
  return valueToHtml(editor.children);
}

describe('Scene text between the server and the editor', () => {
  it('keeps every element the server keeps, unchanged', () => {
    const html =
      '<h2>The Storm</h2><h3>Night</h3><h4>Later</h4>' +
      '<p>One <em>two</em> <strong>three</strong> <strong><em>four</em></strong><br />five</p>' +
      '<blockquote><p>Said once.</p></blockquote>' +
      '<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol><hr />' +
      '<p>See <a href="https://example.com/map">the map</a> &amp; &lt;not a tag&gt;</p>';
    expect(roundTrip(html)).toBe(html);
  });

  it('keeps quoted paragraphs and nested lists', () => {
    expect(roundTrip('<blockquote><p>q1</p><p>q2</p></blockquote>')).toBe('<blockquote><p>q1</p><p>q2</p></blockquote>');
    expect(roundTrip('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>')).toBe('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>');
  });

  it('saves what the server would drop as plain paragraphs and text', () => {
    expect(roundTrip('<p><u>under</u> <code>x</code> <a href="javascript:alert(1)">bad</a></p>')).toBe('<p>under x bad</p>');
    // a quote's bare text becomes a quoted paragraph: the server keeps both forms
    expect(roundTrip('<blockquote>Said once.</blockquote>')).toBe('<blockquote><p>Said once.</p></blockquote>');
  });

  it('turns the server’s empty scene into one empty paragraph and back', () => {
    expect(roundTrip('')).toBe('<p></p>');
  });

  it('wraps a selection in a link and removes it again', () => {
    const editor = createPlateEditor({ plugins: EDITOR_PLUGINS, value: '<p>the old map</p>' });
    editor.tf.select({ anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 7 } });
    setLink(editor, 'https://example.com/');
    expect(valueToHtml(editor.children)).toBe('<p>the <a href="https://example.com/">old</a> map</p>');
    setLink(editor, null);
    expect(valueToHtml(editor.children)).toBe('<p>the old map</p>');
  });

  it('reads blocks as plain text and plain text as paragraphs', () => {
    const editor = createPlateEditor({ plugins: EDITOR_PLUGINS, value: '<h2>T</h2><p>a <em>b</em></p><ul><li>c</li></ul>' });
    expect(nodesToText(editor.children)).toBe('T\n\na b\n\nc');
    expect(textToParagraphs('One.\r\n\r\nTwo\nlines.\n\n\n')).toEqual([
      { type: 'p', children: [{ text: 'One.' }] },
      { type: 'p', children: [{ text: 'Two\nlines.' }] },
    ]);
  });
});
