import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/** No form of this product nests deeper than a few levels; 64 leaves room and stops stack abuse. */
export const JSON_MAX_DEPTH = 64;

/**
 * Whether `text` opens more than `max` objects/arrays at once, by one linear pass over the
 * characters (brackets inside strings do not count). Runs before JSON.parse, so a body nested
 * thousands of levels deep never reaches anything recursive.
 */
export function jsonTooDeep(text: string, max = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

const invalid = () => new AppError('VALIDATION', '请求内容不是有效的JSON');

class PoisonedKey extends Error {}

/**
 * Fastify's own protection, kept: a `__proto__` key, or a `constructor` holding `prototype`, is
 * refused (a later merge of the body could otherwise reach Object.prototype). The reviver only
 * runs when the text could spell such a key, so ordinary bodies parse at full speed.
 */
function refusePoisonedKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__') throw new PoisonedKey();
  if (
    key === 'constructor' &&
    value !== null &&
    typeof value === 'object' &&
    Object.hasOwn(value, 'prototype')
  )
    throw new PoisonedKey();
  return value;
}

/** Parses a JSON request body: depth checked first, then parsed with prototype-poisoning refused. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw invalid();
  if (jsonTooDeep(text)) {
    throw new AppError('VALIDATION', `请求内容嵌套层级过深（最多${JSON_MAX_DEPTH}层）`);
  }
  try {
    return /__proto__|constructor|\\u/.test(text) ? JSON.parse(text, refusePoisonedKeys) : JSON.parse(text);
  } catch (err) {
    if (err instanceof PoisonedKey) {
      throw new AppError('VALIDATION', '请求内容包含不允许的字段（__proto__ / constructor.prototype）');
    }
    throw invalid();
  }
}

/**
 * Replaces Fastify's application/json parser (same body limit, same prototype-poisoning
 * protection as its secure-json-parse defaults) with one that refuses deep nesting with a 400 instead of overflowing the stack.
 */
export function installJsonBodyParser(app: FastifyInstance) {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
