import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useEditorRef, useEditorSelector } from 'platejs/react';
import { ASSIST_ACTIONS, type AssistAction } from '../../api/editing';
import { COMMANDS, isInLink, setLink } from './plugins';
import { safeUrl } from './sceneHtml';

const GLYPHS: Record<string, string> = {
  bold: 'B',
  italic: 'I',
  h2: 'H2',
  h3: 'H3',
  h4: 'H4',
  blockquote: '❝',
  ul: '•',
  ol: '1.',
  hr: '—',
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+B" as this computer says it, and as aria-keyshortcuts wants it. */
export function shortcutLabel(shortcut: string): string {
  return isMac ? shortcut.replace('Ctrl+', '⌘').replace('Alt+', '⌥') : shortcut;
}
const ariaShortcut = (shortcut: string) => shortcut.replace('Ctrl', isMac ? 'Meta' : 'Control').replace('.', 'Period');

/**
 * A toolbar is one stop for the Tab key; the arrow keys (and Home/End) move between its buttons
 * (the WAI-ARIA toolbar pattern).
 */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0 || buttons.length === 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
  buttons[next].focus();
}

/** Formatting and AI assist, each a labelled button; the editor keeps its selection. */
export function Toolbar({ onAssist, assistBusy }: { onAssist: (action: AssistAction) => void; assistBusy: boolean }) {
  const editor = useEditorRef();
  const active = useEditorSelector((e) => COMMANDS.filter((c) => c.isActive(e)).map((c) => c.id).join(' '), []);
  const inLink = useEditorSelector((e) => isInLink(e), []);
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const [urlError, setUrlError] = useState('');

  // focus first: the editor takes its selection back before the command changes the nodes under it
  const run = (command: (typeof COMMANDS)[number]) => {
    editor.tf.focus();
    command.run(editor);
  };

  const addLink = (event: FormEvent) => {
    event.preventDefault();
    const href = safeUrl(url);
    if (!href) {
      setUrlError('Enter a web address that starts with https:// or http://');
      return;
    }
    setLinking(false);
    setUrlError('');
    editor.tf.focus();
    setLink(editor, href);
  };

  return (
    <div className="editor-toolbar">
      <div role="toolbar" aria-label="Formatting" className="toolbar-group" onKeyDown={moveFocus}>
        {COMMANDS.map((c, i) => (
          <button
            key={c.id}
            type="button"
            tabIndex={i === 0 ? 0 : -1}
            className="tool"
            aria-label={c.label}
            aria-pressed={c.id === 'hr' ? undefined : active.split(' ').includes(c.id)}
            aria-keyshortcuts={c.shortcut ? ariaShortcut(c.shortcut) : undefined}
            title={c.shortcut ? `${c.label} (${shortcutLabel(c.shortcut)})` : c.label}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(c)}
          >
            <span aria-hidden="true" className={`glyph glyph-${c.id}`}>
              {GLYPHS[c.id]}
            </span>
          </button>
        ))}
        <button
          type="button"
          tabIndex={-1}
          className="tool tool-text"
          aria-expanded={inLink ? undefined : linking}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (inLink) {
              editor.tf.focus();
              setLink(editor, null);
            } else {
              setLinking(!linking);
            }
          }}
        >
          {inLink ? 'Remove link' : 'Link'}
        </button>
      </div>
      <div role="toolbar" aria-label="AI assist" className="toolbar-group assist-tools" onKeyDown={moveFocus}>
        {ASSIST_ACTIONS.map((a, i) => (
          <button
            key={a.value}
            type="button"
            tabIndex={i === 0 ? 0 : -1}
            className="tool tool-text"
            title={a.hint}
            disabled={assistBusy}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onAssist(a.value)}
          >
            {a.label}
          </button>
        ))}
      </div>
      {linking && !inLink && (
        <form className="link-form" onSubmit={addLink} noValidate>
          <label htmlFor="link-url">Link to (web address)</label>
          <input
            id="link-url"
            type="url"
            value={url}
            autoFocus
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? 'link-url-error' : undefined}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button button-small">
            Add link
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setLinking(false)}>
            Cancel
          </button>
          {urlError && (
            <p className="field-error" id="link-url-error">
              {urlError}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** Every shortcut, for writers who want to keep their hands on the keys. */
export function ShortcutList() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {COMMANDS.filter((c) => c.shortcut).map((c) => (
          <div key={c.id}>
            <dt>{c.label}</dt>
            <dd>
              <kbd>{shortcutLabel(c.shortcut!)}</kbd>
            </dd>
          </div>
        ))}
        <div>
          <dt>Undo / redo</dt>
          <dd>
            <kbd>{shortcutLabel('Ctrl+Z')}</kbd> / <kbd>{shortcutLabel('Ctrl+Shift+Z')}</kbd>
          </dd>
        </div>
      </dl>
    </details>
  );
}
