import { useId, useRef, useState, type FormEvent } from 'react';
import type { Artifact, OutlineDocument } from '../../api/generation';
import { ApiError } from '../../api/problems';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useGeneration } from './useGeneration';

/** Beats are edited one per line. */
const toLines = (beats: string[] | undefined) => (beats ?? []).join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The outline before drafting starts: chapter and scene titles, chapter summaries and scene beats
 * can be changed; "Approve" saves the outline (the server's JSON with only those fields changed)
 * and resumes the generation, which drafts from it.
 */
export function OutlineEditor({
  bookId,
  outline,
  onApproved,
}: {
  bookId: string;
  outline: Artifact<OutlineDocument>;
  onApproved: () => void;
}) {
  const gen = useGeneration();
  const [doc, setDoc] = useState<OutlineDocument>(() => structuredClone(outline.document));
  const [beats, setBeats] = useState<string[][]>(() => outline.document.chapters.map((c) => c.scenes.map((s) => toLines(s.beats))));
  const [version, setVersion] = useState(outline.version);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const baseId = useId();

  const setChapter = (c: number, field: 'title' | 'summary', value: string) =>
    setDoc((d) => ({ ...d, chapters: d.chapters.map((ch, i) => (i === c ? { ...ch, [field]: value } : ch)) }));
  const setSceneTitle = (c: number, s: number, value: string) =>
    setDoc((d) => ({
      ...d,
      chapters: d.chapters.map((ch, i) =>
        i === c ? { ...ch, scenes: ch.scenes.map((sc, j) => (j === s ? { ...sc, title: value } : sc)) } : ch,
      ),
    }));
  const setSceneBeats = (c: number, s: number, value: string) =>
    setBeats((b) => b.map((ch, i) => (i === c ? ch.map((sc, j) => (j === s ? value : sc)) : ch)));

  const edited = (): OutlineDocument => ({
    ...doc,
    chapters: doc.chapters.map((ch, c) => ({
      ...ch,
      title: ch.title.trim(),
      scenes: ch.scenes.map((sc, s) => ({ ...sc, title: sc.title.trim(), ...(sc.beats || beats[c][s].trim() ? { beats: fromLines(beats[c][s]) } : {}) })),
    })),
  });

  /**
   * The book's chapters and planned scenes already exist when the outline waits for approval, and the
   * server adds an edited outline's new parts but does not rename the ones it has: carry the edited
   * titles (and chapter summaries) over, so the book reads as the writer approved it.
   */
  const approve = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const next = edited();
    const blank = next.chapters.some((c) => !c.title) || next.chapters.some((c) => c.scenes.some((s) => !s.title));
    if (blank) {
      setMissing('Every chapter and scene needs a title.');
      form.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    setMissing(null);
    setPending(true);
    try {
      const result = await gen.saveArtifact(bookId, 'outline', next, version);
      setVersion(result.version);
      setSaved(true);
      await gen.resume(bookId);
      onApproved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'edit-conflict') {
        setFailure(
          new Error('Someone changed this outline since you opened it (another tab, perhaps). Reload the page to see theirs; copy your changes first.'),
        );
      } else {
        setFailure(e);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={form} className="outline-editor" noValidate onSubmit={approve} aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>Your outline</h2>
      <p>
        Change anything you like: titles, what each chapter does, the beats of each scene (one per line). Drafting starts
        when you approve.
      </p>
      <ErrorNotice error={failure} />
      {missing && (
        <div className="notice notice-error" role="alert">
          <p>{missing}</p>
        </div>
      )}
      <ol className="outline-edit-chapters">
        {doc.chapters.map((chapter, c) => {
          const id = `${baseId}-c${c}`;
          return (
            <li key={c} className="outline-edit-chapter">
              <fieldset>
                <legend>Chapter {c + 1}</legend>
                <div className={`field ${!chapter.title.trim() ? 'field-invalid' : ''}`}>
                  <label htmlFor={`${id}-title`}>Chapter {c + 1} title</label>
                  <input
                    id={`${id}-title`}
                    value={chapter.title}
                    aria-invalid={!chapter.title.trim() || undefined}
                    onChange={(e) => setChapter(c, 'title', e.target.value)}
                  />
                </div>
                {chapter.summary !== undefined && (
                  <div className="field">
                    <label htmlFor={`${id}-summary`}>What chapter {c + 1} does</label>
                    <textarea id={`${id}-summary`} rows={3} value={chapter.summary} onChange={(e) => setChapter(c, 'summary', e.target.value)} />
                  </div>
                )}
                <ol className="outline-edit-scenes">
                  {chapter.scenes.map((scene, s) => (
                    <li key={s}>
                      <div className={`field ${!scene.title.trim() ? 'field-invalid' : ''}`}>
                        <label htmlFor={`${id}-s${s}-title`}>
                          Chapter {c + 1}, scene {s + 1} title
                        </label>
                        <input
                          id={`${id}-s${s}-title`}
                          value={scene.title}
                          aria-invalid={!scene.title.trim() || undefined}
                          onChange={(e) => setSceneTitle(c, s, e.target.value)}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-s${s}-beats`}>
                          Chapter {c + 1}, scene {s + 1} beats
                        </label>
                        <p className="hint" id={`${id}-s${s}-beats-hint`}>
                          One beat per line.
                          {scene.pov ? ` Point of view: ${scene.pov}.` : ''}
                          {scene.setting ? ` Setting: ${scene.setting}.` : ''}
                        </p>
                        <textarea
                          id={`${id}-s${s}-beats`}
                          rows={Math.min(8, Math.max(3, beats[c][s].split('\n').length + 1))}
                          aria-describedby={`${id}-s${s}-beats-hint`}
                          value={beats[c][s]}
                          onChange={(e) => setSceneBeats(c, s, e.target.value)}
                        />
                      </div>
                    </li>
                  ))}
                </ol>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? (saved ? 'Starting the draft…' : 'Saving…') : 'Approve outline and start drafting'}
        </button>
      </div>
    </form>
  );
}
