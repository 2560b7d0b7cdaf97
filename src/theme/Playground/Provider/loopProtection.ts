/**
 * Loop protection for live code: before a block runs, every `for` and `while`
 * loop (and the `while` of a `do … while`) gets a time check in its
 * condition, as CodeSandbox's and react.dev's sandboxes do. A loop that keeps
 * the page busy for longer than {@link LOOP_LIMIT_MS} throws, the preview
 * shows why, and the page stays usable: `while (true) {}`, or an edit on the
 * way from `i++` to `i += 2`, no longer freezes the tab for good.
 *
 * Loops are found with Sucrase's own tokenizer (the one react-live compiles
 * with), so strings, comments, regular expressions and types never confuse it.
 */
import {parse} from 'sucrase/dist/esm/parser/index.js';
import {TokenType} from 'sucrase/dist/esm/parser/tokenizer/types.js';

/** How long the page may stay busy in a live block's loops before they are stopped, in milliseconds. */
export const LOOP_LIMIT_MS = 1000;
/** The live scope's name for {@link loopGuard} (see `ReactLiveScope`). */
export const LOOP_GUARD = '__flLoopGuard';

/** What a stopped loop throws; react-live shows it in place of the preview. */
export class LoopStopped extends Error {
  override name = 'Loop stopped';
  constructor() {
    super(
      `a loop kept the page busy for more than ${LOOP_LIMIT_MS / 1000} s, so it was stopped. Check that its condition becomes false (for example that i += 2 cannot step over the end).`,
    );
  }
}

// When the current stretch of looping began. Reset once the page gets control back (a microtask
// runs only after the running code returns), so the limit is per uninterrupted stretch of work,
// however slow each turn of the loop is.
let busySince: number | null = null;

/** Called in every protected loop's condition: true, until the loops have run for too long. */
export function loopGuard(): true {
  const now = performance.now();
  if (busySince === null) {
    busySince = now;
    queueMicrotask(() => {
      busySince = null;
    });
  } else if (now - busySince > LOOP_LIMIT_MS) {
    // busySince stays set, so an outer loop that catches the error is stopped too.
    throw new LoopStopped();
  }
  return true;
}

/** The code with a call to the guard in every loop's condition; code that does not parse is returned as it is. */
export function protectLoops(code: string): string {
  let tokens: {type: number; start: number; end: number}[];
  try {
    tokens = parse(code, true, true, false).tokens;
  } catch {
    return code; // react-live reports the syntax error itself.
  }
  const inserts: {at: number; text: string}[] = [];
  const closing = (open: number): number => {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
      if (tokens[i]!.type === TokenType.parenL) depth++;
      else if (tokens[i]!.type === TokenType.parenR && --depth === 0) return i;
    }
    return -1;
  };
  tokens.forEach((token, i) => {
    const before = tokens[i - 1]?.type;
    if (before === TokenType.dot || before === TokenType.questionDot) return; // obj.while(…) is a call.
    if (token.type === TokenType._while) {
      const open = i + 1;
      if (tokens[open]?.type !== TokenType.parenL) return;
      const close = closing(open);
      if (close === -1) return;
      inserts.push({at: tokens[open]!.end, text: `${LOOP_GUARD}() && (`}, {at: tokens[close]!.start, text: ')'});
    } else if (token.type === TokenType._for) {
      const open = tokens[i + 1]?.type === TokenType._await ? i + 2 : i + 1;
      if (tokens[open]?.type !== TokenType.parenL) return;
      const close = closing(open);
      // The condition sits between the two semicolons of the header's own level; for…of and for…in have none.
      const semis: number[] = [];
      let depth = 0;
      for (let j = open; j <= close; j++) {
        const type = tokens[j]!.type;
        if (type === TokenType.parenL) depth++;
        else if (type === TokenType.parenR) depth--;
        else if (type === TokenType.semi && depth === 1) semis.push(j);
      }
      if (semis.length !== 2) return;
      const [first, second] = [tokens[semis[0]!]!, tokens[semis[1]!]!];
      if (code.slice(first.end, second.start).trim() === '') {
        inserts.push({at: first.end, text: ` ${LOOP_GUARD}()`});
      } else {
        inserts.push({at: first.end, text: ` ${LOOP_GUARD}() && (`}, {at: second.start, text: ')'});
      }
    }
  });
  let out = code;
  for (const {at, text} of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
