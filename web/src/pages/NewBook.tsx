import { useNavigate } from 'react-router';
import { FORMATS, LENGTHS, PROVIDERS, type GenerationRequest } from '../api/books';
import { ErrorNotice } from '../components/ErrorNotice';
import { Select, TextArea, TextField } from '../components/Field';
import { useForm, type Errors } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { ApiError } from '../api/problems';
import { useApi } from '../session/session';

type Values = Record<keyof GenerationRequest, string>;

export function validateNewBook(v: Values): Errors<Values> {
  const errors: Errors<Values> = {};
  if (!v.title.trim()) errors.title = 'Give your book a working title; you can change it later.';
  if (v.braindump.trim().length < 20)
    errors.braindump = 'Tell us a little more: at least a sentence or two about the story.';
  return errors;
}

/** The idea in, a generation job out. */
export function NewBook() {
  usePageTitle('New book');
  const api = useApi();
  const navigate = useNavigate();
  const form = useForm<Values>(
    { title: '', braindump: '', format: 'NOVEL', targetLength: 'MEDIUM', provider: PROVIDERS[0].value },
    validateNewBook,
    async (v) => {
      try {
        await api.books.generate({ ...v, title: v.title.trim() } as GenerationRequest);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
          throw new ApiError({
            ...e.problem,
            code: undefined,
            detail: "Writing books isn't switched on on this server yet. Your idea is still here: try again later.",
          });
        }
        throw e;
      }
      navigate('/books', { state: { started: v.title.trim() } });
    },
  );

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
        <Select label="Length" options={LENGTHS} {...form.bind('targetLength')} />
        <Select
          label="Writer"
          options={PROVIDERS}
          hint="The sample writer works offline and marks its text as sample text."
          {...form.bind('provider')}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Starting…' : 'Start writing'}
        </button>
      </form>
    </section>
  );
}
