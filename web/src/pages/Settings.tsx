import { useState } from 'react';
import { Link } from 'react-router';
import { rules, type User } from '../api/identity';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { TextArea, TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import { BlockedPeople } from './BlockedPeople';
import { ModelServers } from './ModelServers';
import { ProviderKeys } from './ProviderKeys';
import { validateNewPassword } from './ResetPassword';

type Profile = { displayName: string; bio: string; avatarUrl: string; links: string };

function isHttpsAddress(text: string) {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

export function validateProfile(v: Profile): Errors<Profile> {
  const errors: Errors<Profile> = {};
  if (v.displayName.trim().length > rules.displayNameMaxLength)
    errors.displayName = `Keep your display name to ${rules.displayNameMaxLength} characters.`;
  if (v.bio.trim().length > rules.bioMaxLength) errors.bio = `Keep your bio to ${rules.bioMaxLength} characters.`;
  if (v.avatarUrl.trim() && !isHttpsAddress(v.avatarUrl.trim()))
    errors.avatarUrl = 'Use a web address starting with https://';
  const links = splitLinks(v.links);
  const bad = links.find((l) => !isHttpsAddress(l));
  if (bad) errors.links = `“${bad}” is not a secure web address. Start each link with https://`;
  else if (links.length > rules.maxLinks) errors.links = `Add at most ${rules.maxLinks} links.`;
  return errors;
}

function splitLinks(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function ProfileForm({ user }: { user: User }) {
  const { api, setUser } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useForm<Profile>(
    {
      displayName: user.displayName ?? '',
      bio: user.bio ?? '',
      avatarUrl: user.avatarUrl ?? '',
      links: (user.links ?? []).join('\n'),
    },
    validateProfile,
    async (v) => {
      setSaved(false);
      const updated = await api.identity.updateProfile(user.id, {
        displayName: v.displayName.trim(),
        bio: v.bio.trim(),
        avatarUrl: v.avatarUrl.trim(),
        links: splitLinks(v.links),
      });
      setUser(updated);
      setSaved(true);
    },
  );
  return (
    <form noValidate onSubmit={form.onSubmit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <ErrorNotice error={form.failure} />
      {saved && (
        <SuccessNotice>
          <p>Your profile is saved.</p>
        </SuccessNotice>
      )}
      <TextField label="Display name" autoComplete="name" {...form.bind('displayName')} />
      <TextArea label="Bio" rows={5} hint="A few lines readers see on your profile." {...form.bind('bio')} />
      <TextField label="Avatar URL" type="url" inputMode="url" {...form.bind('avatarUrl')} />
      {isHttpsAddress(form.values.avatarUrl.trim()) && !form.errors.avatarUrl && (
        <img className="avatar" src={form.values.avatarUrl} alt="Your avatar" width={64} height={64} />
      )}
      <TextArea label="Links" rows={3} hint={`One https:// address per line, up to ${rules.maxLinks}: your site, newsletter, social profiles.`} {...form.bind('links')} />
      <button type="submit" className="button" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}

type Passwords = { currentPassword: string; password: string; confirm: string };

/** The server ends every session when the password changes, this one included: log in again. */
function PasswordForm() {
  const { api, endSession } = useSession();
  const form = useForm<Passwords>(
    { currentPassword: '', password: '', confirm: '' },
    (v) => ({
      ...(v.currentPassword ? {} : { currentPassword: 'Enter your current password.' }),
      ...validateNewPassword(v.password, v),
    }),
    async (v) => {
      await api.identity.changePassword(v.currentPassword, v.password);
      endSession('Your password is changed and you are signed out everywhere. Log in with your new password.');
    },
  );
  return (
    <form noValidate onSubmit={form.onSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <ErrorNotice error={form.failure} />
      <TextField label="Current password" type="password" autoComplete="current-password" {...form.bind('currentPassword')} />
      <TextField label="New password" type="password" autoComplete="new-password" {...form.bind('password')} />
      <TextField label="New password, again" type="password" autoComplete="new-password" {...form.bind('confirm')} />
      <button type="submit" className="button" disabled={form.pending}>
        {form.pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

function VerificationNotice({ user }: { user: User }) {
  const { api } = useSession();
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (user.emailVerified !== false || !user.email) return null;
  const email = user.email;
  const resend = () => {
    setFailure(null);
    api.identity
      .resendVerification(email)
      .then(() => setSent(true))
      .catch(setFailure);
  };
  return (
    <div className="notice notice-info">
      <p>Your email {user.email} is not verified yet.</p>
      {sent ? (
        <p role="status">We sent a new link. Check your inbox.</p>
      ) : (
        <button type="button" className="button button-secondary" onClick={resend}>
          Send a new verification link
        </button>
      )}
      <ErrorNotice error={failure} />
    </div>
  );
}

export function Settings() {
  usePageTitle('Settings');
  const { user, forwardAuth } = useSession();
  if (!user) return <p role="status">Loading your settings…</p>;
  return (
    <section className="narrow">
      <h1>Settings</h1>
      <p className="meta">
        Signed in as <strong>{user.username}</strong> ({user.email})
      </p>
      <VerificationNotice user={user} />
      <ProfileForm user={user} />
      <ProviderKeys />
      <ModelServers />
      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <p>
          <Link to="/notifications/preferences">Notification preferences</Link>: what you are told and how, your time zone,
          quiet hours and digest mail. Watch or mute a book from its page.
        </p>
      </section>
      <BlockedPeople />
      {/* behind a forward-auth proxy the password is the proxy's business */}
      {!forwardAuth && <PasswordForm />}
    </section>
  );
}
