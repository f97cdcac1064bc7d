// How the Chromium benchmarks start the browser: headless, the system's
// Chromium (or $CHROMIUM), none of its own background traffic, so that
// what they time is the page's work; performance.memory precise, for the
// heap figures.
export const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--enable-precise-memory-info',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
