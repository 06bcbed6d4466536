import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RangeApi, type RangeRef } from 'platejs';
import { Plate, PlateContent, usePlateEditor, type PlateEditor } from 'platejs/react';
import { ASSIST_ACTIONS, MAX_ASSIST_SELECTION, type AssistAction, type EditingApi, type Scene } from '../../api/editing';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SampleBadge } from '../../components/SampleBadge';
import { SceneSaver, type SaveState } from './autosave';
import { History } from './History';
import { EDITOR_PLUGINS } from './plugins';
import { nodesToText, textToParagraphs, valueToHtml } from './sceneHtml';
import { ShortcutList, Toolbar } from './Toolbar';
import { useLeaveGuard } from './useLeaveGuard';

interface Props {
  editing: EditingApi;
  bookId: string;
  chapterId: string;
  sceneId: string;
  /** The book is the sample writer's: its AI text is sample text. */
  sampleBook: boolean;
  onSaved(scene: Scene): void;
  /** Receives the editor's "save what was typed now" (the page flushes it before changing the book's text itself). */
  registerFlush?(flush: () => Promise<boolean>): void;
}

/** One scene: loads it, then hands it to the editor. */
export function SceneEditor(props: Props) {
  const { editing, bookId, chapterId, sceneId } = props;
  const [scene, setScene] = useState<Scene | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    editing
      .scene(bookId, chapterId, sceneId)
      // the editor keeps the scene it opened: a later answer for the same scene must not swap the
      // version its saves are based on under text it does not show (that would hide an edit conflict)
      .then((s) => current && setScene((shown) => (shown?.id === s.id ? shown : s)))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [editing, bookId, chapterId, sceneId]);

  if (failure) return <ErrorNotice error={failure} />;
  if (!scene) return <p role="status">Loading the scene…</p>;
  return <LoadedScene key={scene.id} {...props} scene={scene} />;
}

interface Suggestion {
  action: AssistAction;
  /** The text it replaces (empty for continue, which adds at the end). */
  original: string;
  text: string;
  state: 'streaming' | 'ready' | 'failed';
  sample: boolean;
  failure?: unknown;
}

const verb = (action: AssistAction) => ASSIST_ACTIONS.find((a) => a.value === action)!.label.toLowerCase();

function statusText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${state.message}`;
    case 'conflict':
      return 'Not saved: this scene was changed somewhere else.';
  }
}

function LoadedScene({ editing, bookId, chapterId, scene, sampleBook, onSaved, registerFlush }: Props & { scene: Scene }) {
  const editor = usePlateEditor({ plugins: EDITOR_PLUGINS, value: scene.content, shouldNormalizeEditor: true }, []);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', version: scene.version });
  const [words, setWords] = useState(scene.wordCount);
  const [version, setVersion] = useState(scene.version);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [keptText, setKeptText] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const assistRun = useRef<{ controller: AbortController; range: RangeRef | null } | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const saver = useMemo(
    () =>
      new SceneSaver(
        {
          save: (html, base) => editing.saveText(bookId, chapterId, scene.id, html, base),
          read: () => valueToHtml(editor.children),
          onState: setSaveState,
          onSaved: (saved) => {
            setWords(saved.wordCount);
            setVersion(saved.version);
            onSavedRef.current(saved);
          },
        },
        scene.version,
        valueToHtml(editor.children),
      ),
    [editing, bookId, chapterId, scene, editor],
  );

  useEffect(
    () => () => {
      // leaving the scene (another scene, another screen): what was typed is saved on the way out
      void saver.flush();
      saver.dispose();
      assistRun.current?.controller.abort();
    },
    [saver],
  );
  useLeaveGuard(saver);

  const flush = useCallback(() => saver.flush(), [saver]);
  useEffect(() => registerFlush?.(flush), [registerFlush, flush]);

  /** The editor now shows this saved scene. */
  const show = (saved: Scene) => {
    editor.tf.setValue(saved.content);
    saver.reset(saved.version, valueToHtml(editor.children));
    setWords(saved.wordCount);
    setVersion(saved.version);
    onSavedRef.current(saved);
  };

  const loadNewer = async () => {
    try {
      const newer = await editing.scene(bookId, chapterId, scene.id);
      setKeptText(nodesToText(editor.children));
      show(newer);
    } catch (e) {
      setSaveState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const ask = (action: AssistAction) => {
    setNotice(null);
    // a triple click selects a paragraph up to the start of the next one: replacing that would
    // swallow the next paragraph's break, so the range ends where the paragraph's text does
    const selection = editor.selection && editor.api.unhangRange(editor.selection);
    let original = '';
    if (action !== 'continue') {
      original = selection && !RangeApi.isCollapsed(selection) ? nodesToText(editor.api.fragment(selection)).trim() : '';
      if (!original) {
        setNotice(`Select the text you want to ${verb(action)} first, then choose “${ASSIST_ACTIONS.find((a) => a.value === action)!.label}”.`);
        return;
      }
      if (original.length > MAX_ASSIST_SELECTION) {
        setNotice(`That selection is too long for AI assist: choose at most ${MAX_ASSIST_SELECTION.toLocaleString()} characters.`);
        return;
      }
    }
    const controller = new AbortController();
    assistRun.current = { controller, range: action === 'continue' || !selection ? null : editor.api.rangeRef(selection) };
    setSuggestion({ action, original, text: '', state: 'streaming', sample: sampleBook });
    const start = action === 'continue' ? saver.flush() : Promise.resolve(true);
    start
      .then(() =>
        editing.assist(
          bookId,
          chapterId,
          scene.id,
          action === 'continue' ? { action } : { action, selection: original },
          (text) => setSuggestion((s) => (s && !controller.signal.aborted ? { ...s, text } : s)),
          controller.signal,
        ),
      )
      .then((result) => {
        if (controller.signal.aborted) return;
        setSuggestion((s) => s && { ...s, text: result.text, sample: result.sample || sampleBook, state: 'ready' });
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        setSuggestion((s) => s && { ...s, state: 'failed', failure: e });
      });
  };

  const closeSuggestion = () => {
    assistRun.current?.controller.abort();
    assistRun.current?.range?.unref();
    assistRun.current = null;
    setSuggestion(null);
  };

  const accept = () => {
    if (!suggestion) return;
    const paragraphs = textToParagraphs(suggestion.text);
    const range = assistRun.current?.range?.current ?? null;
    if (suggestion.action === 'continue') {
      insertAtEnd(editor, paragraphs);
    } else {
      if (!range || nodesToText(editor.api.fragment(range)).trim() !== suggestion.original) {
        setSuggestion({
          ...suggestion,
          state: 'failed',
          failure: new Error('The text you selected changed while the suggestion was written, so it was not replaced. Select it again and ask once more.'),
        });
        return;
      }
      editor.tf.select(range);
      if (paragraphs.length <= 1) editor.tf.insertText(paragraphs[0]?.children[0].text ?? '');
      else editor.tf.insertFragment(paragraphs);
    }
    closeSuggestion();
    editor.tf.focus();
    void saver.flush();
  };

  const busy = suggestion?.state === 'streaming';

  return (
    <div className={historyOpen || suggestion ? 'scene-editor with-panel' : 'scene-editor'}>
      <div className="scene-main">
        <div className="scene-heading">
          <h2>{scene.title}</h2>
          <p className="meta">
            {words.toLocaleString()} {words === 1 ? 'word' : 'words'} · version {version}
          </p>
          <p className={`save-status save-${saveState.kind}`} role="status">
            {statusText(saveState)}
          </p>
          {saveState.kind === 'failed' && (
            <button type="button" className="button button-small" onClick={() => void saver.flush()}>
              Try saving again
            </button>
          )}
          <button type="button" className="button button-small button-secondary" aria-expanded={historyOpen} onClick={() => setHistoryOpen(!historyOpen)}>
            History
          </button>
        </div>
        {saveState.kind === 'conflict' && (
          <div className="notice notice-error conflict" role="alert">
            <p>
              Someone saved this scene{saveState.currentVersion ? ` (version ${saveState.currentVersion})` : ''} somewhere else — another
              tab or device — while you were writing. Your text is still here and is not saved yet.
            </p>
            <div className="actions">
              <button type="button" className="button button-small" onClick={() => void saver.overwrite()}>
                Keep my text (the other version stays in the history)
              </button>
              <button type="button" className="button button-small button-secondary" onClick={() => void loadNewer()}>
                Load the newer version
              </button>
            </div>
          </div>
        )}
        {keptText !== null && (
          <div className="notice notice-info kept-text">
            <p>
              The newer version is loaded. Your text from before is kept below so you can copy what you need; it is gone when
              you leave this scene.
            </p>
            <label htmlFor="kept-text">Your text from before</label>
            <textarea id="kept-text" readOnly value={keptText} rows={6} />
            <div className="actions">
              <button type="button" className="button button-small button-secondary" onClick={() => void navigator.clipboard?.writeText(keptText)}>
                Copy my text
              </button>
              <button type="button" className="button button-small button-secondary" onClick={() => setKeptText(null)}>
                Dismiss
              </button>
            </div>
          </div>
        )}
        <Plate editor={editor} onValueChange={() => saver.changed()}>
          <Toolbar onAssist={ask} assistBusy={busy} />
          {notice && (
            <p className="notice notice-info" role="status">
              {notice}
            </p>
          )}
          <PlateContent className="scene-text" spellCheck autoCorrect="on" aria-label={`Text of ${scene.title}`} placeholder="Write your scene here…" />
        </Plate>
        <ShortcutList />
      </div>
      {suggestion && (
        <section className="side-panel suggestion" aria-labelledby="suggestion-heading" aria-busy={busy}>
          <div className="panel-heading">
            <h2 id="suggestion-heading">Suggestion: {ASSIST_ACTIONS.find((a) => a.value === suggestion.action)!.label}</h2>
            {suggestion.sample && <SampleBadge />}
          </div>
          {suggestion.original && (
            <details className="original">
              <summary>Your selected text</summary>
              <p>{suggestion.original}</p>
            </details>
          )}
          <div className="suggested-text" aria-label="Suggested text">
            {suggestion.text ? textToParagraphs(suggestion.text).map((p, i) => <p key={i}>{p.children[0].text}</p>) : null}
            {busy && <p className="meta">Writing…</p>}
          </div>
          {suggestion.state === 'failed' && <ErrorNotice error={suggestion.failure} />}
          {suggestion.state === 'ready' && (
            <p className="visually-hidden" role="status">
              The suggestion is ready: accept or reject it.
            </p>
          )}
          <div className="actions">
            <button type="button" className="button button-small" disabled={suggestion.state !== 'ready'} onClick={accept}>
              {suggestion.action === 'continue' ? 'Accept: add to the end' : 'Accept: replace the selection'}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={closeSuggestion}>
              {busy ? 'Stop' : 'Reject'}
            </button>
          </div>
        </section>
      )}
      {historyOpen && (
        <History
          editing={editing}
          ids={{ bookId, chapterId, sceneId: scene.id }}
          currentVersion={version}
          latestVersion={() => saver.baseVersion}
          flush={flush}
          onRestored={show}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </div>
  );
}

/** Continue's text goes after the last block (into it, if the scene is still one empty paragraph). */
function insertAtEnd(editor: PlateEditor, paragraphs: ReturnType<typeof textToParagraphs>) {
  if (paragraphs.length === 0) return;
  const empty = editor.children.length === 1 && nodesToText(editor.children).trim() === '';
  if (empty) {
    editor.tf.setValue(paragraphs);
  } else {
    editor.tf.insertNodes(paragraphs, { at: [editor.children.length] });
  }
}
