import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  answerRecorded,
  answerRevealed,
  createProgressStore,
  emptyProgress,
  migrate,
  MIGRATIONS,
  NOTICE_FULL,
  NOTICE_UNAVAILABLE,
  parseProgress,
  REVEAL_COOLDOWN_MS,
  requiredCorrect,
  scoreQuiz,
  STORAGE_KEY,
  type Progress,
  type StorageLike,
} from './progress';

const ids = ['q1', 'q2', 'q3', 'q4', 'q5'];
const right = {kind: 'single', choiceId: 'b'} as const;

/** A localStorage stand-in; `fail` makes writes throw like a full or blocked browser storage. */
function fakeStorage(initial: Record<string, string> = {}, fail?: 'quota' | 'security') {
  const data = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (fail === 'quota') throw new DOMException('full', 'QuotaExceededError');
      if (fail === 'security') throw new DOMException('blocked', 'SecurityError');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
  return {storage, data};
}

function answered(progress: Progress, questionIds: string[], now = 0): Progress {
  return questionIds.reduce((acc, id) => answerRecorded(acc, 'quiz', ids, id, right, true, now), progress);
}

describe('scoring', () => {
  it('passes at 80 % of questions with credit, rounded up', () => {
    expect([1, 2, 4, 5, 6, 10].map(requiredCorrect)).toEqual([1, 2, 4, 4, 5, 8]);
    const progress = answered(emptyProgress(), ['q1', 'q2', 'q3']);
    expect(scoreQuiz(ids, progress.quizzes.quiz)).toMatchObject({credited: 3, total: 5, required: 4, passed: false, started: true});
    expect(scoreQuiz(ids, answered(progress, ['q4']).quizzes.quiz).passed).toBe(true);
  });

  it('gives a quiz with no progress no credit and an empty quiz no pass', () => {
    expect(scoreQuiz(ids, undefined)).toMatchObject({credited: 0, passed: false, started: false});
    expect(scoreQuiz([], undefined).passed).toBe(false);
  });

  it('takes credit away when a right answer is followed by a wrong one', () => {
    let progress = answered(emptyProgress(), ['q1']);
    progress = answerRecorded(progress, 'quiz', ids, 'q1', right, false, 1);
    expect(scoreQuiz(ids, progress.quizzes.quiz).credited).toBe(0);
    expect(progress.quizzes.quiz?.questions.q1?.attempts).toBe(2);
  });
});

describe('revealing an answer', () => {
  it('earns no credit, even for a right answer soon after', () => {
    let progress = answerRecorded(emptyProgress(), 'quiz', ids, 'q1', right, false, 0);
    progress = answerRevealed(progress, 'quiz', ids, 'q1', 1_000);
    expect(scoreQuiz(ids, progress.quizzes.quiz).credited).toBe(0);
    progress = answerRecorded(progress, 'quiz', ids, 'q1', right, true, 1_000 + REVEAL_COOLDOWN_MS - 1);
    expect(scoreQuiz(ids, progress.quizzes.quiz).credited).toBe(0);
  });

  it('earns credit again for a right answer from scratch later', () => {
    let progress = answerRevealed(emptyProgress(), 'quiz', ids, 'q1', 1_000);
    progress = answerRecorded(progress, 'quiz', ids, 'q1', right, true, 1_000 + REVEAL_COOLDOWN_MS);
    expect(scoreQuiz(ids, progress.quizzes.quiz).credited).toBe(1);
    expect(progress.quizzes.quiz?.questions.q1?.revealedAt).toBeNull();
  });
});

describe('migrate', () => {
  it('reads the current format and round-trips through JSON', () => {
    const progress = answerRevealed(answered(emptyProgress(), ['q1', 'q2'], 5), 'quiz', ids, 'q3', 9);
    expect(parseProgress(JSON.stringify(progress))).toEqual({ok: true, progress});
  });

  it('keeps a challenge’s submitted design as its answer, and rejects a design that is not an object', () => {
    const model = {zones: ['use1-az1', 'use1-az2'], service: {desiredCount: 4}};
    const progress = answerRecorded(emptyProgress(), 'capstone', ['design'], 'design', {kind: 'challenge', model}, true, 5);
    expect(parseProgress(JSON.stringify(progress))).toEqual({ok: true, progress});
    const bad = {version: 1, quizzes: {capstone: {questionIds: [], questions: {design: {attempts: 1, answeredCorrectly: true, revealedAt: null, answeredAt: 5, answer: {kind: 'challenge', model: 'big'}}}}}};
    expect(migrate(bad)).toEqual({ok: false, reason: 'Quiz "capstone", question "design": answer has a bad model.'});
  });

  it.each([
    [null, 'not a Failover Lab progress object'],
    [[], 'not a Failover Lab progress object'],
    [{}, 'no valid "version"'],
    [{version: '1', quizzes: {}}, 'no valid "version"'],
    [{version: 99, quizzes: {}}, 'newer version of the course'],
    [{version: 1}, '"quizzes" is missing'],
    [{version: 1, quizzes: {'Bad Id': {questions: {}, questionIds: []}}}, 'not a quiz id'],
    [{version: 1, quizzes: {['__proto__']: {questions: {}, questionIds: []}}}, 'not a quiz id'],
    [{version: 1, quizzes: {intro: {questions: {}}}}, 'bad "questionIds"'],
    [{version: 1, quizzes: {intro: {questionIds: [], questions: {q: {attempts: -1}}}}}, 'attempts must be'],
    [{version: 1, quizzes: {intro: {questionIds: [], questions: {q: {attempts: 1, answeredCorrectly: 'yes'}}}}}, 'answeredCorrectly'],
    [
      {version: 1, quizzes: {intro: {questionIds: [], questions: {q: {attempts: 1, answeredCorrectly: true, revealedAt: null, answeredAt: null, answer: {kind: 'essay'}}}}}},
      'unknown kind',
    ],
  ])('rejects %j with a reason', (raw, reason) => {
    const result = migrate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('upgrades an older format step by step', () => {
    // A made-up format 0 that stored only the quiz ids the reader had passed, upgraded to 1, then by the real step to 2.
    const steps = {
      ...MIGRATIONS,
      0: (old: Record<string, unknown>) => ({version: 1, quizzes: Object.fromEntries((old.passed as string[]).map((id) => [id, {questions: {}, questionIds: []}]))}),
    };
    expect(migrate({version: 0, passed: ['intro']}, steps, 2)).toEqual({ok: true, progress: {version: 2, quizzes: {intro: {questions: {}, questionIds: []}}, guesses: {}}});
    expect(migrate({version: 0, passed: ['intro']}, {}, 2)).toEqual({ok: false, reason: 'Format 0 cannot be upgraded.'});
    expect(migrate({version: 0}, steps, 2)).toEqual({ok: false, reason: 'Upgrading format 0 failed.'});
  });

  it('upgrades a version 1 file (before predictions) to version 2, keeping every answer', () => {
    const v1 = {version: 1, quizzes: {intro: {questionIds: ['q1'], questions: {q1: {attempts: 2, answeredCorrectly: true, revealedAt: null, answeredAt: 7, answer: right}}}}};
    expect(migrate(v1)).toEqual({ok: true, progress: {...v1, version: 2, guesses: {}}});
  });

  it('reads committed predictions back, and rejects bad ones with a reason', () => {
    const store = createProgressStore({storage: () => fakeStorage().storage, now: () => 11});
    store.recordGuess('outage-length', {seconds: '30'});
    const progress = store.getState().progress;
    expect(progress.guesses).toEqual({'outage-length': {values: {seconds: '30'}, at: 11}});
    expect(parseProgress(JSON.stringify(progress))).toEqual({ok: true, progress});
    const withGuesses = (guesses: unknown) => migrate({version: 2, quizzes: {}, guesses});
    expect(withGuesses(undefined)).toEqual({ok: false, reason: '"guesses" is missing or is not an object.'});
    expect(withGuesses({'Bad Id': {values: {}, at: 1}})).toEqual({ok: false, reason: '"Bad Id" is not a prediction id.'});
    expect(withGuesses({p: {values: {a: 5}, at: 1}})).toEqual({ok: false, reason: 'Prediction "p": value "a" must be a short text under an id.'});
    expect(withGuesses({p: {values: {}, at: -1}})).toEqual({ok: false, reason: 'Prediction "p": "at" must be a time.'});
  });

  it('never throws on any JSON value or any text', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => typeof migrate(value).ok === 'boolean'));
    fc.assert(fc.property(fc.string(), (text) => typeof parseProgress(text).ok === 'boolean'));
    const nearlyValid = fc.record({
      version: fc.oneof(fc.constant(1), fc.anything()),
      quizzes: fc.dictionary(fc.oneof(fc.constant('intro'), fc.string()), fc.anything()),
    });
    fc.assert(fc.property(nearlyValid, (value) => typeof migrate(value).ok === 'boolean'));
  });
});

describe('the store', () => {
  it('saves answers under one versioned key and reads them back on the next visit', () => {
    const {storage, data} = fakeStorage();
    const store = createProgressStore({storage: () => storage, now: () => 42});
    store.recordAnswer('quiz', ids, 'q1', right, true);
    expect(JSON.parse(data.get(STORAGE_KEY)!)).toMatchObject({version: 2, quizzes: {quiz: {questionIds: ids, questions: {q1: {answeredCorrectly: true, answeredAt: 42}}}}});
    const nextVisit = createProgressStore({storage: () => storage});
    expect(nextVisit.getState()).toEqual({progress: store.getState().progress, issue: null});
  });

  it('tells subscribers about changes and stops after unsubscribe', () => {
    const store = createProgressStore({storage: () => fakeStorage().storage});
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.recordAnswer('quiz', ids, 'q1', right, true);
    unsubscribe();
    store.reveal('quiz', ids, 'q2');
    expect(calls).toBe(1);
  });

  it('keeps working for the visit when storage is blocked', () => {
    const store = createProgressStore({
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(store.getState().issue).toEqual({kind: 'unavailable', message: NOTICE_UNAVAILABLE});
    store.recordAnswer('quiz', ids, 'q1', right, true);
    expect(scoreQuiz(ids, store.getState().progress.quizzes.quiz).credited).toBe(1);
  });

  it('keeps working for the visit when storage is full', () => {
    const {storage} = fakeStorage({}, 'quota');
    const store = createProgressStore({storage: () => storage});
    expect(store.getState().issue).toBeNull();
    store.recordAnswer('quiz', ids, 'q1', right, true);
    expect(store.getState().issue).toEqual({kind: 'full', message: NOTICE_FULL});
    expect(scoreQuiz(ids, store.getState().progress.quizzes.quiz).credited).toBe(1);
  });

  it('leaves an unreadable stored value untouched until the reader resets', () => {
    const {storage, data} = fakeStorage({[STORAGE_KEY]: '{"version": 1, "quizzes": ['});
    const store = createProgressStore({storage: () => storage});
    expect(store.getState().issue?.kind).toBe('unreadable');
    expect(store.getState().issue?.message).toContain('not valid JSON');
    store.recordAnswer('quiz', ids, 'q1', right, true);
    expect(data.get(STORAGE_KEY)).toBe('{"version": 1, "quizzes": [');
    store.reset();
    expect(store.getState()).toEqual({progress: emptyProgress(), issue: null});
    expect(data.has(STORAGE_KEY)).toBe(false);
  });

  it('keeps a committed prediction until the reader clears it, across visits', () => {
    const {storage} = fakeStorage();
    createProgressStore({storage: () => storage, now: () => 3}).recordGuess('zone-loss', {share: '33', layout: 'even'});
    const next = createProgressStore({storage: () => storage});
    expect(next.getState().progress.guesses['zone-loss']).toEqual({values: {share: '33', layout: 'even'}, at: 3});
    next.recordGuess('zone-loss', null);
    expect(createProgressStore({storage: () => storage}).getState().progress.guesses).toEqual({});
  });

  it('imports a valid export and rejects an invalid file without touching progress', () => {
    const {storage} = fakeStorage();
    const store = createProgressStore({storage: () => storage});
    store.recordAnswer('quiz', ids, 'q1', right, true);
    store.recordGuess('outage-length', {seconds: '45'});
    const exported = store.exportText();
    const before = store.getState();
    expect(store.importText('{"hello": "world"}')).toEqual({ok: false, reason: 'It has no valid "version": it is not Failover Lab progress.'});
    expect(store.getState()).toBe(before);
    store.reset();
    expect(store.importText(exported)).toEqual({ok: true});
    expect(store.getState().progress).toEqual(before.progress);
  });

  it('never throws whatever garbage storage holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((value) => JSON.stringify(value) ?? 'undefined')), (stored) => {
        const {storage} = fakeStorage({[STORAGE_KEY]: stored});
        const store = createProgressStore({storage: () => storage});
        store.recordAnswer('quiz', ids, 'q1', right, true);
        return scoreQuiz(ids, store.getState().progress.quizzes.quiz).credited === 1;
      }),
    );
  });
});
