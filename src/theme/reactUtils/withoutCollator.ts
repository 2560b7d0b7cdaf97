import {useMemo} from 'react';

// theme-common's own helpers, unchanged (src/plugins/shallowMemoWithoutCollator.ts puts this module in place of theme-common's).
export {useEvent, usePrevious, ReactContextError, composeProviders} from '@failover-lab/theme-common-react-utils';

/**
 * The same object as on the previous render while its keys and values are the same (theme-common's
 * `useShallowMemoObject`), with its keys put in a fixed order by code unit. theme-common orders them with
 * `localeCompare`, and the first call of that in a page sets up the browser's collator: about 60 ms of a
 * phone's main thread (the CPU 4× slower) in the render that shows the mobile sidebar. Only a fixed order
 * matters here, not a linguistic one.
 */
export function useShallowMemoObject<O extends object>(obj: O): O {
  const entries = Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => obj, entries.flat());
}
