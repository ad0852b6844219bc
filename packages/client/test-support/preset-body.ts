import type { PresetCreateBody } from '@realtimekit-meetings/core';

/**
 * A preset the spec accepts (the contract's conforming body), under a name. It leaves out every field the spec gives a
 * default (`config.livestream_viewer_qualities`, `config.media.audio`, `config.media.video.simulcast`): a plan must
 * not see the server's defaults as a difference.
 */
export const presetBody = (name: string): PresetCreateBody => ({
  config: {
    max_screenshare_count: 1,
    max_video_streams: { desktop: 1, mobile: 1 },
    media: { screenshare: { frame_rate: 1, quality: 'hd' }, video: { frame_rate: 1, quality: 'hd' } },
    view_type: 'GROUP_CALL',
  },
  name,
  permissions: {
    accept_waiting_requests: true,
    can_accept_production_requests: true,
    can_change_participant_permissions: true,
    can_edit_display_name: true,
    can_livestream: true,
    can_record: true,
    can_spotlight: true,
    chat: {
      private: { can_receive: true, can_send: true, files: true, text: true },
      public: { can_send: true, files: true, text: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: true,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    disable_participant_audio: true,
    disable_participant_screensharing: true,
    disable_participant_video: true,
    hidden_participant: true,
    kick_participant: true,
    media: {
      audio: { can_produce: 'ALLOWED' },
      screenshare: { can_produce: 'ALLOWED' },
      video: { can_produce: 'ALLOWED' },
    },
    pin_participant: true,
    plugins: { can_close: true, can_edit_config: true, can_start: true, config: {} },
    polls: { can_create: true, can_view: true, can_vote: true },
    recorder_type: 'NONE',
    show_participant_list: true,
    waiting_room_type: 'SKIP',
  },
  ui: {
    design_tokens: {
      border_radius: 'sharp',
      border_width: 'none',
      colors: {
        background: { '600': '#222222', '700': '#1f1f1f', '800': '#1b1b1b', '900': '#181818', '1000': '#141414' },
        brand: { '300': '#844d1c', '400': '#9d5b22', '500': '#b56927', '600': '#d37c30', '700': '#d9904f' },
        danger: '#FF2D2D',
        success: '#62A504',
        text: '#EEEEEE',
        text_on_brand: '#EEEEEE',
        video_bg: '#191919',
        warning: '#FFCD07',
      },
      spacing_base: 4,
      theme: 'darkest',
    },
  },
});
