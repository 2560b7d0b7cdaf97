import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@theme-original/DocSidebarItem/Link';
import type LinkType from '@theme/DocSidebarItem/Link';
import type {WrapperProps} from '@docusaurus/types';
import {useProgressValue} from '@site/src/components/ProgressBadge/useProgress';
import {UNITS} from '@site/src/quiz/courseIndex.data';
import {unitOfDoc, unitStateFromStore} from '@site/src/quiz/unitState';
import styles from './styles.module.css';

type Props = WrapperProps<typeof LinkType>;

const MARKS = {done: {className: styles.done, said: 'done'}, started: {className: styles.started, said: 'in progress'}} as const;

/**
 * Marks the sidebar links of chapters by state: ✓ when done (its quiz passed),
 * a half-filled circle when started. The mark is drawn by CSS; screen readers
 * get "(done)" or "(in progress)" through the link's accessible name, which
 * still starts with the visible label. Each link follows only its own
 * chapter's state, so progress read after hydration re-renders only the links it marks.
 */
export default function LinkWrapper(props: Props): ReactNode {
  const unit = props.item.docId ? unitOfDoc(UNITS, props.item.docId) : undefined;
  const state = useProgressValue(({progress}) => (unit ? unitStateFromStore(progress, unit) : 'not-started'));
  if (state === 'not-started') return <Link {...props} />;
  const mark = MARKS[state];
  return <Link {...props} item={{...props.item, className: clsx(props.item.className, mark.className)}} aria-label={`${props.item.label} (${mark.said})`} />;
}
