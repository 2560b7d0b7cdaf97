import React, {Suspense, lazy} from 'react';
import type {Props} from '@theme/LiveCodeBlock';
import {LIVE_CODE_MARKER, policyAllowsEval, reloadForPagePolicy} from './pagePolicy';
import styles from './styles.module.css';

// The playground (react-live, the failover model and the widgets in the live
// scope) is a separate chunk, fetched only by pages that have a live block.
// Pages with ordinary code blocks never download it.
const LivePlayground = lazy(() => {
  // Reached by a link from a page whose policy forbids compiling code: load this page afresh.
  // (The server renders the playground too, with no document and no policy.)
  if (typeof document !== 'undefined' && !policyAllowsEval() && reloadForPagePolicy()) return new Promise<never>(() => {});
  return import('./LivePlayground');
});

/** A `live` code block: the static code until the playground has loaded. */
export default function LiveCodeBlock(props: Props): React.JSX.Element {
  return (
    <Suspense
      fallback={
        // The marker tells the build that this page's security policy must let live code compile.
        <pre className={styles.loading} aria-busy="true" {...{[LIVE_CODE_MARKER]: ''}}>
          <code>{typeof props.children === 'string' ? props.children : ''}</code>
        </pre>
      }>
      <LivePlayground {...props} />
    </Suspense>
  );
}
