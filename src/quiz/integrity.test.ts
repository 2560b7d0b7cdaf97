/**
 * Checks every quiz in the site (src/quiz/registry.ts) the way a reviewer
 * would, with messages that say which quiz and question to fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {courseUnits} from './course';
import {gradeChallenge} from './challenge';
import {grade, correctAnswer} from './grade';
import {ID_PATTERN} from './progress';
import {quizzes} from './registry';
import type {QuizQuestion} from './types';

const root = path.join(__dirname, '..', '..');
const all = quizzes.flatMap((quiz) => quiz.questions.map((question) => ({quiz: quiz.id, question})));

function mdxFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

describe('quiz ids', () => {
  it('are unique across the site, so progress keys never collide', () => {
    const quizIds = quizzes.map((quiz) => quiz.id);
    expect(quizIds.filter((id, index) => quizIds.indexOf(id) !== index), 'quiz ids used twice').toEqual([]);
    for (const quiz of quizzes) {
      const questionIds = quiz.questions.map((question) => question.id);
      expect(questionIds.filter((id, index) => questionIds.indexOf(id) !== index), `question ids used twice in quiz "${quiz.id}"`).toEqual([]);
    }
  });

  it('are lowercase words joined by hyphens, as progress storage requires', () => {
    for (const quiz of quizzes) {
      expect(quiz.id, 'quiz id').toMatch(ID_PATTERN);
      for (const question of quiz.questions) expect(question.id, `a question id in quiz "${quiz.id}"`).toMatch(ID_PATTERN);
    }
  });
});

describe.each(all.map(({quiz, question}) => [`${quiz} / ${question.id}`, question] as [string, QuizQuestion]))('question %s', (_, question) => {
  it('has a prompt', () => {
    expect(question.prompt.trim().length, 'prompt').toBeGreaterThan(10);
  });

  if (question.kind === 'single' || question.kind === 'multiple') {
    it('has at least two choices with unique ids, each with its own explanation', () => {
      expect(question.choices.length).toBeGreaterThanOrEqual(2);
      const ids = question.choices.map((choice) => choice.id);
      expect(new Set(ids).size, 'choice ids must be unique').toBe(ids.length);
      for (const choice of question.choices) {
        expect(choice.id, 'choice id').toMatch(ID_PATTERN);
        expect(choice.text.trim(), `text of choice "${choice.id}"`).not.toBe('');
        expect(choice.explanation.trim().length, `explanation of choice "${choice.id}"`).toBeGreaterThan(20);
      }
      const explanations = question.choices.map((choice) => choice.explanation);
      expect(new Set(explanations).size, 'every choice needs its own explanation, not a shared one').toBe(explanations.length);
    });
  }

  if (question.kind === 'single') {
    it('has exactly one right choice', () => {
      expect(question.choices.filter((choice) => choice.correct).length).toBe(1);
    });
  }

  if (question.kind === 'multiple') {
    it('has at least one right choice and one wrong one', () => {
      expect(question.choices.filter((choice) => choice.correct).length).toBeGreaterThanOrEqual(1);
      expect(question.choices.filter((choice) => !choice.correct).length).toBeGreaterThanOrEqual(1);
    });
  }

  if (question.kind === 'numeric') {
    it('has a finite answer, a sane tolerance, a unit and an explanation', () => {
      expect(Number.isFinite(question.answer), 'answer must be finite').toBe(true);
      expect(Number.isFinite(question.tolerance) && question.tolerance >= 0, 'tolerance must be finite and 0 or more').toBe(true);
      const limit = question.answer === 0 ? 1 : Math.abs(question.answer) * 0.25;
      expect(question.tolerance, 'tolerance must be at most a quarter of the answer, or a wrong guess passes').toBeLessThanOrEqual(limit);
      expect(question.unit.trim(), 'unit').not.toBe('');
      expect(question.explanation.trim().length, 'explanation').toBeGreaterThan(20);
      expect(grade(question, {kind: 'numeric', text: `${question.answer} ${question.unit}`})).toMatchObject({correct: true});
    });
  }

  if (question.kind === 'ordering') {
    it('has at least three steps with unique ids and an explanation', () => {
      expect(question.steps.length).toBeGreaterThanOrEqual(3);
      const ids = question.steps.map((step) => step.id);
      expect(new Set(ids).size, 'step ids must be unique').toBe(ids.length);
      for (const id of ids) expect(id, 'step id').toMatch(ID_PATTERN);
      expect(question.explanation.trim().length, 'explanation').toBeGreaterThan(20);
    });
  }

  if (question.kind === 'challenge') {
    it('has targets with unique ids, scenarios and an explanation', () => {
      expect(question.targets.length).toBeGreaterThanOrEqual(1);
      const ids = question.targets.map((target) => target.id);
      expect(new Set(ids).size, 'target ids must be unique').toBe(ids.length);
      for (const target of question.targets) {
        expect(target.id, 'target id').toMatch(ID_PATTERN);
        expect(target.label.trim().length, `label of target "${target.id}"`).toBeGreaterThan(10);
        expect(Number.isFinite(target.value), `value of target "${target.id}"`).toBe(true);
      }
      expect(question.scenarios.length, 'scenarios').toBeGreaterThanOrEqual(1);
      expect(question.explanation.trim().length, 'explanation').toBeGreaterThan(20);
    });

    it('has reachable targets: its solution passes every one and its starting model misses at least one', () => {
      const solved = gradeChallenge(question, question.solution);
      expect(solved.problems, 'the solution breaks the brief').toEqual([]);
      expect(solved.targets.filter((target) => !target.passed).map((target) => `${target.id}: ${target.reason}`), 'targets the solution misses').toEqual([]);
      const started = gradeChallenge(question, question.start);
      expect(started.problems, 'the starting model must be valid and within the brief').toEqual([]);
      expect(started.targets.some((target) => !target.passed), 'the starting model already meets every target: the challenge is trivial').toBe(true);
    });
  }

  it('grades its own right answer as right', () => {
    expect(grade(question, correctAnswer(question))).toMatchObject({valid: true, correct: true});
  });
});

describe('quizzes and the course', () => {
  it('registers each quiz with the course unit that names it, and each named quiz is registered', () => {
    for (const quiz of quizzes) {
      const unit = courseUnits.find((candidate) => candidate.key === quiz.unitKey);
      expect(unit, `quiz "${quiz.id}" names unit "${quiz.unitKey}", which does not exist`).toBeDefined();
      expect(unit?.quizId, `unit "${quiz.unitKey}" must set quizId: '${quiz.id}'`).toBe(quiz.id);
      expect(quiz.questions.length, `quiz "${quiz.id}" has no questions`).toBeGreaterThan(0);
    }
    for (const unit of courseUnits.filter((candidate) => candidate.quizId)) {
      expect(quizzes.some((quiz) => quiz.id === unit.quizId), `quiz "${unit.quizId}" of ${unit.key} is not in src/quiz/registry.ts`).toBe(true);
    }
  });

  it('uses every registered quiz in its unit’s page, with the registered questions file, and no unregistered quiz anywhere', () => {
    const used = new Map<string, string[]>();
    for (const file of mdxFiles(path.join(root, 'docs'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/<Quiz\s+[^>]*?id=["']([^"']+)["']/g)) {
        used.set(match[1]!, [...(used.get(match[1]!) ?? []), path.relative(root, file)]);
      }
    }
    for (const id of used.keys()) expect(quizzes.some((quiz) => quiz.id === id), `<Quiz id="${id}"> is not in src/quiz/registry.ts`).toBe(true);
    for (const quiz of quizzes) {
      const files = used.get(quiz.id) ?? [];
      expect(files.length, `quiz "${quiz.id}" must appear in exactly one page`).toBe(1);
      const unit = courseUnits.find((candidate) => candidate.key === quiz.unitKey);
      const page = fs.readFileSync(path.join(root, files[0]!), 'utf8');
      expect(page, `${files[0]} must import the registered questions file ${quiz.source}`).toContain(path.basename(quiz.source, '.ts'));
      expect(files[0]!.replace(/\.mdx?$/, '').replace(/\/index$/, ''), `quiz "${quiz.id}" must be on the page of ${unit?.key}`).toBe(`docs/${unit?.docId?.replace(/\/index$/, '')}`);
    }
  });
});
