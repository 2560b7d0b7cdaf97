import React from 'react';
import RunComparison from '@site/src/components/RunComparison';
import {defenceRows} from './lab';

/** The chapter's table: the retry storm of the lab, then each defence on its own, run by the engine. */
export default function OverloadComparison(): React.JSX.Element {
  return (
    <RunComparison
      title="One retry storm, each defence on its own"
      caption="Three zones, 450 requests a second, zone a lost for ten minutes from t = 300 s; the clients retry twice. Each row changes one thing."
      rows={defenceRows}
      columns={['failed', 'retries', 'timedOut', 'shed', 'wasted', 'timeToRecover']}
    />
  );
}
