// The entry for server code (`@realtimekit-meetings/react/queries`): query keys and query options, with no
// 'use client' directive, so a Server Component can prefetch with them. The hooks are in the main entry.
export { realtimeKitKeys } from './generated/keys.gen';
export { realtimeKitQueries } from './generated/queries.gen';
