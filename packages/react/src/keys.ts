import type { MeetingListQuery, ParticipantListQuery } from '@realtimekit-meetings/client';

const all = (scope: string) => ['realtimekit', scope] as const;
const meetings = (scope: string) => [...all(scope), 'meetings'] as const;
const meetingLists = (scope: string) => [...meetings(scope), 'list'] as const;
const meeting = (scope: string, meetingId: string) => [...meetings(scope), 'detail', meetingId] as const;
const participants = (scope: string, meetingId: string) => [...meeting(scope, meetingId), 'participants'] as const;
const participantLists = (scope: string, meetingId: string) => [...participants(scope, meetingId), 'list'] as const;

/**
 * Hierarchical query keys, scoped by where the data lives (`client.scope`: account and app, or the proxy), so
 * that invalidating a level reaches everything below it and nothing beside it.
 */
export const realtimeKitKeys = {
  all,
  meetings,
  meetingLists,
  meetingList: (scope: string, query: MeetingListQuery = {}) => [...meetingLists(scope), query] as const,
  infiniteMeetingList: (scope: string, query: MeetingListQuery = {}) =>
    [...meetingLists(scope), 'infinite', query] as const,
  meeting,
  participants,
  participantLists,
  participantList: (scope: string, meetingId: string, query: ParticipantListQuery = {}) =>
    [...participantLists(scope, meetingId), query] as const,
  infiniteParticipantList: (scope: string, meetingId: string, query: ParticipantListQuery = {}) =>
    [...participantLists(scope, meetingId), 'infinite', query] as const,
  participant: (scope: string, meetingId: string, participantId: string) =>
    [...participants(scope, meetingId), 'detail', participantId] as const,
  activeSession: (scope: string, meetingId: string) => [...meeting(scope, meetingId), 'active-session'] as const,
  activeLivestream: (scope: string, meetingId: string) => [...meeting(scope, meetingId), 'active-livestream'] as const,
};
