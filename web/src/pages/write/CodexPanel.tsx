import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { CODEX_KINDS, INSTRUCTIONS_MAX_CHARS, codexApi, type CodexEntry, type CodexFact, type CodexKind, type CodexPin } from '../../api/codex';
import type { ApiClient } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

const KIND_LABELS: Record<CodexKind, string> = {
  CHARACTER: 'Characters',
  PLACE: 'Places',
  OBJECT: 'Objects',
  LORE: 'Lore',
  FACTION: 'Factions',
  RELATIONSHIP: 'Relationships',
};
const KIND_WORD: Record<CodexKind, string> = {
  CHARACTER: 'Character',
  PLACE: 'Place',
  OBJECT: 'Object',
  LORE: 'Lore',
  FACTION: 'Faction',
  RELATIONSHIP: 'Relationship',
};
const PIN_LABELS: Record<CodexPin, string> = { AUTO: 'When named', ALWAYS: 'Always include', NEVER: 'Never include' };

/** Where a scene counted through the book is, e.g. "chapter 2, scene 1"; scene 0 is the plan. */
export type SceneLabel = (index: number) => string;

const splitAliases = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);

/**
 * The codex: the book's characters, places, objects, lore, factions and relationships, each with aliases, a description
 * and facts that hold from a scene on. What the generator learns as it drafts comes in by itself; the author's edits and
 * deletions win, and the drafting prompts carry what this shows (always-include entries in every one, never-include in none).
 */
export function CodexPanel({ client, bookId, sceneLabel, onClose }: { client: ApiClient; bookId: string; sceneLabel?: SceneLabel; onClose?: () => void }) {
  const codex = useMemo(() => codexApi(client), [client]);
  const ids = useId();
  const [entries, setEntries] = useState<CodexEntry[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    setEntries(await codex.list(bookId));
  }, [codex, bookId]);
  useEffect(() => {
    load().catch(setFailure);
  }, [load]);

  /** Runs a change, then shows the codex as the server has it (or the problem). */
  const change = useCallback(
    async (action: () => Promise<unknown>) => {
      setFailure(null);
      try {
        await action();
        await load();
        return true;
      } catch (error) {
        setFailure(error);
        return false;
      }
    },
    [load],
  );

  const needle = query.trim().toLowerCase();
  const shown = (entries ?? []).filter(
    (e) =>
      needle === '' ||
      e.name.toLowerCase().includes(needle) ||
      e.aliases.some((a) => a.toLowerCase().includes(needle)) ||
      e.description.toLowerCase().includes(needle) ||
      e.facts.some((f) => f.text.toLowerCase().includes(needle)),
  );
  const label: SceneLabel = sceneLabel ?? ((i) => (i === 0 ? 'the plan' : `scene ${i}`));

  return (
    <section className="codex-panel" aria-labelledby={`${ids}-title`}>
      <div className="codex-heading">
        <h2 id={`${ids}-title`}>Codex</h2>
        <button type="button" className="button button-small" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          New entry
        </button>
        {onClose && (
          <button type="button" className="button button-small button-secondary" onClick={onClose}>
            Close codex
          </button>
        )}
      </div>
      <p className="meta">What the drafting prompts are told. Facts hold from their scene on; your edits are never overwritten.</p>
      <StandingInstructions codex={codex} bookId={bookId} />
      <label htmlFor={`${ids}-search`}>Search the codex</label>
      <input id={`${ids}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {failure !== null && <ErrorNotice error={failure} />}
      {adding && (
        <EntryForm
          title="New entry"
          submit="Add entry"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            if (await change(() => codex.create(bookId, input))) setAdding(false);
          }}
        />
      )}
      {entries === null && failure === null && <p role="status">Loading the codex…</p>}
      {entries !== null && entries.length === 0 && <p>No entries yet: add one, or let the generator fill it as it drafts.</p>}
      {entries !== null && entries.length > 0 && shown.length === 0 && <p>Nothing in the codex matches “{query}”.</p>}
      {CODEX_KINDS.map((kind) => {
        const ofKind = shown.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`${ids}-${kind}`} className="codex-kind">
            <h3 id={`${ids}-${kind}`}>{KIND_LABELS[kind]}</h3>
            <ul className="codex-entries">
              {ofKind.map((entry) => (
                <EntryItem key={entry.id} entry={entry} label={label} change={change} codex={codex} bookId={bookId} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The book's standing instructions to the models: every later drafting prompt ends with them, and AI assist follows them. */
function StandingInstructions({ codex, bookId }: { codex: ReturnType<typeof codexApi>; bookId: string }) {
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    codex
      .instructions(bookId)
      .then((t) => {
        if (!current) return;
        setSaved(t);
        setText(t);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [codex, bookId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setState('saving');
    try {
      const kept = await codex.setInstructions(bookId, text);
      setSaved(kept);
      setText(kept);
      setState('saved');
    } catch (error) {
      setFailure(error);
      setState('idle');
    }
  }

  if (saved === null && failure === null) return null;
  return (
    <form className="codex-instructions" onSubmit={save}>
      <label htmlFor={`${id}-text`}>Standing instructions</label>
      <p className="meta" id={`${id}-hint`}>
        Every scene drafted from now on is told these, and AI assist follows them (for example “Always British spelling”).
      </p>
      <textarea
        id={`${id}-text`}
        aria-describedby={`${id}-hint`}
        rows={3}
        maxLength={INSTRUCTIONS_MAX_CHARS}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
      />
      <div className="codex-instructions-actions">
        <button type="submit" className="button button-small" disabled={state === 'saving' || text === saved}>
          Save instructions
        </button>
        <span className="meta">
          {text.length} / {INSTRUCTIONS_MAX_CHARS}
        </span>
        <span role="status">{state === 'saved' ? 'Saved.' : ''}</span>
      </div>
      {failure !== null && <ErrorNotice error={failure} />}
    </form>
  );
}

type Change = (action: () => Promise<unknown>) => Promise<boolean>;

function EntryItem({
  entry,
  label,
  change,
  codex,
  bookId,
}: {
  entry: CodexEntry;
  label: SceneLabel;
  change: Change;
  codex: ReturnType<typeof codexApi>;
  bookId: string;
}) {
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [addingFact, setAddingFact] = useState(false);
  return (
    <li className="codex-entry" aria-labelledby={`${ids}-name`}>
      <div className="codex-entry-heading">
        <h4 id={`${ids}-name`}>{entry.name}</h4>
        {entry.aliases.length > 0 && <span className="meta">also {entry.aliases.join(', ')}</span>}
        <label htmlFor={`${ids}-pin`} className="visually-hidden">
          In prompts: {entry.name}
        </label>
        <select
          id={`${ids}-pin`}
          value={entry.pinned}
          onChange={(e) => change(() => codex.update(bookId, entry.id, { pinned: e.target.value as CodexPin }))}
        >
          {(['AUTO', 'ALWAYS', 'NEVER'] as const).map((p) => (
            <option key={p} value={p}>
              {PIN_LABELS[p]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small button-secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit {entry.name}
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => change(() => codex.remove(bookId, entry.id))}>
          Delete {entry.name}
        </button>
      </div>
      {editing ? (
        <EntryForm
          title={`Edit ${entry.name}`}
          submit="Save entry"
          entry={entry}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            if (await change(() => codex.update(bookId, entry.id, input))) setEditing(false);
          }}
        />
      ) : (
        entry.description && <p>{entry.description}</p>
      )}
      <ul className="codex-facts" aria-label={`Facts about ${entry.name}`}>
        {entry.facts.map((fact) => (
          <FactItem key={fact.id} fact={fact} label={label} change={change} save={(input) => codex.updateFact(bookId, entry.id, fact.id, input)}
            remove={() => codex.removeFact(bookId, entry.id, fact.id)} />
        ))}
      </ul>
      {addingFact ? (
        <FactForm
          submit="Add fact"
          label={label}
          onCancel={() => setAddingFact(false)}
          onSubmit={async (input) => {
            if (await change(() => codex.addFact(bookId, entry.id, input))) setAddingFact(false);
          }}
        />
      ) : (
        <button type="button" className="button button-small button-secondary" onClick={() => setAddingFact(true)}>
          Add a fact about {entry.name}
        </button>
      )}
    </li>
  );
}

function FactItem({
  fact,
  label,
  change,
  save,
  remove,
}: {
  fact: CodexFact;
  label: SceneLabel;
  change: Change;
  save: (input: { text: string; fromScene: number }) => Promise<unknown>;
  remove: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li>
        <FactForm
          submit="Save fact"
          label={label}
          fact={fact}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            if (await change(() => save(input))) setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="codex-fact">
      <span>{fact.text}</span> <span className="meta">from {label(fact.fromScene)}</span>
      {fact.source === 'EXTRACTED' && !fact.edited && <span className="meta"> · extracted</span>}
      <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
        Edit fact “{fact.text}”
      </button>
      <button type="button" className="button button-small button-secondary" onClick={() => change(remove)}>
        Delete fact “{fact.text}”
      </button>
    </li>
  );
}

function EntryForm({
  title,
  submit,
  entry,
  onSubmit,
  onCancel,
}: {
  title: string;
  submit: string;
  entry?: CodexEntry;
  onSubmit: (input: { kind: CodexKind; name: string; aliases: string[]; description: string; pinned?: CodexPin }) => Promise<void>;
  onCancel: () => void;
}) {
  const ids = useId();
  const [kind, setKind] = useState<CodexKind>(entry?.kind ?? 'CHARACTER');
  const [name, setName] = useState(entry?.name ?? '');
  const [aliases, setAliases] = useState(entry?.aliases.join(', ') ?? '');
  const [description, setDescription] = useState(entry?.description ?? '');
  const [pinned, setPinned] = useState<CodexPin>(entry?.pinned ?? 'AUTO');
  const send = async (e: FormEvent) => {
    e.preventDefault();
    await onSubmit({ kind, name: name.trim(), aliases: splitAliases(aliases), description, ...(entry ? {} : { pinned }) });
  };
  return (
    <form className="codex-form" aria-label={title} onSubmit={send}>
      <label htmlFor={`${ids}-kind`}>Kind</label>
      <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CodexKind)}>
        {CODEX_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_WORD[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-name`}>Name</label>
      <input id={`${ids}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${ids}-aliases`}>Aliases (comma-separated)</label>
      <input id={`${ids}-aliases`} value={aliases} onChange={(e) => setAliases(e.target.value)} />
      <label htmlFor={`${ids}-description`}>Description</label>
      <textarea id={`${ids}-description`} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
      {!entry && (
        <>
          <label htmlFor={`${ids}-pinned`}>In prompts</label>
          <select id={`${ids}-pinned`} value={pinned} onChange={(e) => setPinned(e.target.value as CodexPin)}>
            {(['AUTO', 'ALWAYS', 'NEVER'] as const).map((p) => (
              <option key={p} value={p}>
                {PIN_LABELS[p]}
              </option>
            ))}
          </select>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {submit}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FactForm({
  submit,
  fact,
  label,
  onSubmit,
  onCancel,
}: {
  submit: string;
  fact?: CodexFact;
  label: SceneLabel;
  onSubmit: (input: { text: string; fromScene: number }) => Promise<void>;
  onCancel: () => void;
}) {
  const ids = useId();
  const [text, setText] = useState(fact?.text ?? '');
  const [fromScene, setFromScene] = useState(String(fact?.fromScene ?? 0));
  const scene = Math.max(0, Math.floor(Number(fromScene) || 0));
  return (
    <form
      className="codex-form"
      aria-label={submit}
      onSubmit={async (e) => {
        e.preventDefault();
        await onSubmit({ text: text.trim(), fromScene: scene });
      }}
    >
      <label htmlFor={`${ids}-text`}>Fact</label>
      <textarea id={`${ids}-text`} required maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor={`${ids}-from`}>From scene</label>
      <input id={`${ids}-from`} type="number" min={0} max={100000} value={fromScene} onChange={(e) => setFromScene(e.target.value)} />
      <span className="meta">Holds from {label(scene)} on (0 is before the first scene).</span>
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {submit}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
