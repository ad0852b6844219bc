import type { OperationId } from '@realtimekit-meetings/core';
import { activeSession } from './active-session';
import { analytics } from './analytics';
import { appLivestreams } from './app-livestreams';
import { apps } from './apps';
import type { Handler } from './context';
import { livestreams } from './livestreams';
import { meetings } from './meetings';
import { participants } from './participants';
import { presets } from './presets';
import { recordings } from './recordings';
import { sessions } from './sessions';
import { webhooks } from './webhooks';

/**
 * What the fake does with each operation of the spec, one module per resource. An operation the spec gains before
 * the fake learns it has no entry: the fake answers it 501, naming it.
 */
export const handlers: Partial<Record<OperationId, Handler>> = {
  ...meetings,
  ...participants,
  ...activeSession,
  ...livestreams,
  ...presets,
  ...webhooks,
  ...apps,
  ...sessions,
  ...analytics,
  ...recordings,
  ...appLivestreams,
};
