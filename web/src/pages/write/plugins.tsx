// The editor's elements: exactly what the server keeps (docs/content.md), each with its toolbar
// command and keyboard shortcut, in one place.
import { toggleBulletedList, toggleNumberedList } from '@platejs/list-classic';
import { ListPlugin } from '@platejs/list-classic/react';
import {
  BlockquotePlugin,
  BoldPlugin,
  H2Plugin,
  H3Plugin,
  H4Plugin,
  HorizontalRulePlugin,
  ItalicPlugin,
} from '@platejs/basic-nodes/react';
import type { TElement } from 'platejs';
import { createPlatePlugin, ParagraphPlugin, PlateElement, type PlateEditor, type PlateElementProps } from 'platejs/react';
import { safeUrl } from './sceneHtml';

/** Paragraphs are <p> for screen readers and the scene's typography (Plate's default is a div). */
function Paragraph(props: PlateElementProps) {
  return (
    <PlateElement {...props} as="p">
      {props.children}
    </PlateElement>
  );
}

function HorizontalRule(props: PlateElementProps) {
  return (
    <PlateElement {...props}>
      <div contentEditable={false}>
        <hr />
      </div>
      {props.children}
    </PlateElement>
  );
}

function Link(props: PlateElementProps<TElement & { url?: string }>) {
  return (
    <PlateElement {...props} as="a" attributes={{ ...props.attributes, href: safeUrl(props.element.url) ?? undefined }}>
      {props.children}
    </PlateElement>
  );
}

/** Links: inline, http(s) only (the server drops any other address). */
export const LinkPlugin = createPlatePlugin({
  key: 'a',
  node: { isElement: true, isInline: true, component: Link },
  parsers: {
    html: {
      deserializer: {
        rules: [{ validNodeName: 'A' }],
        parse: ({ element }) => ({ type: 'a', url: element.getAttribute('href') ?? '' }),
      },
    },
  },
});

const block = (type: string) => (editor: PlateEditor) => editor.tf.toggleBlock(type);

/**
 * Every block shortcut, shown on the buttons and bound in the editor from this one list. None uses
 * Ctrl+Alt: on Windows and Linux that is AltGr, which types @, €, {, ² and more on most European layouts.
 */
export const SHORTCUTS = {
  h2: 'Ctrl+Shift+2',
  h3: 'Ctrl+Shift+3',
  h4: 'Ctrl+Shift+4',
  ol: 'Ctrl+Shift+7',
  ul: 'Ctrl+Shift+8',
  blockquote: 'Ctrl+Shift+9',
} as const;

/** "Ctrl+Shift+2" as Plate's hotkeys write it ("mod" is Ctrl, or ⌘ on a Mac). */
const keys = (shortcut: string) => shortcut.toLowerCase().replace('ctrl', 'mod');

export const EDITOR_PLUGINS = [
  ParagraphPlugin.withComponent(Paragraph),
  H2Plugin.configure({ shortcuts: { toggleH2: { keys: keys(SHORTCUTS.h2), handler: ({ editor }) => block('h2')(editor) } } }),
  H3Plugin.configure({ shortcuts: { toggleH3: { keys: keys(SHORTCUTS.h3), handler: ({ editor }) => block('h3')(editor) } } }),
  H4Plugin.configure({ shortcuts: { toggleH4: { keys: keys(SHORTCUTS.h4), handler: ({ editor }) => block('h4')(editor) } } }),
  BlockquotePlugin.configure({
    shortcuts: { toggleQuote: { keys: keys(SHORTCUTS.blockquote), handler: ({ editor }) => block('blockquote')(editor) } },
  }),
  HorizontalRulePlugin.withComponent(HorizontalRule),
  BoldPlugin,
  ItalicPlugin,
  ListPlugin.configure({
    shortcuts: {
      bulleted: { keys: keys(SHORTCUTS.ul), handler: ({ editor }) => toggleBulletedList(editor) },
      numbered: { keys: keys(SHORTCUTS.ol), handler: ({ editor }) => toggleNumberedList(editor) },
    },
  }),
  LinkPlugin,
];

export interface Command {
  id: string;
  label: string;
  /** Shown on the button and read with its name. */
  shortcut?: string;
  run(editor: PlateEditor): void;
  isActive(editor: PlateEditor): boolean;
}

const blockActive = (type: string) => (editor: PlateEditor) =>
  !!editor.selection && editor.api.some({ match: { type } });
const markActive = (mark: 'bold' | 'italic') => (editor: PlateEditor) =>
  !!editor.selection && editor.api.hasMark(mark);

export const COMMANDS: Command[] = [
  { id: 'bold', label: 'Bold', shortcut: 'Ctrl+B', run: (e) => e.tf.toggleMark('bold'), isActive: markActive('bold') },
  { id: 'italic', label: 'Italic', shortcut: 'Ctrl+I', run: (e) => e.tf.toggleMark('italic'), isActive: markActive('italic') },
  { id: 'h2', label: 'Heading', shortcut: SHORTCUTS.h2, run: block('h2'), isActive: blockActive('h2') },
  { id: 'h3', label: 'Subheading', shortcut: SHORTCUTS.h3, run: block('h3'), isActive: blockActive('h3') },
  { id: 'h4', label: 'Minor heading', shortcut: SHORTCUTS.h4, run: block('h4'), isActive: blockActive('h4') },
  { id: 'blockquote', label: 'Quote', shortcut: SHORTCUTS.blockquote, run: block('blockquote'), isActive: blockActive('blockquote') },
  { id: 'ul', label: 'Bulleted list', shortcut: SHORTCUTS.ul, run: (e) => toggleBulletedList(e), isActive: blockActive('ul') },
  { id: 'ol', label: 'Numbered list', shortcut: SHORTCUTS.ol, run: (e) => toggleNumberedList(e), isActive: blockActive('ol') },
  {
    id: 'hr',
    label: 'Scene break',
    run: (e) => {
      e.tf.insertNodes([{ type: 'hr', children: [{ text: '' }] }, { type: 'p', children: [{ text: '' }] }], { select: true });
    },
    isActive: () => false,
  },
];

/** Wraps the selection in a link, or (on a link) removes it. */
export function setLink(editor: PlateEditor, url: string | null) {
  if (url === null) {
    editor.tf.unwrapNodes({ match: { type: 'a' }, split: true });
    return;
  }
  if (!editor.selection) return;
  if (editor.api.isCollapsed()) {
    editor.tf.insertNodes({ type: 'a', url, children: [{ text: url }] });
  } else {
    editor.tf.unwrapNodes({ match: { type: 'a' }, split: true });
    editor.tf.wrapNodes({ type: 'a', url, children: [] }, { split: true });
  }
}

export const isInLink = (editor: PlateEditor) => !!editor.selection && editor.api.some({ match: { type: 'a' } });
