import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ACTIVE_STATES,
  generationApi,
  PLAN_STEPS,
  TERMINAL_EVENTS,
  type GenerationApi,
  type JobStatus,
  type ProgressEvent,
} from '../../api/generation';
import { ApiError } from '../../api/problems';
import { useApi } from '../../session/session';

/** The generation API on the session's client (one token, one refresh). */
export function useGeneration(): GenerationApi {
  const { client } = useApi();
  return useMemo(() => generationApi(client), [client]);
}

export type Connection = 'idle' | 'live' | 'reconnecting';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 8000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Follows a book's progress stream while `enabled`. A stream that breaks (network, proxy timeout,
 * server restart) is continued with `Last-Event-ID`, so no event is missed or seen twice; a stream
 * the server ended without a terminal event is continued only while the job still runs.
 */
export function useGenerationEvents(
  bookId: string | undefined,
  enabled: boolean,
  onEvent: (event: ProgressEvent) => void,
  onStatus?: (status: JobStatus | null) => void,
) {
  const gen = useGeneration();
  const [connection, setConnection] = useState<Connection>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const lastEventId = useRef<string | undefined>(undefined);
  const handlers = useRef({ onEvent, onStatus });
  handlers.current = { onEvent, onStatus };

  useEffect(() => {
    if (!bookId || !enabled) return;
    const abort = new AbortController();
    const follow = async () => {
      let delay = FIRST_RETRY_MS;
      for (;;) {
        let ended = false;
        setConnection('live');
        try {
          await gen.events(
            bookId,
            (e) => {
              if (e.id) lastEventId.current = e.id;
              if ((TERMINAL_EVENTS as readonly string[]).includes(e.name)) ended = true;
              delay = FIRST_RETRY_MS;
              handlers.current.onEvent(e);
            },
            { lastEventId: lastEventId.current, signal: abort.signal },
          );
        } catch (e) {
          if (abort.signal.aborted) return;
          if (e instanceof ApiError && e.status !== 0) {
            // the server refused the stream itself (the book is gone, say): retrying would not help
            setFailure(e);
            setConnection('idle');
            return;
          }
          setConnection('reconnecting');
        }
        if (abort.signal.aborted) return;
        if (ended) {
          setConnection('idle');
          return;
        }
        await sleep(delay, abort.signal);
        if (abort.signal.aborted) return;
        delay = Math.min(delay * 2, LONGEST_RETRY_MS);
        try {
          const status = await gen.status(bookId);
          if (abort.signal.aborted) return;
          handlers.current.onStatus?.(status);
          if (!status || !ACTIVE_STATES.includes(status.state)) {
            setConnection('idle');
            return;
          }
        } catch {
          setConnection('reconnecting');
        }
      }
    };
    setFailure(null);
    void follow();
    return () => abort.abort();
  }, [bookId, enabled, gen]);

  return { connection, failure };
}

/** A step key in words: `draft/c003/s02` → "Drafting chapter 3, scene 2". */
export function describeStep(step: string | undefined | null): string {
  if (!step || step === 'queued') return 'Waiting to start';
  const plan = PLAN_STEPS.find((p) => p.key === step);
  if (plan) return `Planning: ${plan.label.toLowerCase()}`;
  if (step === 'spec') return 'Reading your idea';
  if (step === 'summary/book') return 'Summarising the whole book';
  if (step === 'done') return 'Every scene is drafted';
  const chapter = /^summary\/c(\d+)$/.exec(step);
  if (chapter) return `Summarising chapter ${Number(chapter[1])}`;
  const scene = /^(draft|memory|revision|manifest)\/c(\d+)\/s(\d+)$/.exec(step);
  if (scene) {
    const where = `chapter ${Number(scene[2])}, scene ${Number(scene[3])}`;
    if (scene[1] === 'draft') return `Drafting ${where}`;
    if (scene[1] === 'memory') return `Noting what happened in ${where}`;
    if (scene[1] === 'revision') return `Revising ${where}`;
    return `Preparing ${where}`;
  }
  return step;
}

/** "about 3 minutes" for an ETA in seconds. */
export function describeEta(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || seconds < 0) return null;
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} hour${hours === 1 ? '' : 's'}`;
}

export const numberFormat = new Intl.NumberFormat('en');

export function formatUsd(value: number | null | undefined): string {
  const v = value ?? 0;
  return `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)}`;
}
