import { useState } from 'react';
import { Link } from 'react-router';
import { rules } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useApi } from '../session/session';

type Values = { email: string };

function validate(v: Values): Errors<Values> {
  if (!rules.emailPattern.test(v.email.trim())) return { email: 'Enter the email address of your account.' };
  return {};
}

export function ForgotPassword() {
  usePageTitle('Forgot password');
  const api = useApi();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({ email: '' }, validate, async (v) => {
    await api.identity.forgotPassword(v.email.trim());
    setSentTo(v.email.trim());
  });

  return (
    <section className="narrow">
      <h1>Forgot your password?</h1>
      {sentTo ? (
        <SuccessNotice>
          <p>
            If an account uses <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link works
            once and expires soon.
          </p>
        </SuccessNotice>
      ) : (
        <form noValidate onSubmit={form.onSubmit} aria-label="Forgot password">
          <p>Enter your account's email and we'll send you a link to choose a new password.</p>
          <ErrorNotice error={form.failure} />
          <TextField label="Email" type="email" autoComplete="email" required {...form.bind('email')} />
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </section>
  );
}
