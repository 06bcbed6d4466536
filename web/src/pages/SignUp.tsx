import { useState } from 'react';
import { Link } from 'react-router';
import { rules } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useApi } from '../session/session';

type Values = { email: string; username: string; password: string };

export function validateSignUp(v: Values): Errors<Values> {
  const errors: Errors<Values> = {};
  if (!v.email.trim()) errors.email = 'Enter your email address.';
  else if (!rules.emailPattern.test(v.email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (!v.username.trim()) errors.username = 'Choose a username.';
  else if (!rules.usernamePattern.test(v.username.trim()))
    errors.username = 'Use 3 to 32 letters, digits, dashes or underscores.';
  if (v.password.length < rules.passwordMinLength)
    errors.password = `Use at least ${rules.passwordMinLength} characters.`;
  else if (v.password.length > rules.passwordMaxLength)
    errors.password = `Use at most ${rules.passwordMaxLength} characters.`;
  return errors;
}

export function SignUp() {
  usePageTitle('Sign up');
  const api = useApi();
  const [registered, setRegistered] = useState<string | null>(null);
  const form = useForm<Values>(
    { email: '', username: '', password: '' },
    validateSignUp,
    async (v) => {
      await api.identity.register({
        email: v.email.trim(),
        username: v.username.trim(),
        password: v.password,
      });
      setRegistered(v.email.trim());
    },
  );

  if (registered) {
    return (
      <section className="narrow">
        <h1>Check your email</h1>
        <SuccessNotice>
          <p>
            We sent a link to <strong>{registered}</strong>. Follow it to verify your address. You can log in
            already.
          </p>
        </SuccessNotice>
        <p>
          <Link to="/login">Go to log in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>Create your account</h1>
      <form noValidate onSubmit={form.onSubmit} aria-label="Sign up">
        <ErrorNotice error={form.failure} />
        <TextField label="Email" type="email" autoComplete="email" required {...form.bind('email')} />
        <TextField
          label="Username"
          autoComplete="username"
          required
          hint="Shown on your public profile: letters, digits, dashes or underscores."
          {...form.bind('username')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${rules.passwordMinLength} characters. A few unrelated words make a strong one.`}
          {...form.bind('password')}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Creating your account…' : 'Sign up'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
