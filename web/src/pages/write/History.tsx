import { useCallback, useEffect, useState } from 'react';
import type { EditingApi, Scene, VersionDiff, VersionSummary } from '../../api/editing';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  editing: EditingApi;
  ids: { bookId: string; chapterId: string; sceneId: string };
  /** The version the editor shows. */
  currentVersion: number;
  /** The version after the latest save (read after `flush`). */
  latestVersion(): number;
  /** Saves what the editor holds first; false when that failed (the panel then changes nothing). */
  flush(): Promise<boolean>;
  onRestored(scene: Scene): void;
  onClose(): void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where a version came from, in words. */
export function originLabel(origin: string): string {
  const restore = /^restore of (\d+)$/.exec(origin);
  if (restore) return `restored from version ${restore[1]}`;
  return (
    { edit: 'your edit', generated: 'written by the generator', revision: 'revised by the generator', planned: 'planned', import: 'imported' }[
      origin
    ] ?? origin
  );
}

/** The scene's versions: compare any with the current text, restore one as a new version. */
export function History({ editing, ids, currentVersion, latestVersion, flush, onRestored, onClose }: Props) {
  const { bookId, chapterId, sceneId } = ids;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      if (!(await flush())) {
        setFailure(new Error('Your latest changes are not saved yet, so the history may not show them.'));
      }
      setVersions(await editing.versions(bookId, chapterId, sceneId));
    } catch (e) {
      setFailure(e);
    }
  }, [editing, bookId, chapterId, sceneId, flush]);

  useEffect(() => {
    void load();
  }, [load]);

  const compare = async (n: number) => {
    setFailure(null);
    setConfirming(null);
    try {
      await flush();
      setDiff(await editing.diff(bookId, chapterId, sceneId, n, latestVersion()));
    } catch (e) {
      setFailure(e);
    }
  };

  const restore = async (n: number) => {
    setBusy(true);
    setFailure(null);
    try {
      if (!(await flush())) {
        setFailure(new Error('Your latest changes could not be saved, so nothing was restored. Save them first.'));
        return;
      }
      const scene = await editing.restore(bookId, chapterId, sceneId, n);
      onRestored(scene);
      setConfirming(null);
      setDiff(null);
      setVersions(await editing.versions(bookId, chapterId, sceneId));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="side-panel history" aria-labelledby="history-heading">
      <div className="panel-heading">
        <h2 id="history-heading">Version history</h2>
        <button type="button" className="button button-small button-secondary" onClick={onClose}>
          Close history
        </button>
      </div>
      <ErrorNotice error={failure} />
      {versions === null && !failure && <p role="status">Loading versions…</p>}
      {diff && (
        <div className="diff" aria-labelledby="diff-heading">
          <div className="panel-heading">
            <h3 id="diff-heading">
              Version {diff.from} compared with the current text (version {diff.to})
            </h3>
            <button type="button" className="button button-small button-secondary" onClick={() => setDiff(null)}>
              Close comparison
            </button>
          </div>
          {diff.changes.length === 0 ? (
            <p>No differences.</p>
          ) : (
            <ol className="diff-changes">
              {diff.changes.map((c, i) => (
                <li key={i}>
                  {c.fromLines.map((line, j) => (
                    <del key={`d${j}`}>
                      <span className="visually-hidden">Only in version {diff.from}:</span> {line || '(empty line)'}
                    </del>
                  ))}
                  {c.toLines.map((line, j) => (
                    <ins key={`i${j}`}>
                      <span className="visually-hidden">Only in the current text:</span> {line || '(empty line)'}
                    </ins>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {versions && (
        <ol className="versions">
          {versions.map((v) => (
            <li key={v.number}>
              <p className="version-title">
                <strong>Version {v.number}</strong>
                {v.number === currentVersion && <span className="current"> (current)</span>}
              </p>
              <p className="meta">
                {originLabel(v.origin)} · <time dateTime={v.createdAt}>{when.format(new Date(v.createdAt))}</time> ·{' '}
                {v.wordCount.toLocaleString()} {v.wordCount === 1 ? 'word' : 'words'}
              </p>
              {v.number !== currentVersion && (
                <div className="actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={`Compare version ${v.number} with current`}
                    onClick={() => compare(v.number)}
                  >
                    Compare with current
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={`Restore version ${v.number}…`}
                    aria-expanded={confirming === v.number}
                    onClick={() => setConfirming(v.number)}
                  >
                    Restore…
                  </button>
                </div>
              )}
              {confirming === v.number && (
                <div className="confirm" role="group" aria-label={`Restore version ${v.number}?`}>
                  <p>
                    Restore version {v.number}? The current text stays in the history, so you can come back to it.
                  </p>
                  <div className="actions">
                    <button type="button" className="button button-small" disabled={busy} onClick={() => restore(v.number)}>
                      Restore version {v.number}
                    </button>
                    <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
