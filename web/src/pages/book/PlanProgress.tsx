import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ACTIVE_STATES,
  PLAN_STEPS,
  stepOf,
  type Artifact,
  type ArtifactKind,
  type OutlineDocument,
  type ProgressEvent,
} from '../../api/generation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SampleBadge } from '../../components/SampleBadge';
import { OutlineEditor } from './OutlineEditor';
import { Readable } from './Readable';
import { useGeneration, useGenerationEvents } from './useGeneration';

type Phase = 'loading' | 'planning' | 'approval' | 'gone';

const PLAN_KEYS: readonly string[] = PLAN_STEPS.map((s) => s.key);

/**
 * After the wizard: each plan step as it completes, with what it wrote; then either the outline
 * to edit and approve (when the author asked to), or off to the book while it is drafted.
 */
export function PlanProgress({ bookId }: { bookId: string }) {
  const gen = useGeneration();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>('loading');
  const [artifacts, setArtifacts] = useState<Partial<Record<ArtifactKind, Artifact>>>({});
  const [done, setDone] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sample, setSample] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const alive = useRef(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const bookLink = `/books/${encodeURIComponent(bookId)}`;

  useEffect(() => {
    alive.current = true;
    // the address changed only in its query, so the layout does not move focus: the form that had it is gone
    heading.current?.focus();
    return () => {
      alive.current = false;
    };
  }, []);

  /** The artifact is saved just after its step's event; ask again briefly if it is not there yet. */
  const fetchArtifact = useCallback(
    async (kind: ArtifactKind) => {
      for (let attempt = 0; attempt < 6 && alive.current; attempt++) {
        const artifact = await gen.artifact(bookId, kind);
        if (artifact) {
          if (alive.current) setArtifacts((a) => ({ ...a, [kind]: artifact }));
          return artifact;
        }
        await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
      }
      return null;
    },
    [bookId, gen],
  );

  const showApproval = useCallback(async () => {
    await Promise.all(PLAN_STEPS.map((s) => fetchArtifact(s.kind)));
    if (alive.current) {
      setDone(PLAN_STEPS.map((s) => s.key));
      setPhase('approval');
    }
  }, [fetchArtifact]);

  useEffect(() => {
    let current = true;
    gen
      .status(bookId)
      .then((s) => {
        if (!current) return;
        setSample(s?.provider === 'sample');
        if (!s) setPhase('gone');
        else if (s.state === 'AWAITING_APPROVAL') void showApproval().catch(setFailure);
        else if (ACTIVE_STATES.includes(s.state)) setPhase('planning');
        else navigate(bookLink, { replace: true });
      })
      .catch((e) => current && (setFailure(e), setPhase('gone')));
    return () => {
      current = false;
    };
  }, [bookId, gen, showApproval]);

  const onEvent = (e: ProgressEvent) => {
    const step = stepOf(e);
    if (e.name === 'step-completed' && step && PLAN_KEYS.includes(step)) {
      const plan = PLAN_STEPS.find((s) => s.key === step)!;
      setDone((d) => (d.includes(step) ? d : [...d, step]));
      setAnnouncement(`${plan.label}: done.`);
      // the server saves the artifact just after announcing the step: give it a moment
      setTimeout(() => void fetchArtifact(plan.kind).catch(setFailure), 250);
    } else if (e.name === 'outline-ready') {
      setAnnouncement('The outline is ready for you.');
      void showApproval().catch(setFailure);
    } else if (e.name === 'scene-drafted' || (e.name === 'step-completed' && step && !PLAN_KEYS.includes(step))) {
      // the author did not ask to approve the outline: drafting is under way, follow it on the book
      navigate(`/books/${encodeURIComponent(bookId)}`, { replace: true });
    } else if (['completed', 'failed', 'cancelled', 'budget-exhausted'].includes(e.name)) {
      // the book view says how it ended and offers to resume
      navigate(bookLink, { replace: true });
    }
  };

  const { connection, failure: streamFailure } = useGenerationEvents(bookId, phase === 'planning', onEvent, (s) => {
    if (s?.state === 'AWAITING_APPROVAL') void showApproval().catch(setFailure);
    else if (s && !ACTIVE_STATES.includes(s.state)) navigate(bookLink, { replace: true });
  });

  const outline = artifacts.outline as Artifact<OutlineDocument> | undefined;

  return (
    <section className="plan-progress">
      <h1 ref={heading} tabIndex={-1}>
        {phase === 'approval' ? 'Approve your outline' : 'Planning your book'}
      </h1>
      {sample && (
        <p>
          <SampleBadge /> The offline sample writer is writing this plan.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ErrorNotice error={failure ?? streamFailure} />
      {phase === 'loading' && <p role="status">Loading…</p>}
      {phase === 'gone' && !failure && <p>This book was never generated.</p>}
      {connection === 'reconnecting' && (
        <p className="notice notice-info" role="status">
          The connection dropped; reconnecting. Nothing is lost: the writing goes on on the server.
        </p>
      )}
      {(phase === 'planning' || phase === 'approval' || done.length > 0) && (
        <ol className="plan-steps">
          {PLAN_STEPS.map((s, i) => {
            const finished = done.includes(s.key);
            const working = !finished && phase === 'planning' && done.length === i;
            const artifact = artifacts[s.kind];
            return (
              <li key={s.key} className={finished ? 'plan-step plan-step-done' : 'plan-step'}>
                <span className="plan-step-state" aria-hidden="true">
                  {finished ? '✓' : working ? '…' : '○'}
                </span>
                <span className="plan-step-label">
                  {s.label}
                  <span className="visually-hidden">: {finished ? 'done' : working ? 'working on it' : 'waiting'}</span>
                  {working && <span className="meta"> — working on it</span>}
                </span>
                {finished && artifact && s.kind !== 'outline' && (
                  <details className="plan-step-artifact">
                    <summary>What it wrote</summary>
                    <Readable value={s.kind === 'characters' ? (artifact.document as { characters?: unknown }).characters ?? artifact.document : artifact.document} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {phase === 'approval' && outline && (
        <OutlineEditor bookId={bookId} outline={outline} onApproved={() => navigate(bookLink, { state: { approved: true } })} />
      )}
      {phase === 'planning' && (
        <p className="meta">
          You can leave this page: the planning goes on, and the book is in <Link to="/books">My books</Link>.
        </p>
      )}
    </section>
  );
}
