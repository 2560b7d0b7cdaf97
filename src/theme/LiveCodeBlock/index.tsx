import React, {Suspense, lazy} from 'react';
import type {Props} from '@theme/LiveCodeBlock';
import styles from './styles.module.css';

// The playground (react-live, the failover model and the widgets in the live
// scope) is a separate chunk, fetched only by pages that have a live block.
// Pages with ordinary code blocks never download it.
const LivePlayground = lazy(() => import('./LivePlayground'));

/** A `live` code block: the static code until the playground has loaded. */
export default function LiveCodeBlock(props: Props): React.JSX.Element {
  return (
    <Suspense
      fallback={
        <pre className={styles.loading} aria-busy="true">
          <code>{typeof props.children === 'string' ? props.children : ''}</code>
        </pre>
      }>
      <LivePlayground {...props} />
    </Suspense>
  );
}
