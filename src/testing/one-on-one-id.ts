import type Talk from 'talkjs';
import { sha1Hex } from './sha1.js';

/**
 * Mirrors `Talk.oneOnOneId(me, other)`: the id of the one-on-one conversation between two users,
 * the same whatever the argument order. As TalkJS documents it: put both user ids in an array,
 * sort it, JSON-encode it, SHA-1 it (lowercase hex) and keep the first 20 characters.
 *
 * @param me - a user (its `id` is used) or a user id.
 * @param other - a user (its `id` is used) or a user id.
 * @returns 20 lowercase hexadecimal characters, e.g. `oneOnOneId('aa', 'bb') === 'fd031b78f1add01539dc'`.
 */
export function oneOnOneId(me: Talk.User | string, other: Talk.User | string): string {
  const ids = [userIdOf(me), userIdOf(other)].sort();
  return sha1Hex(JSON.stringify(ids)).slice(0, 20);
}

function userIdOf(user: Talk.User | string): string {
  return typeof user === 'string' ? user : String(user.id);
}
