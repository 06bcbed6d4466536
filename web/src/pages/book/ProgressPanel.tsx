import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ACTIVE_STATES, type JobStatus, type Progress } from '../../api/generation';
import { ApiError } from '../../api/problems';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeEta, describeStep, formatUsd, numberFormat, useGeneration, type Connection } from './useGeneration';

const STATE_WORDS: Record<string, string> = {
  QUEUED: 'Waiting to start',
  RUNNING: 'Writing',
  AWAITING_APPROVAL: 'Waiting for you to approve the outline',
  COMPLETED: 'Finished',
  FAILED: 'Stopped by a problem',
  CANCELLED: 'Stopped',
  BUDGET_EXHAUSTED: 'Stopped: the budget is spent',
};

/** What a refused cancel or resume means, for this panel's buttons. */
function explain(e: unknown, action: 'cancel' | 'resume'): unknown {
  if (!(e instanceof ApiError)) return e;
  if (e.code === 'generation-not-running' || (action === 'cancel' && e.status === 409)) {
    return new ApiError({ ...e.problem, code: undefined, detail: "This book isn't being written right now, so there is nothing to stop." });
  }
  if (e.code === 'generation-in-progress' || (action === 'resume' && e.status === 409)) {
    return new ApiError({
      ...e.problem,
      code: undefined,
      detail: 'This book is already being written. Wait for it to finish, or stop it first.',
    });
  }
  return e;
}

/** The engine reports the step `done` when its run is over; the job ends a moment later. */
export function isFinishing(p: Partial<Progress>): boolean {
  return p.step === 'done' || (!!p.scenesTotal && p.scenesDone === p.scenesTotal && p.etaSeconds === 0);
}

/**
 * Live progress of a book's generation: the current step, scenes, words, tokens, cost, time left and
 * a progress bar, with Stop and Resume.
 */
export function ProgressPanel({
  bookId,
  status,
  progress,
  connection,
  onChanged,
}: {
  bookId: string;
  status: JobStatus;
  progress: Progress | null;
  connection: Connection;
  /** After a cancel or resume was accepted, with the job the server answered. */
  onChanged: (status: JobStatus) => void;
}) {
  const gen = useGeneration();
  const headingId = useId();
  const budgetId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState<'cancel' | 'resume' | null>(null);
  const [budget, setBudget] = useState('');
  const p: Partial<Progress> = progress ?? status;
  // every step is done and the server is putting the last pages in the book: nothing left to stop or wait for
  const finishing = ACTIVE_STATES.includes(status.state) && isFinishing(p);
  const active = ACTIVE_STATES.includes(status.state) && !finishing;
  const resumable = ['FAILED', 'CANCELLED', 'BUDGET_EXHAUSTED'].includes(status.state);
  const done = p.scenesDone ?? 0;
  const total = p.scenesTotal ?? 0;
  const percent = total > 0 ? Math.round((100 * done) / total) : 0;
  const eta = active ? describeEta(p.etaSeconds) : null;

  const act = async (action: 'cancel' | 'resume') => {
    setFailure(null);
    setPending(action);
    try {
      const budgetUsd = action === 'resume' && budget.trim() ? Number(budget) : undefined;
      if (budgetUsd !== undefined && !(budgetUsd >= 0)) {
        setFailure(new Error('The budget is an amount in US dollars, like 2.50.'));
        return;
      }
      const next = action === 'cancel' ? await gen.cancel(bookId) : await gen.resume(bookId, budgetUsd);
      onChanged(next);
    } catch (e) {
      setFailure(explain(e, action));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="progress-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{finishing ? 'Finishing' : (STATE_WORDS[status.state] ?? status.state)}</h2>
      <ErrorNotice error={failure} />
      {status.state === 'AWAITING_APPROVAL' && (
        <p>
          The plan is ready. <Link to={`/books/new?book=${encodeURIComponent(bookId)}`}>Review and approve the outline</Link> to
          start drafting.
        </p>
      )}
      {status.error && status.state !== 'COMPLETED' && <p className="progress-message">{status.error}</p>}
      <p className="progress-step" aria-live="polite">
        {finishing
          ? 'Every scene is drafted; saving the finished book.'
          : active
            ? describeStep(p.step)
            : status.state === 'COMPLETED'
              ? 'Every scene is drafted.'
              : `Last step: ${describeStep(p.step)}`}
      </p>
      <div className="progress-bar-row">
        <label htmlFor={`${headingId}-bar`} className="visually-hidden">
          Scenes drafted
        </label>
        <progress id={`${headingId}-bar`} max={Math.max(total, 1)} value={done}>
          {percent}%
        </progress>
        <span className="progress-percent">{total > 0 ? `${percent}%` : '—'}</span>
      </div>
      <dl className="progress-figures">
        <div>
          <dt>Scenes</dt>
          <dd>{total > 0 ? `${numberFormat.format(done)} of ${numberFormat.format(total)}` : 'not planned yet'}</dd>
        </div>
        <div>
          <dt>Words</dt>
          <dd>{numberFormat.format(p.words ?? 0)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{numberFormat.format((p.inputTokens ?? 0) + (p.outputTokens ?? 0))}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatUsd(p.costUsd)}</dd>
        </div>
        {active && (
          <div>
            <dt>Time left</dt>
            <dd>{eta ?? 'working it out'}</dd>
          </div>
        )}
      </dl>
      {connection === 'reconnecting' && (
        <p className="notice notice-info" role="status">
          The connection dropped; reconnecting. The writing goes on on the server.
        </p>
      )}
      <div className="actions">
        {active && (
          <button type="button" className="button button-secondary" disabled={pending !== null} onClick={() => act('cancel')}>
            {pending === 'cancel' ? 'Stopping…' : 'Stop writing'}
          </button>
        )}
        {resumable && (
          <>
            {status.state === 'BUDGET_EXHAUSTED' && (
              <div className="field field-inline">
                <label htmlFor={budgetId}>New budget in US dollars</label>
                <input id={budgetId} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
              </div>
            )}
            <button type="button" className="button" disabled={pending !== null} onClick={() => act('resume')}>
              {pending === 'resume' ? 'Resuming…' : 'Resume writing'}
            </button>
          </>
        )}
      </div>
      {resumable && <p className="meta">Finished scenes are kept; resuming continues where it stopped and never pays twice.</p>}
    </section>
  );
}
