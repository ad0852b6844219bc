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

export const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
export const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
export const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
export const PARTICIPANT = '4f2a7c1e-8f3b-4d39-9c55-1f0e6a7b2c11';
export const TOKEN = 'cf-test-token-DO-NOT-LEAK-7f3a9b';
export const PREFIX = `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}`;
