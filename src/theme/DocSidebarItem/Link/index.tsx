import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@theme-original/DocSidebarItem/Link';
import type LinkType from '@theme/DocSidebarItem/Link';
import type {WrapperProps} from '@docusaurus/types';
import {useProgressValue} from '@site/src/components/ProgressBadge/useProgress';
import {unitForDoc, unitScoreFromStore} from '@site/src/quiz/course';
import styles from './styles.module.css';

type Props = WrapperProps<typeof LinkType>;

/**
 * Marks the sidebar links of finished chapters with a ✓. The mark is drawn by
 * CSS; screen readers get "(done)" through the link's accessible name, which
 * still starts with the visible label. Each link follows only its own chapter's
 * "done" flag, so progress read after hydration re-renders only the links it marks.
 */
export default function LinkWrapper(props: Props): ReactNode {
  const unit = props.item.docId ? unitForDoc(props.item.docId) : undefined;
  const done = useProgressValue(({progress}) => (unit ? unitScoreFromStore(progress, unit)?.passed === true : false));
  if (!done) return <Link {...props} />;
  return <Link {...props} item={{...props.item, className: clsx(props.item.className, styles.done)}} aria-label={`${props.item.label} (done)`} />;
}
