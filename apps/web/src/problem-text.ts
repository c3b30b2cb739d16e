/**
 * The API's problem details in the reader's language. The API words its messages in English
 * (class-validator's for input, the domain's for rules); what is stable is the problem `code` and
 * the kind of constraint a field message states. Those are translated here; the API's own words
 * travel along as `server`, for a tooltip, so nothing it said is lost.
 */
import type { ProblemCode } from '@luodi/contract';
import type { Problem } from './api';
import { isMessageKey, Lang, MessageKey, Params, translate } from './i18n';

// The codes treated apart here, held against the API's registry so a renamed code fails the build.
const LOGIN_THROTTLED = 'TOO_MANY_LOGIN_ATTEMPTS' satisfies ProblemCode;
const INVALID_INPUT = 'INVALID_INPUT' satisfies ProblemCode;

export interface ProblemText {
  text: string;
  /** The API's own words, when they differ from `text`. */
  server?: string;
}

/** The sentence for a problem as a whole: its code's, else its HTTP status's. */
export function problemText(problem: Problem, lang: Lang): ProblemText {
  const server = problem.detail ?? problem.title;
  const key = problem.code ? `problem.${problem.code}` : '';
  if (isMessageKey(key)) return { text: translate(lang, key, problemParams(problem)), server };
  // A code this UI does not know yet: English readers are best served by the API's own words.
  if (lang === 'en' && server) return { text: server };
  return { text: translate(lang, statusKey(problem.status)), server };
}

function problemParams(problem: Problem): Params | undefined {
  if (problem.code !== LOGIN_THROTTLED) return undefined;
  // The API counts failures over 15 minutes; Retry-After says when the next try is allowed.
  return { minutes: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 15 * 60) / 60)) };
}

function statusKey(status: number): MessageKey {
  if (status >= 500) return 'httpStatus.5xx';
  const key = `httpStatus.${status}`;
  return isMessageKey(key) ? key : 'httpStatus.other';
}

interface Constraint {
  pattern: RegExp;
  key: MessageKey;
  params?: (match: RegExpExecArray) => Params;
}

/**
 * class-validator's default messages and the API's own field messages (apps/api/src/common/
 * dto-fields.ts, users), by the kind of constraint they state. A field that breaks several is
 * described by the first that matches: a missing value also fails "must be a string", and saying
 * "required" is what helps.
 */
const CONSTRAINTS: Constraint[] = [
  { pattern: /should not be empty|should not be null or undefined/, key: 'invalid.required' },
  { pattern: /^property \S+ should not exist/, key: 'invalid.unknownField' },
  { pattern: /must be a UUID/, key: 'invalid.reference' },
  { pattern: /must be a calendar date/, key: 'invalid.date' },
  { pattern: /must be an ISO 8601 instant/, key: 'invalid.instant' },
  { pattern: /must be a whole number of yuan/, key: 'invalid.yuan' },
  { pattern: /must be an integer number/, key: 'invalid.integer' },
  { pattern: /must be a number/, key: 'invalid.number' },
  { pattern: /must not be greater than (\S+)/, key: 'invalid.max', params: (m) => ({ max: m[1] }) },
  { pattern: /must not be less than (\S+)/, key: 'invalid.min', params: (m) => ({ min: m[1] }) },
  {
    pattern: /must (?:be shorter than or equal to|have at most) (\d+) characters/,
    key: 'invalid.maxLength',
    params: (m) => ({ max: m[1] }),
  },
  {
    pattern: /must (?:be longer than or equal to|have at least) (\d+) characters/,
    key: 'invalid.minLength',
    params: (m) => ({ min: m[1] }),
  },
  { pattern: /must be a department code/, key: 'invalid.departmentCode' },
  { pattern: /must be one of/, key: 'invalid.choice' },
  { pattern: /^code must be 2 to 40/, key: 'invalid.code' },
  { pattern: /^username must be 2 to 64/, key: 'invalid.username' },
  { pattern: /must not (?:be|contain) the username/, key: 'invalid.passwordIsUsername' },
  { pattern: /must not be only spaces/, key: 'invalid.blankPassword' },
  { pattern: /is too easy to guess/, key: 'invalid.weakPassword' },
  { pattern: /must differ from the current password/, key: 'invalid.samePassword' },
  { pattern: /is only for role department/, key: 'invalid.departmentOnlyForDepartmentRole' },
  { pattern: /is required for role department/, key: 'invalid.departmentRequiredForRole' },
  { pattern: /there is no department with the code/, key: 'problem.UNKNOWN_DEPARTMENT' },
  { pattern: /currentPassword is wrong/, key: 'invalid.wrongPassword' },
  { pattern: /must contain at least (\d+) elements/, key: 'invalid.minItems', params: (m) => ({ min: m[1] }) },
  { pattern: /must contain no more than (\d+) elements/, key: 'invalid.maxItems', params: (m) => ({ max: m[1] }) },
  { pattern: /must be an array|must be either object or array|must be an object/, key: 'invalid.shape' },
  { pattern: /must be a boolean value/, key: 'invalid.flag' },
  { pattern: /must be a string/, key: 'invalid.text' },
];

/** What is wrong with one field (a JSON path such as `milestones[1].dueOn`), if anything. */
export function fieldText(problem: Problem | null, field: string, lang: Lang): ProblemText | undefined {
  const messages = (problem?.errors ?? []).filter((error) => error.field === field).map((error) => error.message);
  if (!problem || messages.length === 0) return undefined;
  const server = messages.join('; ');
  // A rule of the domain names its field and carries its own code; plain input checks are INVALID_INPUT.
  const key = `problem.${problem.code}`;
  if (problem.code !== INVALID_INPUT && isMessageKey(key)) return { text: translate(lang, key), server };
  for (const constraint of CONSTRAINTS) {
    for (const message of messages) {
      const match = constraint.pattern.exec(message);
      if (match) return { text: translate(lang, constraint.key, constraint.params?.(match)), server };
    }
  }
  return lang === 'en' ? { text: server } : { text: translate(lang, 'invalid.other'), server };
}

/**
 * A field's name for a message listed away from the form field: `milestones[1].dueOn` reads
 * 推进节点 2 · 完成时限. Names this UI does not know are shown as sent.
 */
export function fieldLabel(field: string, lang: Lang): string {
  return field
    .split('.')
    .map((segment) => {
      const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(segment) ?? [undefined, segment];
      const key = `field.${name}`;
      const label = isMessageKey(key) ? translate(lang, key) : name!;
      return index === undefined ? label : `${label} ${Number(index) + 1}`;
    })
    .join(' · ');
}

/**
 * What a form's error banner says: the problem's sentence (or, when every field error is shown at
 * its field, a pointer to them) and the field errors shown nowhere else, each with its field's
 * name. A domain rule's one field error, which says what the sentence says, is not repeated.
 */
export function bannerText(
  problem: Problem,
  shown: (field: string) => boolean,
  lang: Lang,
): { message: ProblemText; others: { field: string; label: string; error: ProblemText }[] } {
  const fields = [...new Set((problem.errors ?? []).map((error) => error.field))];
  const unshown = fields.filter((field) => !shown(field));
  const message =
    fields.length > 0 && unshown.length === 0 ? { text: translate(lang, 'error.fields') } : problemText(problem, lang);
  const others = unshown
    .map((field) => ({ field, label: fieldLabel(field, lang), error: fieldText(problem, field, lang)! }))
    .filter(({ error }) => error.text !== message.text);
  return { message, others };
}
