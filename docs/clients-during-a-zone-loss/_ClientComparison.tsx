import React from 'react';
import RunComparison from '@site/src/components/RunComparison';
import {retryRows} from './lab';

/** The chapter's retry table: one zone loss, four client retry policies, run by the engine. */
export default function ClientComparison(): React.JSX.Element {
  return (
    <RunComparison
      title="One zone loss, four retry policies"
      caption="Nine tasks of 100 requests a second serve a peak of 600 in three zones; zone a is lost for 30 minutes. Only the clients change."
      rows={retryRows}
      columns={['failed', 'retries', 'timedOut', 'worstLatencyP99']}
    />
  );
}
