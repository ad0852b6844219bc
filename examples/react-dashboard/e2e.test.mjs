import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '@realtimekit-meetings/test-fixtures/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built dashboard, served with the proxy in front of the embedded mock, driven in a real Chromium.
const shots = path.join(import.meta.dirname, '.artifacts');

let server;
let browser;
let page;
let origin;

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(import.meta.dirname, 'server.mjs')], {
    env: { ...process.env, PORT: '0', CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '', REALTIMEKIT_APP_ID: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of server.stdout) {
    out += chunk;
    const match = out.match(/Dashboard on (http:\/\/127\.0\.0\.1:\d+)/);
    if (match) {
      origin = match[1];
      break;
    }
  }
  mkdirSync(shots, { recursive: true });
  // CHROMIUM_PATH, a browser on PATH, or the one pnpm install brought; each launch gets a fresh profile
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

describe('the meetings dashboard in a real browser', () => {
  it('creates a meeting, lists it, adds a participant with a masked join link, and shows API errors', async () => {
    const apiCalls = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/realtimekit/')) {
        apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
        // the browser never sends an API token
        expect(request.headers().authorization).toBeUndefined();
      }
    });
    await page.goto(origin);
    await page.getByText('26 meetings').waitFor();
    expect(await page.locator('.meetings .meeting').count()).toBe(20); // the first page
    await page.screenshot({ path: path.join(shots, '1-meetings.png') });

    // create a meeting before scrolling: it shows at the top of the list and opens
    await page.getByLabel('New meeting title').fill('Quarterly review');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByText('27 meetings').waitFor();
    expect(await page.locator('.meetings .meeting .title').first().textContent()).toBe('Quarterly review');
    await page.locator('.detail h2', { hasText: 'Quarterly review' }).waitFor();
    await page.screenshot({ path: path.join(shots, '2-created.png') });

    // infinite scroll to the end after the creation: every meeting once, none twice, none lost
    await page.locator('.meetings .sentinel').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.meetings .meeting').count()).toBe(27);
    const ids = await page.locator('.meetings .meeting').evaluateAll((rows) => rows.map((row) => row.dataset.id));
    expect(new Set(ids).size).toBe(27);
    await page.locator('.meetings').evaluate((list) => list.scrollTo(0, 0));

    // join as yourself: the proxy's join route answers your token, shown masked
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    expect(await page.getByTestId('own-token').textContent()).toMatch(/^\S{4}•{12}$/);

    // add a participant: the join link shows, its token masked until revealed
    await page.getByLabel('Participant name').fill('Ada Lovelace');
    await page.getByLabel('Participant ID').fill('user-ada');
    await page.getByRole('button', { name: 'Add participant' }).click();
    const link = page.getByTestId('join-link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/#token=•{16}$/);
    await page.screenshot({ path: path.join(shots, '3-participant-masked.png') });
    await page.getByRole('button', { name: 'Reveal token' }).click();
    expect(await link.textContent()).toMatch(/#token=(?!•)\S+$/);
    await page.getByRole('button', { name: 'Hide token' }).click();
    await page.locator('.participants .name', { hasText: 'Ada Lovelace' }).waitFor();

    // a request the API rejects: its message shows, readably
    await page.getByLabel('Participant name').fill('Bad picture');
    await page.getByLabel('Participant ID').fill('user-bad');
    await page.getByLabel('Picture URL').fill('not a url');
    await page.getByRole('button', { name: 'Add participant' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The request was not valid: 400 add_participant: body/picture must match format "uri"',
    );
    await page.screenshot({ path: path.join(shots, '4-validation-error.png') });

    // edit and remove a participant
    const ada = page.locator('.participants li', { hasText: 'Ada Lovelace' });
    await ada.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('New name').fill('Ada King');
    await page.getByRole('button', { name: 'Save' }).click();
    const renamed = page.locator('.participants li', { hasText: 'Ada King' });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Remove' }).click();
    await renamed.waitFor({ state: 'detached' });
    expect(await page.locator('.participants li').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '5-edited-removed.png'), fullPage: true });

    expect(apiCalls).toEqual(
      expect.arrayContaining([
        'GET /api/realtimekit/meetings',
        'POST /api/realtimekit/meetings',
        expect.stringMatching(/^POST \/api\/realtimekit\/meetings\/[\w-]+\/participants$/),
        expect.stringMatching(/^POST \/api\/realtimekit\/meetings\/[\w-]+\/join$/),
        expect.stringMatching(/^PATCH \/api\/realtimekit\/meetings\/[\w-]+\/participants\/[\w-]+$/),
        expect.stringMatching(/^DELETE \/api\/realtimekit\/meetings\/[\w-]+\/participants\/[\w-]+$/),
      ]),
    );
  });
  it('runs a live session: simulate people joining, mute one, kick one, start and stop a livestream', async () => {
    await page.goto(origin);
    // the seeded meeting with Grace and Alan in it: the newest of the seed, below the one the first test created
    await page.locator('.meetings .meeting', { hasText: 'Design review #5' }).click();
    const live = page.getByRole('region', { name: 'Live session' });
    await live.getByText('No one is in the meeting right now.').waitFor();
    await live.getByRole('button', { name: 'Simulate a live session' }).click();
    await expect.poll(() => live.getByTestId('live-count').textContent()).toMatch(/^2 live/);

    await live.locator('li', { hasText: 'Grace Hopper' }).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => live.getByRole('status').textContent()).toBe('Muted Grace Hopper');
    await live.locator('li', { hasText: 'Alan Turing' }).getByRole('button', { name: 'Kick' }).click();
    await expect.poll(() => live.getByTestId('live-count').textContent()).toMatch(/^1 live/);

    await live.getByRole('button', { name: 'Start livestream' }).click();
    await expect.poll(() => live.getByTestId('livestream').textContent()).toMatch(/^Livestreaming: https:\/\//);
    await page.screenshot({ path: path.join(shots, '6-live-session.png'), fullPage: true });
    await live.getByRole('button', { name: 'Stop livestream' }).click();
    await expect.poll(() => live.getByTestId('livestream').textContent()).toMatch(/^Not livestreaming\./);
  });
});
