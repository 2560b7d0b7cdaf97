import React, {Suspense, lazy, type ComponentType, type ReactNode} from 'react';
import MountWhenNear from './index';

type Loader<P> = () => Promise<{default: ComponentType<P>}>;

interface Options<P> {
  /** The component itself, on the server: its HTML is rendered in place, as if it were not lazy. */
  eager?: ComponentType<P>;
  /** Shown while the code loads where there is no server HTML to keep (after a client-side navigation). */
  fallback?: (props: P) => ReactNode;
}

/**
 * A component whose code the browser fetches only when the reader nears it (or focuses or presses it):
 * until then the page keeps the server's HTML of it (MountWhenNear), and once the code has arrived the
 * live component replaces that HTML, with nothing on screen in between. After a client-side navigation
 * there is no server HTML, so the code loads at once and `fallback` stands in meanwhile.
 *
 * "Near" is a quarter of a screen here, closer than MountWhenNear's default screen: until the reader
 * uses it, the server's HTML already shows everything the widget shows, so fetching its code can wait
 * until it is about to scroll into view (and a focus or a press fetches it at once).
 *
 * MDX pages get this for the heavy widgets without asking (src/plugins/widgetChunks.ts): a chapter
 * downloads its lab, quiz and widgets, and the engine they run, only when the reader gets near them.
 */
export default function whenNear<P extends object>(load: Loader<P>, {eager, fallback}: Options<P> = {}): ComponentType<P> {
  let loaded: ComponentType<P> | undefined = eager;
  const preload = (): Promise<unknown> =>
    loaded
      ? Promise.resolve()
      : load().then((module) => {
          loaded = module.default;
        });
  const Lazy = lazy(load);
  function WhenNear(props: P): React.JSX.Element {
    return (
      <MountWhenNear load={preload} attribute="data-code" rootMargin="25% 0px">
        {() => {
          const Loaded = loaded;
          if (Loaded) return <Loaded {...props} />;
          return (
            <Suspense fallback={fallback?.(props) ?? null}>
              <Lazy {...props} />
            </Suspense>
          );
        }}
      </MountWhenNear>
    );
  }
  return WhenNear;
}
