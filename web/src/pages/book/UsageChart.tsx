import { useId, useState } from 'react';
import type { BookUsage, StepUsage } from '../../api/generation';
import { describeStep, formatUsd, numberFormat } from './useGeneration';

type Measure = 'tokens' | 'cost';
type Grouping = 'step' | 'chapter' | 'phase';

export interface UsageRow {
  label: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

const PHASE_WORDS: Record<string, string> = {
  plan: 'Planning',
  draft: 'Drafting',
  revision: 'Revising',
  summary: 'Summaries and notes',
  assist: 'AI assist',
  other: 'Other',
};

function stepLabel(s: StepUsage): string {
  if (s.phase === 'assist') return s.chapter ? `AI assist, chapter ${s.chapter}` : 'AI assist';
  return describeStep(s.step);
}

/** Rows of the chart, in the order the steps were first paid for. */
export function groupUsage(steps: StepUsage[], grouping: Grouping): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const s of steps) {
    const label =
      grouping === 'step'
        ? stepLabel(s)
        : grouping === 'phase'
          ? (PHASE_WORDS[s.phase] ?? s.phase)
          : s.chapter
            ? `Chapter ${s.chapter}`
            : s.phase === 'plan'
              ? 'Planning'
              : 'Whole book';
    const row = rows.get(label) ?? { label, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    row.calls += s.calls;
    row.inputTokens += s.inputTokens;
    row.outputTokens += s.outputTokens;
    row.costUsd += s.costUsd;
    rows.set(label, row);
  }
  return [...rows.values()];
}

const WIDTH = 400;
const ROW = 44;
const BAR = 16;
// the palette's custom properties (styles.css), so the bars follow the light or dark theme
const COLORS = { input: 'var(--chart-input)', output: 'var(--chart-output)', cost: 'var(--chart-cost)' };

/**
 * Tokens and cost by step as a horizontal bar chart (SVG, drawn here: no chart library), with the
 * same numbers as a table for screen readers and anyone who prefers one.
 */
export function UsageChart({ usage }: { usage: BookUsage }) {
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('tokens');
  const [grouping, setGrouping] = useState<Grouping>(usage.steps.length > 30 ? 'chapter' : 'step');
  const rows = groupUsage(usage.steps, grouping);
  const value = (r: UsageRow) => (measure === 'tokens' ? r.inputTokens + r.outputTokens : r.costUsd);
  const max = Math.max(...rows.map(value), measure === 'tokens' ? 1 : 0.0001);
  const height = rows.length * ROW + 8;
  const scale = (v: number) => (v / max) * (WIDTH - 4);
  const total =
    measure === 'tokens'
      ? `${numberFormat.format(usage.inputTokens + usage.outputTokens)} tokens (${numberFormat.format(usage.inputTokens)} in, ${numberFormat.format(usage.outputTokens)} out)`
      : formatUsd(usage.costUsd);

  if (usage.steps.length === 0) {
    return <p>Nothing has been paid for yet: tokens and cost appear here as the book is written.</p>;
  }

  return (
    <div className="usage">
      <p>
        In all: <strong>{numberFormat.format(usage.calls)}</strong> model calls,{' '}
        <strong>{numberFormat.format(usage.inputTokens + usage.outputTokens)}</strong> tokens,{' '}
        <strong>{formatUsd(usage.costUsd)}</strong>.
      </p>
      <div className="usage-controls">
        <fieldset className="segmented">
          <legend>Show</legend>
          {(['tokens', 'cost'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-measure`} value={m} checked={measure === m} onChange={() => setMeasure(m)} />
              {m === 'tokens' ? 'Tokens' : 'Cost'}
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend>Group by</legend>
          {(['step', 'chapter', 'phase'] as const).map((g) => (
            <label key={g}>
              <input type="radio" name={`${id}-group`} value={g} checked={grouping === g} onChange={() => setGrouping(g)} />
              {g === 'step' ? 'Step' : g === 'chapter' ? 'Chapter' : 'Kind of work'}
            </label>
          ))}
        </fieldset>
      </div>
      {measure === 'tokens' && (
        <ul className="usage-legend" aria-hidden="true">
          <li>
            <span className="swatch" style={{ background: COLORS.input }} /> Read by the model (input)
          </li>
          <li>
            <span className="swatch swatch-output" style={{ background: COLORS.output }} /> Written by the model (output)
          </li>
        </ul>
      )}
      <svg
        className="usage-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{measure === 'tokens' ? 'Tokens' : 'Cost'} by {grouping === 'phase' ? 'kind of work' : grouping}</title>
        <desc id={`${id}-desc`}>
          {rows.length} bars; in all {total}. The table below has every number.
        </desc>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const text = measure === 'tokens' ? `${numberFormat.format(value(r))} tokens` : formatUsd(r.costUsd);
          return (
            <g key={r.label} className="usage-row">
              <text x={0} y={y + 13} className="usage-label">
                {r.label}
              </text>
              <text x={WIDTH} y={y + 13} textAnchor="end" className="usage-value">
                {text}
              </text>
              {measure === 'tokens' ? (
                <>
                  <rect x={0} y={y + 20} width={scale(r.inputTokens)} height={BAR} style={{ fill: COLORS.input }}>
                    <title>{`${r.label}: ${numberFormat.format(r.inputTokens)} input tokens`}</title>
                  </rect>
                  <rect
                    x={scale(r.inputTokens)}
                    y={y + 20}
                    width={scale(r.outputTokens)}
                    height={BAR}
                    style={{ fill: COLORS.output, stroke: 'var(--bg)' }}
                    strokeWidth={1}
                  >
                    <title>{`${r.label}: ${numberFormat.format(r.outputTokens)} output tokens`}</title>
                  </rect>
                </>
              ) : (
                <rect x={0} y={y + 20} width={scale(r.costUsd)} height={BAR} style={{ fill: COLORS.cost }}>
                  <title>{`${r.label}: ${formatUsd(r.costUsd)}`}</title>
                </rect>
              )}
            </g>
          );
        })}
      </svg>
      <details className="usage-table">
        <summary>The numbers as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Tokens and cost by {grouping === 'phase' ? 'kind of work' : grouping}</caption>
            <thead>
              <tr>
                <th scope="col">{grouping === 'step' ? 'Step' : grouping === 'chapter' ? 'Chapter' : 'Kind of work'}</th>
                <th scope="col">Calls</th>
                <th scope="col">Input tokens</th>
                <th scope="col">Output tokens</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{numberFormat.format(r.calls)}</td>
                  <td>{numberFormat.format(r.inputTokens)}</td>
                  <td>{numberFormat.format(r.outputTokens)}</td>
                  <td>{formatUsd(r.costUsd)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">In all</th>
                <td>{numberFormat.format(usage.calls)}</td>
                <td>{numberFormat.format(usage.inputTokens)}</td>
                <td>{numberFormat.format(usage.outputTokens)}</td>
                <td>{formatUsd(usage.costUsd)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </div>
  );
}
