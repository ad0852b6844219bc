// Before: one-resource.mjs against the client's browser build at 3864615 (size/generated), measured in the same run.
import { createMeetingsClient } from './generated/client-3864615.browser.mjs';

createMeetingsClient({ proxyUrl: '/api/realtimekit' }).get('meeting-id').then(console.log);
