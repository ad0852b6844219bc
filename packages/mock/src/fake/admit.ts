import type { FakeRequest } from './fake-request';
import { gatewayBody, Refusal } from './refusal';

/** The only token, account and app a fake serves, when it was given them. */
export interface Admission {
  apiToken?: string;
  accountId?: string;
  appId?: string;
}

/**
 * Refuses what the API's gateway and RealtimeKit refuse before an operation runs: no bearer token (401), another
 * token (401, the gateway's envelope), another account (403), another app (404). `appId` is '' for the account's own
 * operations (`apps`), which are in no app: the gateway checks token and account only. An app created in the fake
 * (`create_app`, in that account) is served beside the one it was given. Never echoes a token.
 */
export function admit(
  request: FakeRequest,
  accountId: string,
  appId: string,
  only: Admission,
  created: (accountId: string, appId: string) => boolean,
) {
  const bearer = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
  if (!bearer) {
    throw new Refusal(401, 'Authentication error: send the API token as "Authorization: Bearer <token>"');
  }
  if (only.apiToken !== undefined && bearer !== only.apiToken) {
    throw new Refusal(401, 'Authentication error', gatewayBody(10000, 'Authentication error'));
  }
  if (only.accountId !== undefined && accountId !== only.accountId) {
    throw new Refusal(403, 'Authentication error', gatewayBody(10000, 'Authentication error'));
  }
  if (appId !== '' && only.appId !== undefined && appId !== only.appId && !created(accountId, appId)) {
    throw new Refusal(404, `No app found with id ${appId} in account ${accountId}`);
  }
}
