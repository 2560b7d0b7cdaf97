import React from 'react';
import Playground from '@theme/Playground';
import ReactLiveScope from '@theme/ReactLiveScope';
import type {Props} from '@theme/LiveCodeBlock';

/** The stock live code block: the playground with our live scope. */
export default function LivePlayground(props: Props): React.JSX.Element {
  return <Playground scope={ReactLiveScope} {...props} />;
}
