import type { ReactNode } from 'react';

/** `comparableTitles` → "Comparable titles". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const NAME_KEYS = ['name', 'title', 'subject'];

// PostgreSQL's jsonb does not keep key order: read the generator's fields in the order of its schemas
const ORDER = [
  'genre', 'subgenres', 'audience', 'tone', 'comparableTitles',
  'voice', 'person', 'tense', 'proseRules', 'dialogueRules', 'avoid',
  'role', 'aliases', 'description', 'goal', 'flaw', 'arc',
  'logline', 'synopsis', 'ending', 'themes',
  'summary', 'pov', 'characters', 'setting', 'beats', 'wordTarget', 'scenes',
];
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A plan artifact (genre, style guide, characters, synopsis...) as a writer reads it: labelled
 * values, lists as lists, named things as headed cards. Generic on purpose: it reads whatever
 * shape the generator wrote, so a new field shows up instead of disappearing.
 */
export function Readable({ value, level = 3 }: { value: unknown; level?: number }): ReactNode {
  if (isEmpty(value)) return <p className="meta">None yet.</p>;
  if (typeof value === 'string') {
    return value.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>);
  }
  if (typeof value !== 'object') return <p>{String(value)}</p>;
  if (Array.isArray(value)) {
    if (value.every((v) => !isPlainObject(v) && !Array.isArray(v))) {
      return (
        <ul className="readable-list">
          {value.map((v, i) => (
            <li key={i}>{String(v)}</li>
          ))}
        </ul>
      );
    }
    const Heading = `h${Math.min(level, 6)}` as 'h3';
    return (
      <ul className="readable-cards">
        {value.map((item, i) => {
          const obj: Record<string, unknown> = isPlainObject(item) ? item : { value: item };
          const nameKey = NAME_KEYS.find((k) => typeof obj[k] === 'string');
          const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => k !== nameKey));
          return (
            <li key={i} className="readable-card">
              {nameKey && <Heading>{String(obj[nameKey])}</Heading>}
              <Readable value={rest} level={level + 1} />
            </li>
          );
        })}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => !isEmpty(v))
    .sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return <p className="meta">None yet.</p>;
  return (
    <dl className="readable">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{humanize(k)}</dt>
          <dd>{typeof v === 'object' ? <Readable value={v} level={level} /> : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
