// Before: one-call.mjs against the client's browser build at 3864615 (size/generated), measured in the same run.
import { createRealtimeKitClient } from './generated/client-3864615.browser.mjs';

createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }).meetings.get('meeting-id').then(console.log);
