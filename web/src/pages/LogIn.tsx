import { Link, useNavigate, useSearchParams } from 'react-router';
import { rules } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

type Values = { email: string; password: string };

function validate(v: Values): Errors<Values> {
  const errors: Errors<Values> = {};
  if (!v.email.trim()) errors.email = 'Enter your email address.';
  else if (!rules.emailPattern.test(v.email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (!v.password) errors.password = 'Enter your password.';
  return errors;
}

/** Only paths inside the app: a crafted ?next= must not send the writer elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/books';
}

export function LogIn() {
  usePageTitle('Log in');
  const { logIn, notice } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm<Values>({ email: '', password: '' }, validate, async (v) => {
    await logIn(v.email.trim(), v.password);
    navigate(safeNext(params.get('next')), { replace: true });
  });

  return (
    <section className="narrow">
      <h1>Log in</h1>
      {notice && (
        <SuccessNotice>
          <p>{notice}</p>
        </SuccessNotice>
      )}
      <form noValidate onSubmit={form.onSubmit} aria-label="Log in">
        <ErrorNotice error={form.failure} />
        <TextField label="Email" type="email" autoComplete="username" required {...form.bind('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...form.bind('password')}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
