/** A fetch that records every Request it is given and answers from `respond`. Nothing leaves the process. */
export function recordingFetch(
  respond: (request: Request) => Response | Promise<Response> = () => Response.json({ success: true, data: {} }),
) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests };
}

/** A fetch that never answers: it rejects only when the request's signal aborts (a timeout or the caller's). */
export const neverAnswers = (request: Request) =>
  new Promise<Response>((_resolve, reject) =>
    request.signal.addEventListener('abort', () => reject(request.signal.reason)),
  );

export { ACCOUNT, APP, MEETING, PARTICIPANT, PREFIX } from '@realtimekit-meetings/test-fixtures/ids';
export const TOKEN = 'cf-test-token-DO-NOT-LEAK-7f3a9b';
