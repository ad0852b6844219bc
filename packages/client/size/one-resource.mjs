// The same call from the one resource it needs: what a browser app ships when it imports only that resource.
import { createMeetingsClient } from '@realtimekit-meetings/client';

createMeetingsClient({ proxyUrl: '/api/realtimekit' }).get('meeting-id').then(console.log);
