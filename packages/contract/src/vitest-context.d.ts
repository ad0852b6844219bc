// The suite's tests read the mock the globalSetup started with `inject('realtimekitMockUrl')`, typed by the mock's setup.
import type {} from '@realtimekit-meetings/mock/vitest-global-setup';
