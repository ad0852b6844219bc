import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bodyOf, sampleEvents } from '../../test-support/webhook-events';
import { newSigner } from '../../test-support/webhook-signer';

const exec = promisify(execFile);

// The built subpath (dist/), loaded by Node's own loaders in a fresh process, as a consumer's server would.
const script = (load: string) => `${load}
const { PEM, BODY, SIGNATURE } = process.env;
(async () => {
  const event = await verifyWebhook(BODY, { 'rtk-signature': SIGNATURE }, { publicKey: PEM });
  let refused;
  try {
    await verifyWebhook(BODY + ' ', { 'rtk-signature': SIGNATURE }, { publicKey: PEM });
  } catch (error) {
    refused = error instanceof WebhookVerificationError && error.reason;
  }
  console.log(JSON.stringify({ event: event.event, refused, receiver: typeof createWebhookReceiver }));
})();`;

describe('the built @realtimekit-meetings/client/webhooks', () => {
  it.each([
    [
      'require()',
      'commonjs',
      "const { verifyWebhook, WebhookVerificationError, createWebhookReceiver } = require('@realtimekit-meetings/client/webhooks');",
    ],
    [
      'import',
      'module',
      "import { verifyWebhook, WebhookVerificationError, createWebhookReceiver } from '@realtimekit-meetings/client/webhooks';",
    ],
  ])('verifies through %s', async (_how, type, load) => {
    const signer = await newSigner();
    const body = bodyOf(sampleEvents[0] as object);
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      env: { ...process.env, PEM: signer.pem, BODY: body, SIGNATURE: await signer.sign(body) },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ event: 'meeting.started', refused: 'bad_signature', receiver: 'function' });
  });
});
