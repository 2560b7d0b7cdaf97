// Serves the built site on a local port for the scripts that need a browser.
import {spawn} from 'node:child_process';

/**
 * Starts `docusaurus serve` over build/ on `port` and waits until it answers.
 * @returns {Promise<() => void>} a function that stops the server
 */
export async function serveBuild(port) {
  const server = spawn('npx', ['docusaurus', 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => process.kill(-server.pid);
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return stop;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`The static server did not start on port ${port}: run \`npm run build\` first.`);
}
