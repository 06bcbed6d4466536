import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ProviderInfo } from '../api/generation';
import type { KeyTest, ProviderKey } from '../api/library';
import { ApiError } from '../api/problems';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { useSession } from '../session/session';
import { useGeneration } from './book/useGeneration';
import './library.css';

function day(iso: string) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** What a key test means, for a writer: the server's message, with the outcome said first. */
function testOutcome(result: KeyTest, providerLabel: (name: string) => string) {
  if (result.ok) {
    return `Your ${providerLabel(result.provider)} key works${result.model ? ` (it answered with ${result.model})` : ''}.`;
  }
  return `Your ${providerLabel(result.provider)} key could not be used. ${result.message}`;
}

/**
 * "Provider keys" in Settings: the writer's own API keys (bring your own key). A key is only ever
 * sent, never shown back: the server answers with its last four characters.
 */
export function ProviderKeys() {
  const { api } = useSession();
  const gen = useGeneration();
  const [keys, setKeys] = useState<ProviderKey[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // the providers of the server's catalogue that take a key
  const [keyProviders, setKeyProviders] = useState<ProviderInfo[]>([]);
  const [chosen, setProvider] = useState<string | null>(null);
  const provider = chosen ?? keyProviders[0]?.name ?? '';
  const providerLabel = (name: string) => keyProviders.find((p) => p.name === name)?.label ?? name;
  const [secret, setSecret] = useState('');
  const [secretError, setSecretError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, { ok: boolean; text: string }>>({});
  const ids = useId();

  const [unavailable, setUnavailable] = useState(false);

  const load = useCallback(
    () =>
      api.library
        .providerKeys()
        .then((k) => setKeys(k))
        .catch((e) => {
          // the content service does not run in this process (AUTHORWORKS_SERVICES): say so quietly
          if (e instanceof ApiError && e.status === 404) setUnavailable(true);
          else setFailure(e);
        }),
    [api],
  );

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    let current = true;
    gen
      .providers()
      .then((all) => current && setKeyProviders(all.filter((p) => p.takesKey ?? p.needsKey)))
      .catch(() => current && setKeyProviders([]));
    return () => {
      current = false;
    };
  }, [gen]);

  const existing = keys?.find((k) => k.provider === provider);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setFailure(null);
    const key = secret.trim();
    if (key.length < 8) {
      setSecretError('Paste the whole key: it is at least 8 characters long.');
      document.getElementById(`${ids}-key`)?.focus();
      return;
    }
    setSecretError(null);
    setSaving(true);
    try {
      const stored = await api.library.saveProviderKey(provider, key);
      setSecret('');
      setSaved(`Your ${providerLabel(stored.provider)} key ending in ${stored.lastFour} is saved.`);
      setTests(({ [stored.provider]: _, ...rest }) => rest);
      await load();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const test = async (name: string) => {
    setBusy(`test-${name}`);
    setFailure(null);
    try {
      const result = await api.library.testProviderKey(name);
      setTests((t) => ({ ...t, [name]: { ok: result.ok, text: testOutcome(result, providerLabel) } }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (name: string) => {
    setBusy(`delete-${name}`);
    setFailure(null);
    setSaved(null);
    try {
      await api.library.deleteProviderKey(name);
      setTests(({ [name]: _, ...rest }) => rest);
      setSaved(`Your ${providerLabel(name)} key is deleted.`);
      await load();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="provider-keys">
      <h2 id={`${ids}-heading`}>Provider keys</h2>
      <p className="hint">
        Use your own account with an AI provider: books you write with that provider are billed to your key. Keys are
        stored encrypted and never shown again, only their last four characters.
      </p>
      {unavailable && <p className="meta">Provider keys can’t be stored on this server.</p>}
      <ErrorNotice error={failure} />
      {saved && (
        <SuccessNotice>
          <p>{saved}</p>
        </SuccessNotice>
      )}
      {keys === null && !failure && !unavailable && <p role="status">Loading your keys…</p>}
      {keys?.length === 0 && <p>You have no keys stored. Books use the platform’s keys or the sample writer.</p>}
      {keys && keys.length > 0 && (
        <ul className="key-list" aria-label="Stored keys">
          {keys.map((k) => (
            <li key={k.provider} className="key-card">
              <p className="key-name">
                <strong>{providerLabel(k.provider)}</strong>
                <span className="meta">
                  {' '}
                  ending in <span className="key-last-four">{k.lastFour}</span>, added {day(k.createdAt)}
                </span>
              </p>
              <div className="key-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy !== null}
                  onClick={() => test(k.provider)}
                >
                  {busy === `test-${k.provider}` ? 'Testing…' : 'Test key'}{' '}
                  <span className="visually-hidden">{providerLabel(k.provider)}</span>
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy !== null}
                  onClick={() => remove(k.provider)}
                >
                  {busy === `delete-${k.provider}` ? 'Deleting…' : 'Delete'}{' '}
                  <span className="visually-hidden">{providerLabel(k.provider)} key</span>
                </button>
              </div>
              <div role="status" aria-live="polite">
                {tests[k.provider] && (
                  <p className={tests[k.provider].ok ? 'key-test key-test-ok' : 'key-test key-test-failed'}>
                    {tests[k.provider].text}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {!unavailable && keyProviders.length > 0 && (
        <form noValidate onSubmit={save} aria-labelledby={`${ids}-form-heading`}>
          <h3 id={`${ids}-form-heading`}>{existing ? 'Replace a key' : 'Add a key'}</h3>
          <div className="field">
            <label htmlFor={`${ids}-provider`}>Provider</label>
            <select id={`${ids}-provider`} value={provider} onChange={(e) => setProvider(e.target.value)}>
              {keyProviders.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className={secretError ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${ids}-key`}>API key</label>
            <p className="hint" id={`${ids}-key-hint`}>
              {existing
                ? `Replaces your ${providerLabel(provider)} key ending in ${existing.lastFour}.`
                : keyProviders.find((p) => p.name === provider)?.needsKey === false
                  ? `Only if your server asks for one (OpenRouter, a server behind a proxy).`
                  : `From your ${providerLabel(provider)} account’s API settings.`}
            </p>
            <input
              id={`${ids}-key`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              aria-invalid={secretError ? true : undefined}
              aria-describedby={`${ids}-key-hint${secretError ? ` ${ids}-key-error` : ''}`}
            />
            {secretError && (
              <p className="field-error" id={`${ids}-key-error`}>
                {secretError}
              </p>
            )}
          </div>
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Saving…' : existing ? 'Replace key' : 'Save key'}
          </button>
        </form>
      )}
    </section>
  );
}
