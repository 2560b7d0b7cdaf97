/**
 * The lab's share link: the playground reads its model from the page's link once and keeps the
 * link up to date as the reader edits; every lab copies a link or the model as TypeScript.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {upgradeModel, type Model} from '@site/src/engine';
import {decodeModel, SHARE_PARAM, shareLinkProblem, withModelParam} from '@site/src/lab/share';

export interface ModelLink {
  /** Why the page's link could not be opened, or null. */
  problem: string | null;
  /** What changed in a link made by an older version of the lab. */
  notices: string[];
  /** The reader changed the model: a refused link no longer stays in the address bar. */
  release: () => void;
}

/**
 * With `syncUrl`, reads the model from the page's link once (calling `onOpened` with it, brought up to
 * date) and writes every later model back to the link; a refused link stays as it was until `release`.
 */
export function useModelLink(syncUrl: boolean, model: Model, onOpened: (model: Model) => void): ModelLink {
  const [problem, setProblem] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  // A refused link stays in the address bar (a reload shows the message again) until the reader edits.
  const keepLink = useRef(false);
  // The link's model is on its way into the lab's state: the model of this render is the one it replaces,
  // and writing it would put the defaults in the address bar for a moment (a reader copying or reloading
  // then, or a test reading the address, got the defaults).
  const opening = useRef(false);

  useEffect(() => {
    if (!syncUrl) return;
    const value = new URLSearchParams(window.location.search).get(SHARE_PARAM);
    if (value === null) return;
    const decoded = decodeModel(value);
    if (decoded.ok) {
      // An older link opens brought up to date, with a word on what changed.
      const upgraded = upgradeModel(decoded.model);
      opening.current = true;
      onOpened(upgraded.model);
      setNotices(upgraded.notices);
    } else {
      keepLink.current = true;
      setProblem(decoded.reason);
    }
  }, [syncUrl, onOpened]);

  useEffect(() => {
    if (!syncUrl || keepLink.current) return undefined;
    if (opening.current) {
      opening.current = false;
      return undefined;
    }
    // In a task of its own, right after the edit's: encoding the link and replacing the address take a few
    // milliseconds, which then overlap the worker's run instead of delaying it.
    const write = setTimeout(() => {
      const search = withModelParam(window.location.search, model);
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }, 0);
    return () => clearTimeout(write);
  }, [syncUrl, model, problem]);

  const release = useCallback(() => {
    setProblem(null);
    keepLink.current = false;
  }, []);

  return {problem, notices, release};
}

export interface Shared {
  kind: 'link' | 'code';
  text: string;
}

/**
 * Copies a share link or the model's TypeScript to the clipboard, keeping the text on screen to
 * select by hand when the browser refuses; `announce` says what happened.
 */
export function useCopy(announce: (text: string) => void) {
  const [shared, setShared] = useState<Shared | null>(null);
  const copy = async (kind: Shared['kind'], text: string) => {
    const tooLong = kind === 'link' ? shareLinkProblem(text) : null;
    if (tooLong?.level === 'refused') {
      setShared(null);
      announce(tooLong.message);
      return;
    }
    setShared({kind, text});
    try {
      await navigator.clipboard.writeText(text);
      announce(kind === 'link' ? `Link copied to the clipboard.${tooLong ? ` ${tooLong.message}` : ''}` : 'TypeScript copied to the clipboard.');
    } catch {
      announce(`Your browser did not allow copying: select the text below and copy it.${tooLong ? ` ${tooLong.message}` : ''}`);
    }
  };
  return {shared, setShared, copy};
}
