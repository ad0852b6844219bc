import type { OperationId } from '@realtimekit-meetings/core';

/** The method takes a query object after its IDs (and body). */
export const QUERY = 1;
/** The method lists with paging; it gets a `listAll` sibling. Implies QUERY. */
export const LIST = 3;

/**
 * Every client method and the one operation it calls (with QUERY or LIST where it takes a query). Path IDs and
 * whether a body follows them come from the operations table; a test proves each operation appears here exactly once.
 */
export const resourceMethods = {
  meetings: {
    list: ['get_all_meetings', LIST],
    create: 'create_meeting',
    get: 'get_meeting',
    update: 'update_meeting',
    replace: 'replace_meeting',
  },
  participants: {
    list: ['get_meeting_participants', LIST],
    add: 'add_participant',
    get: 'get_meeting_participant',
    edit: 'edit_participant',
    replace: 'replace_participant',
    delete: 'delete_meeting_participant',
    refreshToken: 'regenerate_token',
  },
  activeSession: {
    get: 'GetActiveSession',
    kick: 'KickPartcipants',
    kickAll: 'KickAllParticipants',
    mute: 'MuteParticipants',
    muteAll: 'MuteAllParticipants',
    createPoll: 'CreatePoll',
  },
  livestreams: {
    getActive: 'get-v2-meetings-meetingId-active-livestream',
    stop: 'stop_livestreaming',
    getSession: ['livestream-session-details', QUERY],
    start: 'start-livestreaming',
  },
} as const satisfies Record<string, Record<string, OperationId | readonly [OperationId, number]>>;
