// WebKit (WebKitGTK's MiniBrowser, Safari's engine) driven over classic W3C WebDriver by WebKitWebDriver,
// under a virtual display (xvfb-run: MiniBrowser has no headless mode), behind the smoke driver interface.
// The protocol is a few JSON requests, so it is spoken here directly rather than through a client library.
import {spawn} from 'node:child_process';

/** The W3C WebDriver web element identifier. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** WebDriver key codes (W3C WebDriver, "Keyboard actions"). */
const KEY = {control: '\uE009', end: '\uE010', enter: '\uE007'};

async function waitForDriver(base, deadline) {
  for (;;) {
    try {
      const status = await (await fetch(`${base}/status`)).json();
      if (status.value?.ready !== false) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on ${base}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** @returns {Promise<import('./checks.mjs').Driver>} */
export async function openWebKit(port) {
  // Its own process group, so closing ends xvfb-run, Xvfb and the driver together.
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {detached: true, stdio: 'ignore'});
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitForDriver(base, Date.now() + 30_000);
    const call = async (method, path, body) => {
      const response = await fetch(`${base}${path}`, {method, headers: {'Content-Type': 'application/json'}, body: body ? JSON.stringify(body) : undefined});
      const json = await response.json();
      if (json.value?.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
      return json.value;
    };
    const session = await call('POST', '/session', {
      capabilities: {alwaysMatch: {browserName: 'MiniBrowser', 'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation']}}},
    });
    const s = `/session/${session.sessionId}`;
    await call('POST', `${s}/window/rect`, {width: 1280, height: 900});
    const find = async (selector) => {
      const found = await call('POST', `${s}/element`, {using: 'css selector', value: selector});
      const id = found?.[ELEMENT];
      if (!id) throw new Error(`WebDriver found no element for ${selector}: ${JSON.stringify(found)}`);
      return id;
    };
    return {
      name: 'WebKit',
      version: `WebKitGTK ${session.capabilities.browserVersion}`,
      goto: (url) => call('POST', `${s}/url`, {url}),
      evaluate: (source, ...args) =>
        call('POST', `${s}/execute/async`, {
          script: `const done = arguments[arguments.length - 1];
            Promise.resolve((${source})(...Array.prototype.slice.call(arguments, 0, -1))).then(done, (e) => done({__error: String(e && e.stack || e)}));`,
          args,
        }).then((value) => {
          if (value && typeof value === 'object' && '__error' in value) throw new Error(value.__error);
          return value;
        }),
      async click(selector) {
        await call('POST', `${s}/element/${await find(selector)}/click`, {});
      },
      async fill(selector, text) {
        const id = await find(selector);
        await call('POST', `${s}/element/${id}/clear`, {});
        await call('POST', `${s}/element/${id}/value`, {text});
      },
      async typeAtEnd(selector, text) {
        await call('POST', `${s}/element/${await find(selector)}/click`, {});
        // Key by key through the actions API: "send keys" to a contenteditable element types nothing in WebKitGTK.
        const press = (value) => [{type: 'keyDown', value}, {type: 'keyUp', value}];
        const actions = [{type: 'keyDown', value: KEY.control}, ...press(KEY.end), {type: 'keyUp', value: KEY.control}];
        for (const char of text) actions.push(...press(char === '\n' ? KEY.enter : char));
        await call('POST', `${s}/actions`, {actions: [{type: 'key', id: 'keyboard', actions}]});
        await call('DELETE', `${s}/actions`);
      },
      // Classic WebDriver cannot read the console: the page's recorder (recorder.js) reports instead.
      consoleErrors: () => [],
      async close() {
        await call('DELETE', s).catch(() => undefined);
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
