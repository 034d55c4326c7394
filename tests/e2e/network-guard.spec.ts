import { expect, test } from './fixtures';

// The harness's promise: a test fails if the extension reaches for the network. This checks
// that the guard sees such a request (and then forgets it, so this test itself passes).
test('the network guard catches a request made by the extension', async ({
  serviceWorker,
  network,
}) => {
  const outcome = await serviceWorker.evaluate(() =>
    fetch('https://telemetry.example.org/collect').then(
      () => 'reached',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
  await expect.poll(() => network.fromExtension).toContain('https://telemetry.example.org/collect');
  expect(network.blocked).toContain('https://telemetry.example.org/collect');
  network.fromExtension.length = 0;
  network.blocked.length = 0;
});
