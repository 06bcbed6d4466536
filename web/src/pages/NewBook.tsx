import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FORMATS } from '../api/books';
import { SAMPLE_PROVIDER, type ProviderInfo, type ProviderKey, type StartGeneration } from '../api/generation';
import { ApiError } from '../api/problems';
import { ErrorNotice } from '../components/ErrorNotice';
import { Select, TextArea, TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { PlanProgress } from './book/PlanProgress';
import { useGeneration } from './book/useGeneration';
import './book/book.css';

export const WIZARD_LENGTHS = [
  { value: 'SHORT', label: 'Short (about 15,000 words)', words: 15_000 },
  { value: 'MEDIUM', label: 'Medium (about 40,000 words)', words: 40_000 },
  { value: 'LONG', label: 'Long (about 80,000 words)', words: 80_000 },
  { value: 'CUSTOM', label: 'Let me choose the words and chapters', words: 0 },
] as const;

const BRAINDUMP_MAX = 20_000;

type Values = {
  title: string;
  braindump: string;
  format: string;
  targetLength: string;
  words: string;
  chapters: string;
  genre: string;
  style: string;
  provider: string;
  model: string;
  budget: string;
};

export const GENRE_MAX = 300;
export const STYLE_MAX = 2_000;

export function validateNewBook(v: Values): Errors<Values> {
  const errors: Errors<Values> = {};
  if (!v.title.trim()) errors.title = 'Give your book a working title; you can change it later.';
  if (v.braindump.trim().length < 20) errors.braindump = 'Tell us a little more: at least a sentence or two about the story.';
  else if (v.braindump.trim().length > BRAINDUMP_MAX)
    errors.braindump = `Your idea can be at most ${BRAINDUMP_MAX.toLocaleString('en')} characters.`;
  if (v.genre.trim().length > GENRE_MAX) errors.genre = `Keep the genre to ${GENRE_MAX} characters.`;
  if (v.style.trim().length > STYLE_MAX) errors.style = `Keep the style to ${STYLE_MAX.toLocaleString('en')} characters.`;
  if (v.targetLength === 'CUSTOM') {
    const words = Number(v.words);
    const chapters = Number(v.chapters);
    if (!Number.isInteger(chapters) || chapters < 1 || chapters > 200) errors.chapters = 'Choose between 1 and 200 chapters.';
    if (!Number.isInteger(words) || words > 1_000_000) errors.words = 'Choose a whole number of words, at most 1,000,000.';
    else if (words < 250 * Math.max(1, chapters || 1))
      errors.words = 'Allow at least 250 words per chapter.';
  }
  if (v.budget.trim() && !(Number(v.budget) >= 0)) errors.budget = 'The budget is an amount in US dollars, like 2.50.';
  return errors;
}

export function toRequest(v: Values, approveOutline: boolean): StartGeneration {
  const length = WIZARD_LENGTHS.find((l) => l.value === v.targetLength) ?? WIZARD_LENGTHS[1];
  const request: StartGeneration & { chapters?: number } = {
    title: v.title.trim(),
    braindump: v.braindump.trim(),
    format: v.format,
    targetWords: length.value === 'CUSTOM' ? Number(v.words) : length.words,
    provider: v.provider,
    approveOutline,
  };
  if (length.value === 'CUSTOM') request.chapters = Number(v.chapters);
  if (v.provider !== SAMPLE_PROVIDER && v.model.trim()) request.model = v.model.trim();
  if (v.budget.trim()) request.budgetUsd = Number(v.budget);
  if (v.genre.trim()) request.genre = v.genre.trim();
  if (v.style.trim()) request.style = v.style.trim();
  return request;
}

/** What choosing this writer means: whose key pays, or that nothing is paid. */
function writerHint(provider: ProviderInfo, ownKey: ProviderKey | undefined) {
  if (provider.name === SAMPLE_PROVIDER) return 'The sample writer works offline, costs nothing and marks its text as sample text.';
  if (!provider.needsKey) {
    return provider.free ? `Runs on this server's ${provider.label}; it costs nothing per word.` : `Runs on this server's ${provider.label}.`;
  }
  if (ownKey) return `Uses your ${provider.label} key; the cost is billed to your account with them.`;
  if (provider.serverKey) return `Uses this server's ${provider.label} key. To use your own, add it in Settings.`;
  return (
    <>
      There is no {provider.label} key on this server yet. Add your own in <Link to="/settings">Settings</Link>.
    </>
  );
}

/** The new-book wizard; after it starts, the same address follows the plan (`?book=id`). */
export function NewBook() {
  const [params] = useSearchParams();
  const bookId = params.get('book');
  usePageTitle(bookId ? 'Planning your book' : 'New book');
  return bookId ? <PlanProgress bookId={bookId} /> : <NewBookForm />;
}

/** What the writer's own server lists for the chosen provider (Ollama, OpenAI-compatible), to pick a model from; else nothing. */
function useServerModels(provider: ProviderInfo | undefined) {
  const gen = useGeneration();
  const [models, setModels] = useState<{ provider: string; models: string[] } | null>(null);
  const name = provider?.needsAddress && provider.configured ? provider.name : null;
  useEffect(() => {
    if (!name) return;
    let current = true;
    gen
      .providerModels(name)
      .then((m) => current && setModels({ provider: name, models: m }))
      .catch(() => current && setModels({ provider: name, models: [] }));
    return () => {
      current = false;
    };
  }, [gen, name]);
  return models && models.provider === name ? models.models : [];
}

function NewBookForm() {
  const gen = useGeneration();
  const navigate = useNavigate();
  const approveId = useId();
  const [approveOutline, setApproveOutline] = useState(true);
  const [keys, setKeys] = useState<ProviderKey[] | null>(null);
  const [providers, setProviders] = useState<ProviderInfo[] | null>(null);

  useEffect(() => {
    let current = true;
    gen
      .providerKeys()
      .then((k) => current && setKeys(k))
      .catch(() => current && setKeys([]));
    gen
      .providers()
      .then((p) => current && setProviders(p))
      .catch(() => current && setProviders([]));
    return () => {
      current = false;
    };
  }, [gen]);

  const form = useForm<Values>(
    {
      title: '',
      braindump: '',
      format: 'NOVEL',
      targetLength: 'MEDIUM',
      words: '3000',
      chapters: '3',
      genre: '',
      style: '',
      provider: SAMPLE_PROVIDER,
      model: '',
      budget: '',
    },
    validateNewBook,
    async (v) => {
      let job;
      try {
        job = await gen.start(toRequest(v, approveOutline));
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405) && !e.code?.endsWith('-not-found')) {
          throw new ApiError({
            ...e.problem,
            code: undefined,
            detail: "Writing books isn't switched on on this server yet. Your idea is still here: try again later.",
          });
        }
        throw e;
      }
      navigate(`/books/new?book=${encodeURIComponent(job.bookId)}`);
    },
  );

  // the server's catalogue, as far as this server can reach each provider
  const offered = (providers ?? []).filter((p) => p.configured);
  const provider = offered.find((p) => p.name === form.values.provider);
  const providerOptions = offered.map((p) => {
    if (!p.needsKey) return { value: p.name, label: p.label };
    const key = keys?.find((k) => k.provider === p.name);
    return { value: p.name, label: key ? `${p.label} (your key ending ${key.lastFour})` : `${p.label} (no key of yours)` };
  });
  const ownKey = keys?.find((k) => k.provider === provider?.name);
  const aiWriter = provider !== undefined && provider.name !== SAMPLE_PROVIDER;
  const serverModels = useServerModels(provider);
  const modelsId = useId();

  return (
    <section className="narrow">
      <h1>New book</h1>
      <form noValidate onSubmit={form.onSubmit} aria-label="New book">
        <ErrorNotice error={form.failure} />
        <TextField label="Working title" required {...form.bind('title')} />
        <TextArea
          label="Your idea"
          rows={8}
          required
          hint="Characters, setting, what happens, the feeling you want: write it as it comes."
          {...form.bind('braindump')}
        />
        <Select label="Format" options={FORMATS} {...form.bind('format')} />
        <Select label="Length" options={WIZARD_LENGTHS} {...form.bind('targetLength')} />
        {form.values.targetLength === 'CUSTOM' && (
          <div className="field-row">
            <TextField label="Words" type="number" inputMode="numeric" min={250} step={250} {...form.bind('words')} />
            <TextField label="Chapters" type="number" inputMode="numeric" min={1} max={200} {...form.bind('chapters')} />
          </div>
        )}
        <TextField
          label="Genre (optional)"
          hint="For example: cosy mystery, hard science fiction, literary fiction for adults."
          {...form.bind('genre')}
        />
        <TextField
          label="Style (optional)"
          hint="For example: first person, present tense, spare and lyrical, lots of dialogue."
          {...form.bind('style')}
        />
        {providers === null ? (
          <p role="status">Loading the writers…</p>
        ) : offered.length === 0 ? (
          <p className="hint">The list of writers could not be loaded: this book will be written by the offline sample writer.</p>
        ) : (
          <Select label="Writer" options={providerOptions} hint={provider && writerHint(provider, ownKey)} {...form.bind('provider')} />
        )}
        {aiWriter && (
          <TextField
            label={provider.needsModel ? 'Model' : 'Model (optional)'}
            hint={
              provider.needsModel
                ? `Name the model ${provider.label} should use.`
                : `Leave empty for ${provider.defaultModel}${provider.summaryModel && provider.summaryModel !== provider.defaultModel ? ` (summaries: ${provider.summaryModel})` : ''}.`
            }
            list={serverModels.length > 0 ? modelsId : undefined}
            {...form.bind('model')}
          />
        )}
        {aiWriter && serverModels.length > 0 && (
          <datalist id={modelsId}>
            {serverModels.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        )}
        <TextField
          label="Budget in US dollars (optional)"
          inputMode="decimal"
          hint="Writing stops before it would spend more; you can raise the budget and resume."
          {...form.bind('budget')}
        />
        <div className="field field-checkbox">
          <input id={approveId} type="checkbox" checked={approveOutline} onChange={(e) => setApproveOutline(e.target.checked)} />
          <label htmlFor={approveId}>I want to approve the outline first</label>
        </div>
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Starting…' : 'Start writing'}
        </button>
      </form>
    </section>
  );
}
