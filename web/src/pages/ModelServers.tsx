import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ProviderInfo } from '../api/generation';
import type { KeyTest } from '../api/library';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { useSession } from '../session/session';
import { useGeneration } from './book/useGeneration';
import './library.css';

/** Where each kind of server usually listens, as the servers document it. */
const EXAMPLES: Record<string, string> = {
  ollama: 'Where Ollama runs, e.g. http://localhost:11434.',
  'openai-compatible':
    'The API’s base URL with its version path: llama.cpp http://localhost:8080/v1, vLLM http://localhost:8000/v1, ' +
    'LM Studio http://localhost:1234/v1, OpenRouter https://openrouter.ai/api/v1.',
};

/** The most model names shown after a test; a router lists hundreds. */
const SHOWN_MODELS = 12;

function ServerCard({ provider, onChanged }: { provider: ProviderInfo; onChanged: () => Promise<void> }) {
  const { api } = useSession();
  const ids = useId();
  const [address, setAddress] = useState(provider.address ?? '');
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | null>(null);
  const [result, setResult] = useState<KeyTest | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(null);
    setResult(null);
    setBusy('save');
    try {
      const stored = await api.library.saveProviderEndpoint(provider.name, address.trim());
      setAddress(stored.baseUrl);
      setSaved(`Your books written with ${provider.label} now go to ${stored.baseUrl}.`);
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const test = async () => {
    setFailure(null);
    setSaved(null);
    setBusy('test');
    try {
      setResult(await api.library.testProviderEndpoint(provider.name));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setFailure(null);
    setSaved(null);
    setResult(null);
    setBusy('remove');
    try {
      await api.library.deleteProviderEndpoint(provider.name);
      setAddress('');
      setSaved(`Your ${provider.label} address is removed.`);
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const models = result?.models ?? [];
  return (
    <li className="key-card">
      <form noValidate onSubmit={save} aria-labelledby={`${ids}-name`}>
        <p className="key-name" id={`${ids}-name`}>
          <strong>{provider.label}</strong>
          {' '}
          <span className="meta">{provider.address ? `at ${provider.address}` : 'no address of yours'}</span>
        </p>
        <ErrorNotice error={failure} />
        {saved && (
          <SuccessNotice>
            <p>{saved}</p>
          </SuccessNotice>
        )}
        <div className="field">
          <label htmlFor={`${ids}-address`}>Address</label>
          <p className="hint" id={`${ids}-hint`}>
            {EXAMPLES[provider.name] ?? 'The API’s base URL.'}
          </p>
          <input
            id={`${ids}-address`}
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-describedby={`${ids}-hint`}
          />
        </div>
        <div className="key-actions">
          <button type="submit" className="button" disabled={busy !== null || address.trim() === ''}>
            {busy === 'save' ? 'Saving…' : 'Save address'}{' '}
            <span className="visually-hidden">for {provider.label}</span>
          </button>
          {provider.address && (
            <>
              <button type="button" className="button button-secondary" disabled={busy !== null} onClick={test}>
                {busy === 'test' ? 'Testing…' : 'Test server'}{' '}
                <span className="visually-hidden">{provider.label}</span>
              </button>
              <button type="button" className="button button-danger" disabled={busy !== null} onClick={remove}>
                {busy === 'remove' ? 'Removing…' : 'Remove'}{' '}
                <span className="visually-hidden">{provider.label} address</span>
              </button>
            </>
          )}
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <div className={result.ok ? 'key-test key-test-ok' : 'key-test key-test-failed'}>
            <p>
              {result.ok ? `${provider.label} works. ` : `${provider.label} could not be used. `}
              {result.message}
            </p>
            {models.length > 0 && (
              <p>
                Models on this server: {models.slice(0, SHOWN_MODELS).join(', ')}
                {models.length > SHOWN_MODELS ? ` and ${models.length - SHOWN_MODELS} more` : ''}.
              </p>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * "Your own model servers" in Settings: the address of the writer's Ollama or OpenAI-compatible
 * server (llama.cpp, vLLM, LM Studio, OpenRouter), tested with one tiny call; books the writer starts
 * with that provider are written through it.
 */
export function ModelServers() {
  const gen = useGeneration();
  const ids = useId();
  const [servers, setServers] = useState<ProviderInfo[] | null>(null);

  const load = useCallback(
    () =>
      gen
        .providers()
        .then((all) => setServers(all.filter((p) => p.needsAddress)))
        .catch(() => setServers([])),
    [gen],
  );

  useEffect(() => {
    load();
  }, [load]);

  if (!servers || servers.length === 0) return null;
  return (
    <section aria-labelledby={`${ids}-heading`} className="provider-keys">
      <h2 id={`${ids}-heading`}>Your own model servers</h2>
      <p className="hint">
        Write with models you run yourself or reach through a router. If the server needs a key, store it under
        provider keys above.
      </p>
      <ul className="key-list" aria-label="Model servers">
        {servers.map((p) => (
          <ServerCard key={p.name} provider={p} onChanged={load} />
        ))}
      </ul>
    </section>
  );
}
