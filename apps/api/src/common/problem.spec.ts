import { NotFoundException } from '@nestjs/common';
import { enterpriseErrors, projectErrors } from '@luodi/domain';
import { WrongExpectedVersionError } from '@luodi/event-store';
import { ApiError, JsonTooDeepError, toProblem } from './problem';

const request = { headers: {} };

describe('toProblem', () => {
  it('answers an ApiError with its code’s status and title from the registry; a 400 always lists its field errors', () => {
    expect(toProblem(new ApiError('USERNAME_TAKEN', 'The username "x" is taken.'), request)).toEqual({
      type: 'urn:luodi:problem:username-taken',
      title: 'Username taken',
      status: 409,
      detail: 'The username "x" is taken.',
      code: 'USERNAME_TAKEN',
    });
    expect(toProblem(new ApiError('INVALID_IF_MATCH', 'If-Match must be a version.'), request)).toMatchObject({
      status: 400,
      errors: [],
    });
    expect(toProblem(new JsonTooDeepError(32), request)).toMatchObject({
      status: 400,
      code: 'JSON_TOO_DEEP',
      errors: [{ field: 'body', message: 'nested deeper than 32 levels' }],
    });
  });

  it('gives a domain error the status of its kind: the same code is 400 as a reference in the body and 404 in the path', () => {
    expect(toProblem(projectErrors.enterpriseNotFound(), request)).toMatchObject({
      status: 400,
      code: 'ENTERPRISE_NOT_FOUND',
      title: 'Enterprise not found',
      errors: [{ field: 'enterpriseId' }],
    });
    expect(toProblem(enterpriseErrors.notFound(), request)).toMatchObject({
      status: 404,
      code: 'ENTERPRISE_NOT_FOUND',
    });
    expect(toProblem(enterpriseErrors.notFound(), request)).not.toHaveProperty('errors');
    expect(
      toProblem(new ApiError('CONFERENCE_NOT_FOUND', 'There is no conference with this id.'), request),
    ).toMatchObject({ status: 404 });
  });

  it('maps a lost race by whether the request named a version, and what Nest raises itself by its status', () => {
    const race = new WrongExpectedVersionError('project-1', 2, 3);
    expect(toProblem(race, { headers: { 'if-match': '"2"' } })).toMatchObject({
      status: 412,
      code: 'VERSION_MISMATCH',
    });
    expect(toProblem(race, request)).toMatchObject({ status: 409, code: 'CONCURRENT_MODIFICATION' });
    expect(toProblem(new NotFoundException('Cannot GET /api/nothing'), request)).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Cannot GET /api/nothing',
    });
    expect(toProblem(new Error('boom'), request)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('answers 503 when the database went away or a node that is not the primary refused the write', () => {
    const failures = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }),
    ];
    for (const error of failures)
      expect(toProblem(error, request)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    // Another refusal by the database is ours to fix, not the client's to retry.
    const refused = Object.assign(new Error('null value in column "title"'), { code: '23502' });
    expect(toProblem(refused, request)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
