// Baseline: bare openapi-fetch making the same call, with nothing of ours.
import createClient from 'openapi-fetch';

createClient({ baseUrl: '/api/realtimekit' })
  .GET('/meetings/{meeting_id}', { params: { path: { meeting_id: 'meeting-id' } } })
  .then(console.log);
