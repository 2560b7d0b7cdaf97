import {describe, expect, it} from 'vitest';
import {courseUnits} from './course';
import {correctAnswer} from './grade';
import {answerRecorded, emptyProgress} from './progress';
import {findQuiz} from './registry';
import {courseStatus, unitStatus} from './status';
import {scoreStoredQuiz} from './progressModel';
import {unitsDone, unitStateFromStore} from './unitState';
import {questionsKey} from './questionsKey';

const intro = courseUnits.find((unit) => unit.key === 'intro')!;
const quiz = findQuiz('intro')!;
const ids = quiz.questions.map((question) => question.id);

describe('unit status', () => {
  it('goes from not started to in progress to done at the pass mark', () => {
    let progress = emptyProgress();
    expect(unitStatus(progress, intro)).toMatchObject({state: 'not-started', score: {credited: 0}});
    quiz.questions.forEach((question, index) => {
      if (index === 0) expect(unitStatus(progress, intro).state).toBe('not-started');
      progress = answerRecorded(progress, 'intro', ids, question.id, correctAnswer(question), true, 0);
      const credited = index + 1;
      expect(unitStatus(progress, intro).state).toBe(credited >= Math.ceil(ids.length * 0.8) ? 'done' : 'started');
    });
  });

  it('scores against the quiz’s questions as they are now, not the ones stored with the answers', () => {
    // Stored when the quiz had one question: that answer alone no longer passes it.
    const progress = answerRecorded(emptyProgress(), 'intro', [ids[0]!], ids[0]!, correctAnswer(quiz.questions[0]!), true, 0);
    expect(unitStatus(progress, intro)).toMatchObject({state: 'started', score: {credited: 1, total: ids.length}});
  });

  it('shows a quiz replaced in part since it was passed as in progress where its questions are not loaded, and scores it exactly where they are', () => {
    // Passed when the quiz's first question had another id: that answer is kept under the old id.
    let progress = emptyProgress();
    const storedIds = ['a-question-since-replaced', ...ids.slice(1)];
    const required = Math.ceil(ids.length * 0.8);
    progress = answerRecorded(progress, 'intro', storedIds, 'a-question-since-replaced', correctAnswer(quiz.questions[0]!), true, 0);
    for (const question of quiz.questions.slice(1, required)) progress = answerRecorded(progress, 'intro', storedIds, question.id, correctAnswer(question), true, 0);
    // Scored as stored, the quiz was passed; today it is one answer short.
    expect(scoreStoredQuiz(progress, 'intro').passed).toBe(true);
    expect(unitStatus(progress, intro)).toMatchObject({state: 'started', score: {credited: required - 1}});
    expect(unitStateFromStore(progress, intro)).toBe('started');
    expect(unitsDone(progress, [intro])).toBe(0);
    // Answering the replacement question stores today's ids with the answers: done everywhere.
    progress = answerRecorded(progress, 'intro', ids, ids[0]!, correctAnswer(quiz.questions[0]!), true, 0);
    expect(unitStatus(progress, intro).state).toBe('done');
    expect(unitStateFromStore(progress, intro)).toBe('done');
    expect(unitsDone(progress, [intro])).toBe(1);
  });

  it('tells a quiz’s list of question ids from any other by its fingerprint', () => {
    expect(questionsKey(ids)).toBe(questionsKey([...ids]));
    expect(questionsKey(ids)).not.toBe(questionsKey(ids.slice(1)));
    expect(questionsKey(ids)).not.toBe(questionsKey([...ids.slice(1), ids[0]!]));
    expect(questionsKey(['ab', 'c'])).not.toBe(questionsKey(['a', 'bc']));
  });

  it('shows chapters with no page as in preparation', () => {
    const status = courseStatus(emptyProgress());
    expect(status.total).toBe(courseUnits.length);
    for (const unitState of status.units.filter((candidate) => !candidate.unit.docId)) expect(unitState.state).toBe('in-preparation');
  });
});
