import { RealtimeKitError } from '@realtimekit-meetings/client';

const STATUS: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You are not signed in',
  403: 'You are not allowed to do that',
  404: 'It does not exist (any more)',
  413: 'That is too large',
  422: 'The API rejected the data',
  429: 'Too many requests: try again in a moment',
};

/** Turns what the hooks throw into a sentence a person can act on. */
export function describeError(error: unknown): string {
  if (!(error instanceof RealtimeKitError)) return 'Something went wrong.';
  switch (error.kind) {
    case 'network':
      return 'The server cannot be reached. Check your connection.';
    case 'timeout':
      return 'RealtimeKit took too long to answer. Try again.';
    case 'invalid_argument':
      return error.message;
    case 'http': {
      const status = error.status ?? 0;
      const summary = STATUS[status] ?? (status >= 500 ? 'RealtimeKit is having trouble' : 'The request failed');
      return `${summary}: ${error.message}`;
    }
    default:
      return error.message;
  }
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {describeError(error)}
    </p>
  );
}
