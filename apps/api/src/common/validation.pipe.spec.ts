import { ValidationError } from '@nestjs/common';
import { fieldErrors } from './validation.pipe';

describe('fieldErrors', () => {
  it('names nested fields by JSON path and keeps the broken rule beside the message', () => {
    const dueOn: ValidationError = {
      property: 'dueOn',
      children: [],
      constraints: { isBusinessDate: 'dueOn must be a calendar date written YYYY-MM-DD' },
    };
    const milestone: ValidationError = { property: '1', children: [dueOn] };
    const errors: ValidationError[] = [
      { property: 'milestones', children: [milestone] },
      { property: 'title', children: [], constraints: { isNotEmpty: 'title should not be empty' } },
    ];

    expect(fieldErrors(errors)).toEqual([
      {
        field: 'milestones[1].dueOn',
        constraint: 'isBusinessDate',
        message: 'dueOn must be a calendar date written YYYY-MM-DD',
      },
      { field: 'title', constraint: 'isNotEmpty', message: 'title should not be empty' },
    ]);
  });
});
