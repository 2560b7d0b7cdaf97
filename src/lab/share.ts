/**
 * The share link: the whole model, in the URL. The model is JSON, encoded as
 * base64url behind a version prefix, so a later format can still read (or
 * clearly refuse) an old link. Decoding never throws: a tampered or outdated
 * link comes back as a reason the lab can show, and the lab falls back to its
 * defaults.
 */
import {validateModel, ModelError, type Model} from '@site/src/engine';

/** The query parameter that carries the model. */
export const SHARE_PARAM = 'model';
/** The current format's prefix. */
export const SHARE_VERSION = 'v1';
/** Links longer than this are refused before parsing (a model is a few hundred bytes). */
export const MAX_SHARE_LENGTH = 20_000;

/** What reading a link gave. */
export type DecodedShare = {ok: true; model: Model} | {ok: false; reason: string};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
}

/** The model as the value of the share parameter. */
export function encodeModel(model: Model): string {
  return `${SHARE_VERSION}.${toBase64Url(JSON.stringify(model))}`;
}

/**
 * Reads a share parameter back into a model, checking it with the engine's own
 * validation. Never throws.
 */
export function decodeModel(value: string): DecodedShare {
  if (value.length > MAX_SHARE_LENGTH) {
    return {ok: false, reason: `the link is ${value.length} characters long, more than a model can be (${MAX_SHARE_LENGTH}).`};
  }
  const dot = value.indexOf('.');
  const version = dot === -1 ? '' : value.slice(0, dot);
  if (version !== SHARE_VERSION) {
    return {
      ok: false,
      reason: version
        ? `the link was made by a format this site does not know ("${version}").`
        : 'the link has no format version: it was cut short or edited by hand.',
    };
  }
  let json: string;
  try {
    json = fromBase64Url(value.slice(dot + 1));
  } catch {
    return {ok: false, reason: 'the link is not valid base64url text: it was cut short or edited by hand.'};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {ok: false, reason: 'the link does not hold a readable model (its JSON is broken).'};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {ok: false, reason: 'the link does not hold a model object.'};
  }
  try {
    validateModel(parsed as Model);
  } catch (error) {
    if (error instanceof ModelError) return {ok: false, reason: `the model in the link is invalid: ${error.message}`};
    return {ok: false, reason: 'the model in the link could not be read.'};
  }
  return {ok: true, model: parsed as Model};
}

/** `search` (as in `location.search`) with the model set. */
export function withModelParam(search: string, model: Model): string {
  const params = new URLSearchParams(search);
  params.set(SHARE_PARAM, encodeModel(model));
  return `?${params.toString()}`;
}
