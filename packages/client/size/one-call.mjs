// What a browser app ships to make one call through the proxy: the whole client, every feature included.
import { createRealtimeKitClient } from '@realtimekit-meetings/client';

createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }).meetings.get('meeting-id').then(console.log);
