import { useCallback } from 'react';
import { Link } from 'react-router';
import { UpdateList } from '../components/UpdateList';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

/** `/feed`: the chapters released lately in the books the reader follows, newest first. */
export function Feed() {
  usePageTitle('Following');
  const { api } = useSession();
  const load = useCallback((cursor: string | null) => api.discovery.feed(cursor), [api]);
  return (
    <section className="narrow feed">
      <h1>Following</h1>
      <p>New chapters of the books you follow.</p>
      <UpdateList
        load={load}
        empty={
          <div className="empty-state">
            <h2>Nothing new yet</h2>
            <p>
              Follow a book on its page and its new chapters appear here. <Link to="/discover">Discover books</Link>
            </p>
          </div>
        }
      />
    </section>
  );
}
