import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { editingApi, FindOptions, FoundText } from '../../api/editing';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';

const numbers = new Intl.NumberFormat('en');

function plural(n: number, one: string, many: string) {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/**
 * Find and replace across the book: find shows every scene that matches with the first matches in
 * context; Replace all changes exactly the previewed scenes (each saved as a new version, so History
 * can take it back). Both save the open scene's typing first.
 */
export function FindReplace({
  editing,
  bookId,
  saveOpenScene,
  onReplaced,
  onClose,
}: {
  editing: ReturnType<typeof editingApi>;
  bookId: string;
  /** Saves what was typed in the open scene, so find sees it and replace changes it on top. */
  saveOpenScene: () => Promise<boolean>;
  onReplaced: (changedScenes: string[]) => Promise<void>;
  onClose: () => void;
}) {
  const ids = useId();
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [regex, setRegex] = useState(false);
  const [found, setFound] = useState<{ options: FindOptions; result: FoundText } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!find) return;
    setFailure(null);
    setDone(null);
    setBusy(true);
    const options = { find, matchCase, wholeWord, regex };
    try {
      await saveOpenScene();
      setFound({ options, result: await editing.find(bookId, options) });
    } catch (error) {
      setFound(null);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const replaceAll = async () => {
    if (!found) return;
    setFailure(null);
    setDone(null);
    setBusy(true);
    try {
      if (!(await saveOpenScene())) {
        setFailure(new Error('The open scene could not be saved first, so nothing was replaced. Save it, then try again.'));
        return;
      }
      const versions = Object.fromEntries(found.result.scenes.map((s) => [s.sceneId, s.version]));
      const result = await editing.replace(bookId, found.options, replace, versions);
      const changed = found.result.scenes.map((s) => s.sceneId).filter((id) => !result.changedSincePreview.includes(id));
      setFound(null);
      setDone(
        `Replaced ${plural(result.replaced, 'match', 'matches')} in ${plural(result.scenesChanged, 'scene', 'scenes')}.` +
          (result.changedSincePreview.length > 0
            ? ` ${plural(result.changedSincePreview.length, 'scene was', 'scenes were')} saved since the preview and left alone: find again to include them.`
            : '') +
          ' Each scene’s history keeps the text from before.',
      );
      await onReplaced(changed);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const result = found?.result;
  return (
    <section className="find-replace" aria-labelledby={`${ids}-heading`}>
      <div className="panel-heading">
        <h2 id={`${ids}-heading`}>Find and replace</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close <span className="visually-hidden">find and replace</span>
        </button>
      </div>
      <form noValidate onSubmit={search} aria-label="Find in this book">
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${ids}-find`}>Find</label>
            <input
              id={`${ids}-find`}
              value={find}
              maxLength={200}
              autoFocus
              onChange={(e) => {
                setFind(e.target.value);
                setFound(null);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-replace`}>Replace with</label>
            <input id={`${ids}-replace`} value={replace} maxLength={1000} onChange={(e) => setReplace(e.target.value)} />
          </div>
        </div>
        <div className="find-options">
          {(
            [
              ['Match case', matchCase, setMatchCase],
              ['Whole word', wholeWord, setWholeWord],
              ['Regular expression', regex, setRegex],
            ] as const
          ).map(([label, value, set]) => (
            <label key={label}>
              <input
                type="checkbox"
                checked={value}
                onChange={(e) => {
                  set(e.target.checked);
                  setFound(null);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <div className="card-actions">
          <button type="submit" className="button button-small" disabled={busy || !find}>
            {busy && !found ? 'Finding…' : 'Find'}
          </button>
          {result && result.total > 0 && (
            <button type="button" className="button button-small button-danger" disabled={busy} onClick={replaceAll}>
              {busy ? 'Replacing…' : `Replace all ${numbers.format(result.total)}`}
            </button>
          )}
        </div>
      </form>
      <ErrorNotice error={failure} />
      {done && (
        <SuccessNotice>
          <p>{done}</p>
        </SuccessNotice>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <p>
            {result.total === 0
              ? 'No matches in this book.'
              : `${plural(result.total, 'match', 'matches')} in ${plural(result.scenes.length, 'scene', 'scenes')}.`}
          </p>
        )}
      </div>
      {result && result.total > 0 && (
        <ul className="find-results" aria-label="Matches">
          {result.scenes.map((s) => (
            <li key={s.sceneId}>
              <Link to={`/books/${bookId}/write/${s.sceneId}`}>
                Chapter {s.chapterNumber}, {s.sceneTitle || `scene ${s.sceneNumber}`}
              </Link>{' '}
              <span className="meta">({plural(s.count, 'match', 'matches')})</span>
              <ul>
                {s.samples.map((m, i) => (
                  <li key={i}>
                    …{m.before}
                    <mark>{m.text}</mark>
                    {m.after}…
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
