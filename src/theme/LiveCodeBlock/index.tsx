import React from 'react';
import type {Props} from '@theme/LiveCodeBlock';
import whenNear from '@site/src/components/MountWhenNear/whenNear';
import {LIVE_CODE_MARKER, policyAllowsEval, reloadForPagePolicy} from './pagePolicy';
import styles from './styles.module.css';

/** The block's code as plain text: what the server's HTML shows until the playground has loaded. */
function StaticCode(props: Props): React.JSX.Element {
  return (
    // The marker tells the build that this page's security policy must let live code compile.
    <pre className={styles.loading} aria-busy="true" {...{[LIVE_CODE_MARKER]: ''}}>
      <code>{typeof props.children === 'string' ? props.children : ''}</code>
    </pre>
  );
}

// The playground (react-live, the failover model and the widgets in the live scope) is a separate
// chunk, fetched when the reader nears a live block: pages with ordinary code blocks never download
// it, and a page with live blocks further down does not download it before the reader scrolls.
const LivePlayground = whenNear<Props>(
  () => {
    // Reached by a link from a page whose policy forbids compiling code: load this page afresh.
    // (The server renders the playground too, with no document and no policy.)
    if (typeof document !== 'undefined' && !policyAllowsEval() && reloadForPagePolicy()) return new Promise<never>(() => {});
    return import('./LivePlayground');
  },
  {fallback: (props) => <StaticCode {...props} />},
);

/** A `live` code block: the static code until the playground has loaded. */
export default function LiveCodeBlock(props: Props): React.JSX.Element {
  return <LivePlayground {...props} />;
}
