import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import {renderToString} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {LAB_GOALS} from '@site/src/content/labGoals';
import {chapterGoal, withChapterGoal} from './chapterGoal';
import type {LabGoal} from './goal';

/** Every `goalId="…"` in the chapters' MDX. */
function goalIdsInDocs(): {file: string; id: string}[] {
  const docs = path.join(__dirname, '..', '..', 'docs');
  const files = fs.readdirSync(docs, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.mdx'));
  return files.flatMap((file) => [...fs.readFileSync(path.join(docs, file), 'utf8').matchAll(/goalId="([^"]*)"/g)].map((match) => ({file, id: match[1]!})));
}

describe('a chapter lab’s goal by name', () => {
  it('names a goal of LAB_GOALS wherever a chapter uses one, and every goal is used', () => {
    const used = goalIdsInDocs();
    expect(used.length).toBeGreaterThan(0);
    for (const {file, id} of used) expect(Object.keys(LAB_GOALS), `${file}: goalId="${id}"`).toContain(id);
    expect(new Set(used.map(({id}) => id))).toEqual(new Set(Object.keys(LAB_GOALS)));
  });

  it('refuses an unknown name, and a name the object prototype has, with the names there are', () => {
    expect(() => chapterGoal('loneTsk')).toThrow(/No lab goal is named "loneTsk".*loneTask, sessionsInMemory/);
    expect(() => chapterGoal('constructor')).toThrow('No lab goal is named "constructor"');
  });

  it('gives the lab the goal by that name, and leaves a lab without one alone', () => {
    function Lab({goal}: {goal?: string | LabGoal}) {
      return React.createElement('p', null, typeof goal === 'object' ? goal.text : (goal ?? 'no goal'));
    }
    const Wrapped = withChapterGoal(Lab);
    expect(renderToString(React.createElement(Wrapped, {goalId: 'loneTask'}))).toContain(LAB_GOALS.loneTask.text);
    expect(renderToString(React.createElement(Wrapped, {}))).toContain('no goal');
  });
});
