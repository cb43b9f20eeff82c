// Headless Chromium for browser tests, from the project's own install: the @sparticuz/chromium npm
// package ships a Chromium build (brotli-compressed, unpacked to the temp folder on first use) with the
// few shared libraries it needs (NSS, NSPR, expat), so a fresh machine needs nothing installed by hand.
// CHROMIUM_PATH points at another Chromium instead (a developer's own browser).

import { chromium, type Browser } from 'playwright-core';

// The package unpacks its bundled libraries only where it believes it runs on Amazon Linux 2023 (as on
// Lambda) and then puts them first on LD_LIBRARY_PATH. A Debian machine without Chromium lacks NSS, so
// it is asked to unpack them everywhere; they are self-contained and used by this browser process only.
process.env.AWS_LAMBDA_JS_RUNTIME ??= 'nodejs20.x';

// Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network. Playwright gives
// the browser a fresh temporary profile of its own.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) {
    const { default: packaged } = await import('@sparticuz/chromium');
    executablePath = await packaged.executablePath();
  }
  return chromium.launch({ executablePath, args: ARGS });
}
