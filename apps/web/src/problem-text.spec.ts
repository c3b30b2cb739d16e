import { PROBLEM_CODES } from '@luodi/contract';
import type { Problem } from './api';
import { dictionaries } from './i18n';
import { bannerText, fieldLabel, fieldText, problemText } from './problem-text';

const invalidInput = (errors: { field: string; message: string }[]): Problem => ({
  status: 400,
  code: 'INVALID_INPUT',
  detail: 'The request has invalid fields.',
  errors,
});

describe('problemText', () => {
  it('has a sentence in zh-CN and in English for every code of the API’s registry', () => {
    const unworded = (lang: 'zh-CN' | 'en') =>
      PROBLEM_CODES.filter((code) => !((dictionaries[lang] as Record<string, string>)[`problem.${code}`] ?? '').trim());
    expect(unworded('zh-CN')).toEqual([]);
    expect(unworded('en')).toEqual([]);
    // Each is the code's own sentence, not the general one for its status.
    const zh = PROBLEM_CODES.map((code) => problemText({ status: 400, code }, 'zh-CN').text);
    expect(zh).not.toContain(dictionaries['zh-CN']['httpStatus.400']);
  });

  it('words a known code in the reader’s language and keeps the API’s words for the tooltip', () => {
    const problem: Problem = {
      status: 409,
      code: 'PROJECT_HAS_NO_LANDING_PLAN',
      detail: 'A project can only land once it has a landing plan.',
    };
    expect(problemText(problem, 'zh-CN')).toEqual({
      text: '项目须先制定落地方案，才能确认落地。',
      server: problem.detail,
    });
    expect(problemText(problem, 'en').text).toBe('A project can only land once it has a landing plan.');
    expect(
      problemText({ status: 401, code: 'INVALID_CREDENTIALS', detail: 'Wrong username or password.' }, 'zh-CN').text,
    ).toBe('用户名或密码错误。');
    expect(
      problemText({ status: 412, code: 'VERSION_MISMATCH', detail: 'The resource is at version 5.' }, 'zh-CN').text,
    ).toBe('该记录刚被他人更新，已为您刷新，请核对后重试。');
  });

  it('says how long to wait after too many login attempts, in whole minutes', () => {
    const problem: Problem = { status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS', retryAfterSeconds: 61 };
    expect(problemText(problem, 'zh-CN').text).toBe('登录失败次数过多，请 2 分钟后再试。');
    expect(problemText({ ...problem, retryAfterSeconds: 5 }, 'en').text).toBe(
      'Too many failed sign-ins; try again in 1 min.',
    );
  });

  it('falls back to the HTTP status for a code it does not know; in English to the API’s words', () => {
    const problem: Problem = { status: 409, code: 'SOMETHING_NEW', detail: 'Something new went wrong.' };
    expect(problemText(problem, 'zh-CN')).toEqual({
      text: '当前状态下不能办理此操作。',
      server: 'Something new went wrong.',
    });
    expect(problemText(problem, 'en')).toEqual({ text: 'Something new went wrong.' });
    expect(problemText({ status: 503 }, 'zh-CN').text).toBe('服务器暂时无法处理，请稍后再试。');
    expect(problemText({ status: 418 }, 'zh-CN').text).toBe('操作未能完成。');
  });

  it('tells a network failure apart from a failure of the page itself', () => {
    expect(problemText({ status: 0, code: 'NETWORK' }, 'zh-CN')).toEqual({
      text: '无法连接服务器，请检查网络后重试。',
    });
    expect(problemText({ status: 0, detail: 'TypeError: x is undefined' }, 'zh-CN')).toEqual({
      text: '操作未能完成。',
      server: 'TypeError: x is undefined',
    });
  });
});

describe('fieldText', () => {
  it('derives the message from class-validator’s constraint, not from its English wording', () => {
    const cases: [string, string, string][] = [
      ['title should not be empty', '必填', 'Required'],
      ['idea must not be greater than 100', '不能大于 100', 'At most 100'],
      ['idea must not be less than 0', '不能小于 0', 'At least 0'],
      [
        'dueOn must be a calendar date written YYYY-MM-DD',
        '请填写有效日期（年-月-日）',
        'Enter a valid date (YYYY-MM-DD)',
      ],
      [
        'investmentYuan must be a whole number of yuan, 0 or more',
        '请填写不小于 0 的金额',
        'Enter an amount of 0 or more',
      ],
      ['property color should not exist', '不接受此项', 'Not accepted'],
      ['title must be shorter than or equal to 200 characters', '最多 200 个字符', 'At most 200 characters'],
      ['password must have at least 10 characters', '至少 10 个字符', 'At least 10 characters'],
      ['password must not contain the username', '密码不能包含用户名', 'The password must not contain the username'],
      ['password must not be only spaces', '密码不能只有空格', 'The password must not be only spaces'],
      [
        'password is too easy to guess (a common password, word or pattern)',
        '密码太容易被猜到，请换一个更长、更少见的密码',
        'Too easy to guess; choose a longer, less common password',
      ],
      [
        'newPassword must differ from the current password',
        '新密码不能与当前密码相同',
        'Must differ from the current password',
      ],
      ['enterpriseId must be a UUID', '请选择', 'Please choose one'],
      [
        'verdict must be one of the following values: approved, rejected, revise',
        '请从选项中选择',
        'Choose one of the options',
      ],
      [
        'each value in supportingDepartments must be a department code (lower-case letters, digits, hyphens)',
        '请选择部门',
        'Choose a department',
      ],
      ['milestones must contain at least 1 elements', '至少需要 1 项', 'At least 1 needed'],
      [
        'occurredAt must be an ISO 8601 instant with an offset, e.g. 2024-05-01T09:30:00+08:00',
        '请填写带时区的时间，例如 2024-05-01T09:30:00+08:00',
        'Enter a time with an offset, e.g. 2024-05-01T09:30:00+08:00',
      ],
    ];
    for (const [message, zh, en] of cases) {
      const problem = invalidInput([{ field: 'f', message }]);
      expect({ message, zh: fieldText(problem, 'f', 'zh-CN') }).toEqual({ message, zh: { text: zh, server: message } });
      expect({ message, en: fieldText(problem, 'f', 'en')?.text }).toEqual({ message, en });
    }
  });

  it('says "required" for a missing value that also fails its type and length checks', () => {
    const problem = invalidInput([
      { field: 'title', message: 'title must be a string' },
      { field: 'title', message: 'title must be shorter than or equal to 200 characters' },
      { field: 'title', message: 'title should not be empty' },
    ]);
    expect(fieldText(problem, 'title', 'zh-CN')).toEqual({
      text: '必填',
      server:
        'title must be a string; title must be shorter than or equal to 200 characters; title should not be empty',
    });
  });

  it('uses the code of a domain rule that names its field', () => {
    const problem: Problem = {
      status: 400,
      code: 'LANDED_ON_IN_FUTURE',
      detail: 'The landing date lies after today (2026-01-01).',
      errors: [{ field: 'landedOn', message: 'The landing date lies after today (2026-01-01).' }],
    };
    expect(fieldText(problem, 'landedOn', 'zh-CN')?.text).toBe('落地日期不能晚于今天，只能登记已经落地的项目。');
  });

  it('keeps an unknown message: a general Chinese word with the English in the tooltip, the English as is', () => {
    const problem = invalidInput([{ field: 'creditCode', message: 'creditCode is strange today' }]);
    expect(fieldText(problem, 'creditCode', 'zh-CN')).toEqual({
      text: '填写有误',
      server: 'creditCode is strange today',
    });
    expect(fieldText(problem, 'creditCode', 'en')).toEqual({ text: 'creditCode is strange today' });
  });

  it('is empty for a field without errors, and without a problem', () => {
    expect(
      fieldText(invalidInput([{ field: 'title', message: 'title should not be empty' }]), 'summary', 'zh-CN'),
    ).toBeUndefined();
    expect(fieldText(null, 'title', 'zh-CN')).toBeUndefined();
  });
});

describe('fieldLabel', () => {
  it('names the fields of a JSON path, counting list items from 1', () => {
    expect(fieldLabel('milestones[1].dueOn', 'zh-CN')).toBe('推进节点 2 · 完成时限');
    expect(fieldLabel('scores.idea', 'en')).toBe('Scores · Good idea');
    expect(fieldLabel('color', 'zh-CN')).toBe('color');
  });
});

describe('bannerText', () => {
  const problem = invalidInput([
    { field: 'title', message: 'title should not be empty' },
    { field: 'color', message: 'property color should not exist' },
  ]);

  it('lists the field errors the form does not show at a field, by the field’s name', () => {
    expect(bannerText(problem, (field) => field === 'title', 'zh-CN')).toEqual({
      message: { text: '提交的内容有误，请修改后重试。', server: 'The request has invalid fields.' },
      others: [
        { field: 'color', label: 'color', error: { text: '不接受此项', server: 'property color should not exist' } },
      ],
    });
  });

  it('points to the fields when the form shows every error at its field', () => {
    expect(bannerText(problem, () => true, 'zh-CN')).toEqual({
      message: { text: '请根据提示修改标注的字段。' },
      others: [],
    });
  });

  it('does not repeat a domain rule’s field error that says what the banner says', () => {
    const needGone: Problem = {
      status: 400,
      code: 'NEED_NOT_FOUND',
      detail: 'This project has no need "n1".',
      errors: [{ field: 'needId', message: 'This project has no need "n1".' }],
    };
    expect(bannerText(needGone, () => false, 'zh-CN')).toEqual({
      message: { text: '该项目没有这项诉求。', server: needGone.detail },
      others: [],
    });
  });
});
