import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

/** Landing page of the link in the verification email. */
export function VerifyEmail() {
  usePageTitle('Verify your email');
  const { api, status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [failure, setFailure] = useState<unknown>(token ? null : new Error('This link is incomplete. Open the link from the email again.'));
  const sent = useRef<string | null>(null);

  useEffect(() => {
    // a token works once: never send it twice, even when React runs effects twice in development
    if (!token || sent.current === token) return;
    sent.current = token;
    api.identity
      .verifyEmail(token)
      .then(() => setState('done'))
      .catch((e) => {
        setFailure(e);
        setState('failed');
      });
  }, [api, token]);

  return (
    <section className="narrow">
      <h1>Verify your email</h1>
      {state === 'working' && <p role="status">Verifying your email…</p>}
      {state === 'done' && (
        <>
          <SuccessNotice>
            <p>Your email is verified. Welcome to AuthorWorks!</p>
          </SuccessNotice>
          <p>{status === 'signed-in' ? <Link to="/books">Go to my books</Link> : <Link to="/login">Log in</Link>}</p>
        </>
      )}
      {state === 'failed' && (
        <>
          <ErrorNotice error={failure} />
          <p>
            {status === 'signed-in' ? (
              <Link to="/settings">Send a new link from your settings</Link>
            ) : (
              <Link to="/login">Log in to ask for a new link</Link>
            )}
          </p>
        </>
      )}
    </section>
  );
}
