/**
 * The IDs every test uses, in the shapes the spec gives them: a 32-hex account, UUID app, meetings and participants.
 * Secrets that tests check never leak are made per package, so a leak names the package it came from.
 */
export const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
export const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
export const MEETING = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
export const OTHER_MEETING = '6bf2b8be-04dd-4191-b602-1128921a306b';
export const PARTICIPANT = '4f2a7c1e-8f3b-4d39-9c55-1f0e6a7b2c11';
/** The path prefix the client puts before every operation, with the IDs above, below `/client/v4`. */
export const PREFIX = `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}`;
