/** Reading a JSON document a user gave: a byte-order mark (some editors write one) is not part of it. */
import { InputError } from '../errors.js';

/** JSON.parse of `text` without a leading byte-order mark; a syntax error is an InputError naming `source`. */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new InputError(`${source}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}
