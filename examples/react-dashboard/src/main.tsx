import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { RealtimeKitProvider } from '@realtimekit-meetings/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// The browser never holds the API token: every call goes to our server's proxy, which holds it.
const rtk = createRealtimeKitClient({ proxyUrl: `${window.location.origin}/api/realtimekit` });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RealtimeKitProvider client={rtk}>
        <App />
      </RealtimeKitProvider>
    </QueryClientProvider>
  </StrictMode>,
);
