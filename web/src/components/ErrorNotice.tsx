import { ApiError } from '../api/problems';

/** A failure in words, with the request id in small print for support. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) {
    return null;
  }
  const message = error instanceof Error ? error.message : 'Something went wrong. Please try again.';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {requestId && <p className="request-id">Reference for support: {requestId}</p>}
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {children}
    </div>
  );
}
