import {describe, expect, it} from 'vitest';
import {continueUnit, courseReadingMinutes, courseUnits, nextUnitAfter, unitStateFromStore} from './course';
import {answerRecorded, answerRevealed, emptyProgress, type Progress} from './progress';
import {QUESTION_IDS} from './questionIds.data';

const unit = (key: string) => courseUnits.find((u) => u.key === key)!;

/** A unit's quiz's question ids today. */
const idsOf = (key: string) => QUESTION_IDS[unit(key).quizId!]!;

/** Answers the first `count` questions of a unit's quiz ('all' for every one), right or wrong, at time `at`. */
function answer(progress: Progress, key: string, count: number | 'all', correct: boolean, at: number): Progress {
  const ids = idsOf(key);
  let next = progress;
  for (const id of ids.slice(0, count === 'all' ? ids.length : count)) next = answerRecorded(next, unit(key).quizId!, ids, id, {kind: 'single', choiceId: 'x'}, correct, at);
  return next;
}

describe('continue where you left off', () => {
  it('offers nothing before the first answer', () => {
    expect(continueUnit(emptyProgress())).toBeNull();
  });

  it('returns to the part last worked on while it is not done', () => {
    let progress = answer(emptyProgress(), 'chapter-1', 2, true, 10);
    progress = answer(progress, 'chapter-3', 1, false, 20);
    expect(unitStateFromStore(progress, unit('chapter-3'))).toBe('started');
    expect(continueUnit(progress)?.key).toBe('chapter-3');
    // A reveal is activity too.
    progress = answerRevealed(progress, unit('chapter-1').quizId!, idsOf('chapter-1'), idsOf('chapter-1')[2]!, 30);
    expect(continueUnit(progress)?.key).toBe('chapter-1');
  });

  it('moves on to the next part not yet done once the last one is passed', () => {
    let progress = answer(emptyProgress(), 'chapter-3', 'all', true, 10);
    expect(unitStateFromStore(progress, unit('chapter-3'))).toBe('done');
    expect(continueUnit(progress)?.key).toBe('chapter-4');
    progress = answer(progress, 'chapter-4', 'all', true, 5);
    // Chapter 3 was the last activity and chapter 4 is done too: skip to chapter 5.
    expect(nextUnitAfter(progress, unit('chapter-3'))?.key).toBe('chapter-5');
    expect(continueUnit(progress)?.key).toBe('chapter-5');
  });

  it('has nothing to continue when the rest of the course is done', () => {
    const last = courseUnits[courseUnits.length - 1]!;
    expect(continueUnit(answer(emptyProgress(), last.key, 'all', true, 1))).toBeNull();
  });

  it('adds up the course’s reading time', () => {
    expect(courseReadingMinutes()).toBe(courseUnits.reduce((sum, u) => sum + (u.readingMinutes ?? 0), 0));
    expect(courseReadingMinutes()).toBeGreaterThan(60);
  });
});
