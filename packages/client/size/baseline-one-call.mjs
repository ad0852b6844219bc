// Before: one-call.mjs against the client's browser build at 5e918f5 (size/generated), measured in the same run.
import { createRealtimeKitClient } from './generated/client-5e918f5.browser.mjs';

createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }).meetings.get('meeting-id').then(console.log);
