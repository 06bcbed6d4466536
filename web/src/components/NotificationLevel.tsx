import { useEffect, useState } from 'react';
import type { Level, LevelScope } from '../api/notifications';
import { useSession } from '../session/session';
import { ErrorNotice } from './ErrorNotice';

const WORDS: Record<LevelScope, { watch: string; mute: string; noun: string }> = {
  books: { watch: 'Watch this book', mute: 'Mute this book', noun: 'this book' },
  authors: { watch: 'Watch this author', mute: 'Mute this author', noun: 'this author' },
};

const STATE: Record<Level, string> = {
  watching: 'You are watching {noun}: you hear of every chapter and comment.',
  normal: '',
  muted: 'You muted {noun}: nothing about it reaches you.',
};

/**
 * Watch or mute a book or an author (docs/messaging.md, Levels): shown to signed-in readers only, since the level is
 * theirs; "Back to normal" undoes either.
 */
export function NotificationLevel({ scope, id }: { scope: LevelScope; id: string }) {
  const { api, status } = useSession();
  const [level, setLevel] = useState<Level | null>(null);
  const [error, setError] = useState<unknown>(null);
  const signedIn = status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    api.notifications.level(scope, id).then(
      (view) => current && setLevel(view.level),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [api, scope, id, signedIn]);

  if (!signedIn || level === null) return error ? <ErrorNotice error={error} /> : null;
  const words = WORDS[scope];
  const choose = async (next: Level) => {
    setError(null);
    try {
      setLevel((await api.notifications.setLevel(scope, id, next)).level);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="notification-level" role="group" aria-label={`Notifications about ${words.noun}`}>
      {level !== 'normal' && <p className="meta">{STATE[level].replace('{noun}', words.noun)}</p>}
      {level !== 'watching' && (
        <button type="button" onClick={() => choose('watching')}>
          {words.watch}
        </button>
      )}{' '}
      {level !== 'muted' && (
        <button type="button" onClick={() => choose('muted')}>
          {words.mute}
        </button>
      )}{' '}
      {level !== 'normal' && (
        <button type="button" onClick={() => choose('normal')}>
          Back to normal
        </button>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
