import React, {type ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import ProgressBadge from '@site/src/components/ProgressBadge';

type Props = WrapperProps<typeof ContentType>;

/** Adds the chapter's reading time and the course progress line above the title. */
export default function ContentWrapper(props: Props): ReactNode {
  const {metadata} = useDoc();
  return (
    <>
      <ProgressBadge docId={metadata.id} />
      <Content {...props} />
    </>
  );
}
