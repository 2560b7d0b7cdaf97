/**
 * A chapter lab's goal by name: `<FailoverLab goalId="twoStatelessTasks" …/>` in a chapter gets
 * `LAB_GOALS.twoStatelessTasks` (src/content/labGoals.ts) as its `goal`. Applied to a chapter's labs by
 * src/plugins/widgetChunks.ts, so the goals come with the lab's code, fetched when the reader nears the
 * lab, and not with the chapter's text: a chapter that imported LAB_GOALS carried every chapter's goals
 * (about 1 KB gzip) in the JavaScript it loads before the reader scrolls.
 */
import React, {type ComponentType} from 'react';
import {LAB_GOALS} from '@site/src/content/labGoals';
import type {LabGoal} from './goal';

export type LabGoalId = keyof typeof LAB_GOALS;

/** The goal named `id`; an unknown name fails the build (every chapter is rendered then) with the names there are. */
export function chapterGoal(id: string): LabGoal {
  if (Object.hasOwn(LAB_GOALS, id)) return LAB_GOALS[id as LabGoalId];
  throw new Error(`No lab goal is named "${id}"; the names are the keys of LAB_GOALS in src/content/labGoals.ts: ${Object.keys(LAB_GOALS).join(', ')}.`);
}

/** `Component` (a lab) taking its goal by name as `goalId`. */
export function withChapterGoal<P extends {goal?: string | LabGoal}>(Component: ComponentType<P>): ComponentType<P & {goalId?: string}> {
  function WithChapterGoal({goalId, ...props}: P & {goalId?: string}): React.JSX.Element {
    const own = props as unknown as P;
    return goalId === undefined ? <Component {...own} /> : <Component {...own} goal={chapterGoal(goalId)} />;
  }
  return WithChapterGoal;
}
