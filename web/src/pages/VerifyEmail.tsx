import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { rules } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextField } from '../components/Field';
import { useForm } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useApi, useSession } from '../session/session';

/** A new link for an expired or used one: the server answers the same whether the account exists. */
function ResendVerification() {
  const api = useApi();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(
    { email: '' },
    (v) => (rules.emailPattern.test(v.email.trim()) ? {} : { email: 'Enter the email address of your account.' }),
    async (v) => {
      await api.identity.resendVerification(v.email.trim());
      setSentTo(v.email.trim());
    },
  );
  if (sentTo) {
    return (
      <SuccessNotice>
        <p>
          If <strong>{sentTo}</strong> belongs to an account that still needs verifying, a new link is on its way.
        </p>
      </SuccessNotice>
    );
  }
  return (
    <form noValidate onSubmit={form.onSubmit} aria-labelledby="resend-heading">
      <h2 id="resend-heading">Get a new link</h2>
      <ErrorNotice error={form.failure} />
      <TextField label="Email" type="email" autoComplete="email" {...form.bind('email')} />
      <button type="submit" className="button" disabled={form.pending}>
        {form.pending ? 'Sending…' : 'Send a new link'}
      </button>
    </form>
  );
}

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
          <ResendVerification />
        </>
      )}
    </section>
  );
}
