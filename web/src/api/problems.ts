/** An RFC 9457 problem as every AuthorWorks service answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
}

// Stable codes put into words a writer understands. A code not listed here falls back to the
// server's own `detail`, so a new service error is still shown, just less polished.
const MESSAGES: Record<string, string> = {
  'network-error': "We couldn't reach AuthorWorks. Check your connection and try again.",
  'invalid-credentials': "That email and password don't match. Check them and try again.",
  'email-taken': 'An account with this email already exists. Log in, or reset your password if you forgot it.',
  'username-taken': 'That username is already taken. Please choose another one.',
  'email-not-verified': 'Please verify your email first: follow the link we sent you.',
  'invalid-token': 'This link has expired or has already been used. Ask for a new one.',
  'wrong-password': "Your current password isn't right.",
  'too-many-attempts': 'Too many attempts. Please wait a minute, then try again.',
  'authentication-required': 'Your session has ended. Please log in again.',
  'invalid-refresh-token': 'Your session has ended. Please log in again.',
  'refresh-token-expired': 'Your session has expired. Please log in again.',
  'refresh-token-reused': 'For your safety we signed you out everywhere. Please log in again.',
  'invalid-avatar-url': 'The avatar must be an https:// web address.',
  'invalid-link': 'Each link must be an https:// web address.',
  'too-many-links': 'A profile can have at most 5 links.',
  'not-your-profile': 'You can only change your own profile.',
  'user-not-found': "We couldn't find that writer.",
  forbidden: "You don't have permission to do that.",
  'not-found': "We couldn't find that. It may have been moved or deleted.",
  'body-too-large': "That's too large to send in one go. Try something shorter.",
  'validation-failed': 'Some fields need your attention.',
  // books, reading, exports, covers and provider keys (content service)
  'book-not-found': "We couldn't find that book. It may have been deleted.",
  'export-format-not-available': 'Fountain and Final Draft files are only for scripts: screenplays, stage plays and TV episodes.',
  'invalid-export-format': 'Choose one of the formats listed.',
  'invalid-trim-size': 'Choose one of the page sizes listed.',
  'exports-unavailable': "Exports aren't available on this server right now: its file storage isn't running.",
  'export-not-found': "We couldn't find that export. Export the book again to get a new file.",
  'unsupported-cover-type': 'A cover must be a PNG or JPEG image.',
  'cover-not-found': 'This book has no cover of your own; exports draw one from the title.',
  'covers-unavailable': "Covers can't be saved on this server right now: its file storage isn't running.",
  'file-too-large': 'That file is too large. Choose a smaller image.',
  'quota-exceeded': 'Your storage space is full. Delete some earlier exports or files, then try again.',
  'provider-not-found': 'Keys can be stored for Anthropic, OpenAI and Gemini only.',
  'provider-key-not-found': 'You have no key stored for that provider.',
  'provider-key-missing': 'There is no API key for that AI provider. Add your own key in Settings (for a new book you can also choose the sample writer).',
  // writing (api/editing.ts)
  'edit-conflict': 'Someone saved a newer version meanwhile (in another tab, perhaps). Your text is still here.',
  'chapter-not-found': "We couldn't find that chapter. It may have been deleted in another tab.",
  'scene-not-found': "We couldn't find that scene. It may have been deleted in another tab.",
  'version-not-found': "We couldn't find that version of the scene.",
  'invalid-order': 'The chapters or scenes changed in the meantime. Reload the page and move them again.',
  'assist-interrupted': 'The suggestion stopped before it was finished. Please ask again.',
  'invalid-assist-action': 'AI assist cannot do that. Choose continue, rewrite, expand, shorten or fix grammar.',
  'selection-required': 'Select the text you want AI assist to work on first.',
  'provider-key-refused': 'The AI provider refused the API key. Check or replace it in Settings, then try again.',
  'provider-rate-limited': 'The AI provider is getting too many requests right now. Wait a minute, then ask again.',
  'provider-unavailable': 'The AI provider is not answering right now. Try again in a moment.',
  'assist-too-long': 'That is too much text for the AI model in one go. Select a shorter passage and ask again.',
  'provider-failed': 'The AI provider failed to answer. Please ask again.',
  'assist-failed': 'AI assist stopped because of a problem on our side. Please ask again; your text is unchanged.',
  // generation (new-book wizard, book view)
  'generation-not-found': 'This book was never generated, so there is no progress to show.',
  'generation-in-progress': 'This book is already being written. Wait for it to finish, or stop it first.',
  'generation-not-running': "This book isn't being written right now, so there is nothing to stop.",
  'too-many-generations': 'You already have a book being written. Wait for it to finish, or stop it, then start this one.',
  'unknown-provider': "This server doesn't know that writer. Choose another one.",
  'invalid-generation-request': "That length doesn't fit: allow at least 250 words per chapter.",
  'invalid-format': "This server doesn't know that format. Choose another one.",
  'invalid-artifact': "The generator can't use that plan as it is: check that every chapter and scene has a title and beats.",
  'artifact-not-found': "That part of the plan hasn't been written yet.",
  'manifest-not-found': 'The generator did not draft this scene, so there is no prompt to show.',
  'invalid-last-event-id': 'The progress stream got confused; reload the page to follow it again.',
  // serial release (docs/content.md#serial-release)
  'book-not-published': 'Publish the book first: its chapters can only be released once it is out.',
  'already-published': 'That chapter is already out. Withdraw it first to schedule it again.',
  'release-at-in-past': 'That time has passed. Choose a time in the future, or release it now.',
  // chapter gating (docs/content.md#chapter-gating)
  'unknown-tier': 'That tier is not one of yours. Choose one of your tiers.',
  'invalid-schedule': 'That early-access schedule does not work: each step must come after the one before, and everyone last.',
  'invalid-visibility': 'Choose who may read the chapter: everyone, members, or chosen tiers.',
  'invalid-free-preview': 'The free preview is between 0 and 1000 chapters.',
  'subscriptions-unavailable': 'Tiers cannot be checked just now. Try again in a moment.',
  // updates, comments and moderation (docs/discovery.md)
  'invalid-cursor': 'That list changed too much to go on. Reload the page.',
  'comment-empty': 'Write something first.',
  'comment-not-found': "We couldn't find that comment. It may have been deleted.",
  'comment-deleted': 'That comment was deleted, so it can no longer be answered.',
  'not-your-comment': 'You can only change your own comments.',
  'not-moderator': "Only the book's author and the admins can hide comments.",
  blocked: "You can't answer this reader.",
  'identity-unavailable': "Replies can't be sent right now. Please try again in a moment.",
  'content-unavailable': "Comments can't be loaded right now. Please try again in a moment.",
  'own-content': "You can't report your own comment.",
  'invalid-reason': 'Choose a reason for the report.',
  'admin-only': 'Only admins can see the moderation queue.',
  'invalid-status': 'Choose open, resolved or dismissed.',
  'report-settled': 'Another admin already settled that report.',
  'internal-error': 'Something went wrong on our side. Please try again; if it keeps happening, contact support with the reference below.',
};

const BY_STATUS: Record<number, string> = {
  400: 'Something in the form needs your attention.',
  401: MESSAGES['authentication-required'],
  403: MESSAGES.forbidden,
  404: MESSAGES['not-found'],
  409: 'That conflicts with something that already exists.',
  413: MESSAGES['body-too-large'],
  429: MESSAGES['too-many-attempts'],
};

/** The sentence to show a writer for a problem. */
export function describeProblem(problem: Problem): string {
  return (
    (problem.code && MESSAGES[problem.code]) ||
    problem.detail ||
    BY_STATUS[problem.status] ||
    (problem.status >= 500 ? MESSAGES['internal-error'] : problem.title) ||
    'Something went wrong. Please try again.'
  );
}

/** Turns any response into a problem, also when a proxy answered with HTML. */
export async function readProblem(response: Response): Promise<Problem> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { ...body, status: body.status ?? response.status, requestId: body.requestId ?? requestId };
    } catch {
      // a malformed body still leaves the status to explain the failure
    }
  }
  return { status: response.status, title: response.statusText, requestId };
}

/** A failed API call, carrying the problem and the sentence for the writer. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get requestId(): string | undefined {
    return this.problem.requestId;
  }

  /** Field name -> message, to show each next to its input. */
  get fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      errors[e.field] ??= e.message;
    }
    return errors;
  }
}
