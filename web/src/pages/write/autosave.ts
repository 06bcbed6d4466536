// Autosave of one scene's text: debounced, one save at a time, each naming the version it was based
// on so a save never overwrites someone else's (409 edit-conflict). The writer's text is never
// dropped: a failed or refused save keeps it pending until it is saved or the writer decides.
import type { Scene } from '../../api/editing';
import { ApiError } from '../../api/problems';

export type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; currentVersion: number | null };

export interface SaverOptions {
  /** PATCHes the text; rejects with an ApiError. */
  save(html: string, baseVersion: number): Promise<Scene>;
  /** The editor's text as the server's HTML, read when a save starts. */
  read(): string;
  onState(state: SaveState): void;
  onSaved?(scene: Scene): void;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
}

export class SceneSaver {
  private state: SaveState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private changedWhileSaving = false;
  private lastSaved: string;
  private base: number;
  private readonly delayMs: number;

  constructor(
    private readonly options: SaverOptions,
    version: number,
    savedHtml: string,
  ) {
    this.base = version;
    this.lastSaved = savedHtml;
    this.delayMs = options.delayMs ?? 1200;
    this.state = { kind: 'saved', version };
  }

  get current(): SaveState {
    return this.state;
  }

  get baseVersion(): number {
    return this.base;
  }

  /** True while the editor holds text the server does not have. */
  get hasUnsavedChanges(): boolean {
    return this.state.kind !== 'saved' || this.options.read() !== this.lastSaved;
  }

  /** The text changed: save after a quiet moment (not while a conflict waits for the writer). */
  changed(): void {
    if (this.running) this.changedWhileSaving = true;
    if (this.state.kind === 'conflict') return;
    // a value change that changed nothing (a load, a restore, normalising) is not an edit
    if (this.state.kind === 'saved' && !this.running && this.options.read() === this.lastSaved) return;
    if (this.state.kind !== 'saving' && this.state.kind !== 'failed') this.set({ kind: 'unsaved' });
    this.schedule();
  }

  /** Saves now if anything is pending; true when the server has the editor's text. */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.running) {
      await this.running;
    }
    if (this.state.kind === 'conflict') return false;
    return this.saveNow(this.base);
  }

  /** After a conflict: save the writer's text over the newer version (which stays in the history). */
  overwrite(): Promise<boolean> {
    const current = this.state.kind === 'conflict' ? this.state.currentVersion : null;
    return this.saveNow(current ?? this.base, true);
  }

  /** The editor now shows this saved text (a load, a restore, an accepted newer version). */
  reset(version: number, savedHtml: string): void {
    this.cancelTimer();
    this.base = version;
    this.lastSaved = savedHtml;
    this.set({ kind: 'saved', version });
  }

  dispose(): void {
    this.cancelTimer();
  }

  private schedule() {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow(this.base);
    }, this.delayMs);
  }

  private cancelTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private saveNow(base: number, force = false): Promise<boolean> {
    if (this.running) {
      // one save at a time: the next starts from the version this one produces
      this.changedWhileSaving = true;
      return this.running.then(() => this.flush());
    }
    const html = this.options.read();
    if (html === this.lastSaved && !force && this.state.kind !== 'conflict') {
      this.set({ kind: 'saved', version: this.base });
      return Promise.resolve(true);
    }
    this.changedWhileSaving = false;
    this.set({ kind: 'saving' });
    this.running = this.options
      .save(html, base)
      .then((scene) => {
        this.base = scene.version;
        this.lastSaved = html;
        this.options.onSaved?.(scene);
        if (this.changedWhileSaving && this.options.read() !== html) {
          this.set({ kind: 'unsaved' });
          this.schedule();
        } else {
          this.set({ kind: 'saved', version: scene.version });
        }
        return true;
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'edit-conflict') {
          const currentVersion = (e.problem as { currentVersion?: unknown }).currentVersion;
          this.set({ kind: 'conflict', currentVersion: typeof currentVersion === 'number' ? currentVersion : null });
        } else {
          this.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
        return false;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private set(state: SaveState) {
    this.state = state;
    this.options.onState(state);
  }
}
