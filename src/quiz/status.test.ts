import {describe, expect, it} from 'vitest';
import {courseUnits} from './course';
import {correctAnswer} from './grade';
import {answerRecorded, emptyProgress} from './progress';
import {findQuiz} from './registry';
import {courseStatus, unitStatus} from './status';

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

  it('shows chapters with no page as in preparation', () => {
    const status = courseStatus(emptyProgress());
    expect(status.total).toBe(courseUnits.length);
    for (const unitState of status.units.filter((candidate) => !candidate.unit.docId)) expect(unitState.state).toBe('in-preparation');
  });
});
