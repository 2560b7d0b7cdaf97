import React, {useEffect, useMemo} from 'react';
import {PASS_MARK, REVEAL_COOLDOWN_MS, scoreQuiz} from '@site/src/quiz/progressModel';
import type {QuizQuestion} from '@site/src/quiz/types';
import type {Answer} from '@site/src/quiz/grade';
import Link from '@docusaurus/Link';
import ProgressNotice from '@site/src/components/ProgressNotice';
import {docPath} from '@site/src/content/chapters';
import {courseUnits, nextUnitAfter, unitLabel} from '@site/src/quiz/course';
import {useProgressState} from '@site/src/components/ProgressBadge/useProgress';
import {loadProgressStore} from '@site/src/quiz/progressOnDemand';
import {applicableProgress} from '@site/src/quiz/applicableProgress';
import Question from './Question';
import Challenge from './Challenge';
import styles from './styles.module.css';

interface Props {
  /** Unique across the site and stable: progress is stored under it. Register the quiz in src/quiz/registry.ts. */
  id: string;
  questions: readonly QuizQuestion[];
}

/**
 * A quiz graded in the browser. Each question is graded when submitted; the
 * score counts questions answered right without a pending reveal, and the
 * quiz is passed at PASS_MARK (80 %) of its questions.
 */
export default function Quiz({id, questions}: Props): React.JSX.Element {
  const {progress, issue} = useProgressState();
  const questionIds = useMemo(() => questions.map((question) => question.id), [questions]);
  const storedQuiz = progress.quizzes[id];
  // Only what still applies to these questions: a stale answer is neither shown nor credited.
  const {quiz: quizProgress, stale} = useMemo(() => applicableProgress(questions, storedQuiz), [questions, storedQuiz]);
  // Outdated stored progress (another list of questions, or stale entries) is brought up to date, so the sidebar's marks agree.
  useEffect(() => {
    if (storedQuiz !== undefined) void loadProgressStore().then((store) => store.quizSeen(id, questionIds, stale));
  }, [id, questionIds, stale, storedQuiz]);
  const score = scoreQuiz(questionIds, quizProgress);
  const unit = courseUnits.find((candidate) => candidate.quizId === id);
  const next = score.passed && unit ? nextUnitAfter(progress, unit) : undefined;
  const scoreLine = score.passed
    ? `Quiz score: ${score.credited} of ${score.total}. Passed.`
    : `Quiz score: ${score.credited} of ${score.total}; ${score.required} needed to pass.`;

  return (
    <div className={styles.quiz} data-quiz-id={id}>
      <p className={styles.passMark}>
        Pass mark: {score.required} of {score.total} questions ({Math.round(PASS_MARK * 100)} %) answered right without revealing the answer. A
        revealed answer earns credit again only when you answer it from scratch at least {Math.round(REVEAL_COOLDOWN_MS / 60_000)} minutes later.
      </p>
      <ProgressNotice issue={issue} />
      <ol className={styles.questions}>
        {questions.map((question, index) => {
          const common = {
            idPrefix: `quiz-${id}-${question.id}`,
            number: index + 1,
            total: questions.length,
            stored: quizProgress?.questions[question.id],
            scoreLine,
            // A chapter's quiz mounts once the store has loaded (src/plugins/widgetChunks.ts), so this records before the next frame.
            onAnswer: (answer: Answer, correct: boolean) => void loadProgressStore().then((store) => store.recordAnswer(id, questionIds, question.id, answer, correct, stale)),
            onReveal: () => void loadProgressStore().then((store) => store.reveal(id, questionIds, question.id, stale)),
          };
          return question.kind === 'challenge' ? (
            <Challenge key={question.id} question={question} {...common} />
          ) : (
            <Question key={question.id} question={question} {...common} />
          );
        })}
      </ol>
      <p className={styles.score} data-testid="quiz-score">
        <strong>
          Score: {score.credited} of {score.total}
        </strong>
        {score.passed ? ' · Passed: this part of the course is done.' : ` · ${score.required} needed to pass.`}
      </p>
      {next?.docId ? (
        <p className={styles.next} data-testid="quiz-next">
          Continue with{' '}
          <Link to={docPath(next.docId)}>
            {unitLabel(next)}: {next.title}
          </Link>
          {next.readingMinutes ? ` (${next.readingMinutes} min read)` : null}
        </p>
      ) : score.passed && unit ? (
        <p className={styles.next} data-testid="quiz-next">
          That was the last part you had left: <Link to="/progress">see your progress</Link>.
        </p>
      ) : null}
    </div>
  );
}
