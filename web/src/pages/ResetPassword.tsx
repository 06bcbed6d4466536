import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { rules } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useApi } from '../session/session';

type Values = { password: string; confirm: string };

export function validateNewPassword<V extends { confirm: string }>(password: string, v: V): Errors<V> {
  const errors: Record<string, string> = {};
  if (password.length < rules.passwordMinLength) errors.password = `Use at least ${rules.passwordMinLength} characters.`;
  else if (password.length > rules.passwordMaxLength) errors.password = `Use at most ${rules.passwordMaxLength} characters.`;
  if (v.confirm !== password) errors.confirm = "The two passwords don't match.";
  return errors as Errors<V>;
}

export function ResetPassword() {
  usePageTitle('Choose a new password');
  const api = useApi();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);
  const form = useForm<Values>(
    { password: '', confirm: '' },
    (v) => validateNewPassword(v.password, v),
    async (v) => {
      await api.identity.resetPassword(token ?? '', v.password);
      setDone(true);
    },
  );

  if (!token) {
    return (
      <section className="narrow">
        <h1>Choose a new password</h1>
        <ErrorNotice error={new Error('This link is incomplete. Open the link from the email again.')} />
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {done ? (
        <>
          <SuccessNotice>
            <p>Your password is changed.</p>
          </SuccessNotice>
          <p>
            <Link to="/login">Log in with your new password</Link>
          </p>
        </>
      ) : (
        <form noValidate onSubmit={form.onSubmit} aria-label="Choose a new password">
          <ErrorNotice error={form.failure} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${rules.passwordMinLength} characters.`}
            {...form.bind('password')}
          />
          <TextField
            label="New password, again"
            type="password"
            autoComplete="new-password"
            required
            {...form.bind('confirm')}
          />
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? 'Saving…' : 'Save new password'}
          </button>
        </form>
      )}
    </section>
  );
}
