import { useEffect, useState } from 'react';
import type { User } from '../api/identity';
import { ErrorNotice } from '../components/ErrorNotice';
import { useApi } from '../session/session';
import './inbox.css';

/** Settings' list of the people I blocked, each with an "Unblock". */
export function BlockedPeople() {
  const api = useApi();
  const [people, setPeople] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    api.identity.blocks().then((page) => setPeople(page.items), () => setUnavailable(true));
  }, [api]);

  const unblock = async (person: User) => {
    setError(null);
    try {
      await api.identity.unblock(person.id);
      setPeople((list) => list?.filter((p) => p.id !== person.id) ?? list);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">Blocked people</h2>
      <p className="hint">Someone you block can’t write to you and you can’t write to them; neither of you sees the other’s comments.</p>
      <ErrorNotice error={error} />
      {people === null ? (
        unavailable ? <p>Your blocked people can’t be shown right now. Try again later.</p> : <p role="status">Loading…</p>
      ) : people.length === 0 ? (
        <p>You haven’t blocked anyone.</p>
      ) : (
        <ul className="blocked-people">
          {people.map((p) => (
            <li key={p.id}>
              {p.displayName || p.username} <span className="meta">@{p.username}</span>{' '}
              <button type="button" onClick={() => unblock(p)} aria-label={`Unblock ${p.displayName || p.username}`}>
                Unblock
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
