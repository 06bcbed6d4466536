import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { REPORT_REASONS, type Report, type ReportPage } from '../api/discovery';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

const STATUSES = [
  ['open', 'Open'],
  ['resolved', 'Resolved'],
  ['dismissed', 'Dismissed'],
] as const;
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Whether the user may moderate: an admin (`ADMIN` among their roles). */
export function isAdmin(roles: string[] | undefined): boolean {
  return (roles ?? []).includes('ADMIN');
}

/**
 * `/moderation`: the admins' queue of readers' reports of comments and reviews, oldest first. An open report
 * is resolved (optionally hiding what was reported, which settles every open report of it) or dismissed.
 */
export function Moderation() {
  usePageTitle('Moderation');
  const { api, user } = useSession();
  const [status, setStatus] = useState<string>('open');
  const [page, setPage] = useState<ReportPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(() => {
    setFailure(null);
    return api.discovery.reports(status, 0, 50).then(setPage).catch(setFailure);
  }, [api, status]);

  useEffect(() => {
    if (isAdmin(user?.roles)) void load();
  }, [load, user]);

  if (!isAdmin(user?.roles)) {
    return (
      <section className="empty-state">
        <h1>Moderation</h1>
        <p>Only admins moderate reports.</p>
      </section>
    );
  }

  const decide = async (report: Report, action: 'hide' | 'resolve' | 'dismiss') => {
    try {
      if (action === 'dismiss') await api.discovery.dismissReport(report.id);
      else await api.discovery.resolveReport(report.id, action === 'hide');
      await load();
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className="moderation">
      <h1>Moderation</h1>
      <div role="group" aria-label="Reports to show">
        {STATUSES.map(([value, name]) => (
          <button key={value} type="button" aria-pressed={status === value} onClick={() => setStatus(value)}>
            {name}
          </button>
        ))}
      </div>
      <ErrorNotice error={failure} />
      {page === null && !failure && <p role="status">Loading reports…</p>}
      {page && page.items.length === 0 && <p className="meta">No {status} reports.</p>}
      {page && page.items.length > 0 && (
        <ul className="report-list" aria-label="Reports">
          {page.items.map((r) => (
            <li key={r.id} className="report" aria-label={`Report of a ${r.kind}: ${REPORT_REASONS[r.reason] ?? r.reason}`}>
              <p className="meta">
                {r.kind === 'comment' ? 'Comment' : 'Review'} · {REPORT_REASONS[r.reason] ?? r.reason} · {when.format(new Date(r.createdAt))}
                {' · '}
                <Link to={`/discover/${encodeURIComponent(r.bookId)}`}>the book</Link>
              </p>
              <blockquote>{r.reportedText}</blockquote>
              {r.note && <p>Note: {r.note}</p>}
              {r.status === 'open' ? (
                <div className="actions">
                  <button type="button" onClick={() => decide(r, 'hide')}>Hide it and resolve</button>
                  <button type="button" onClick={() => decide(r, 'resolve')}>Resolve</button>
                  <button type="button" onClick={() => decide(r, 'dismiss')}>Dismiss</button>
                </div>
              ) : (
                <p className="meta">{r.status === 'resolved' ? (r.hid ? 'Resolved, hidden' : 'Resolved') : 'Dismissed'}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
