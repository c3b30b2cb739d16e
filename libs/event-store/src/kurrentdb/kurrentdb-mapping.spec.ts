import {
  ANY,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { Position } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../event-store.errors';
import { newEvent } from '../testing/event-store.contract';
import {
  KurrentRecord,
  comparePositions,
  currentVersion,
  formatCheckpoint,
  fromKurrentRecord,
  globalPositionOf,
  isPositionAtOrBefore,
  isStreamNotFound,
  parseCheckpoint,
  revisionToVersion,
  streamNameRegex,
  toKurrentEvent,
  toPortError,
  toStreamState,
} from './kurrentdb-mapping';

const position = (commit: bigint, prepare = commit): Position => ({ commit, prepare });

describe('KurrentDB mapping: stream filter', () => {
  const luodi = new RegExp(streamNameRegex());

  it("matches Luodi's aggregate streams only, never system or other streams", () => {
    const id = '0b5a4f57-1c4c-4f5e-9c1a-7f0c2f1d2e3a';
    expect([`project-${id}`, `enterprise-${id}`, `conference-${id}`].every((s) => luodi.test(s))).toBe(true);
    expect(
      [`$$project-${id}`, '$stats-127.0.0.1:2113', `$ce-project`, `projects-${id}`, `test-${id}`, 'project'].some((s) =>
        luodi.test(s),
      ),
    ).toBe(false);
  });

  it('escapes prefixes, so a dot in a prefix matches only a dot', () => {
    const regex = new RegExp(streamNameRegex(['a.b']));
    expect(regex.test('a.b-1')).toBe(true);
    expect(regex.test('axb-1')).toBe(false);
  });

  it('refuses an empty prefix list, which would match nothing', () => {
    expect(() => streamNameRegex([])).toThrow(/prefix/);
  });
});

describe('KurrentDB mapping: versions and revisions', () => {
  it('maps version 0 to NO_STREAM, version N to revision N - 1, and any to ANY', () => {
    expect(toStreamState(0)).toBe(NO_STREAM);
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(7)).toBe(6n);
    expect(toStreamState('any')).toBe(ANY);
  });

  it('refuses versions that are not whole non-negative numbers', () => {
    expect(() => toStreamState(-1)).toThrow(/version/);
    expect(() => toStreamState(1.5)).toThrow(/version/);
  });

  it('maps revision R back to version R + 1, and no stream to version 0', () => {
    expect(revisionToVersion(0n)).toBe(1);
    expect(revisionToVersion(41n)).toBe(42);
    expect(currentVersion(NO_STREAM)).toBe(0);
    expect(currentVersion(4n)).toBe(5);
  });
});

describe('KurrentDB mapping: positions and checkpoints', () => {
  it('formats a checkpoint as kurrentdb:<commit>:<prepare> and parses it back exactly, beyond 2^53 too', () => {
    const big = position(2n ** 60n + 3n, 2n ** 60n + 1n);
    expect(formatCheckpoint(position(1024n, 1000n))).toBe('kurrentdb:1024:1000');
    expect(parseCheckpoint(formatCheckpoint(big))).toEqual(big);
    expect(parseCheckpoint(null)).toBeNull();
  });

  it("refuses a PostgreSQL adapter's checkpoint and malformed ones", () => {
    expect(() => parseCheckpoint('734:12')).toThrow(/KurrentDB/);
    expect(() => parseCheckpoint('kurrentdb:12')).toThrow(/KurrentDB/);
    expect(() => parseCheckpoint('kurrentdb:-1:0')).toThrow(/KurrentDB/);
  });

  it('orders positions by commit, then prepare', () => {
    const sorted = [position(20n, 5n), position(10n, 9n), position(20n, 3n), position(10n, 9n)].sort(comparePositions);
    expect(sorted).toEqual([position(10n, 9n), position(10n, 9n), position(20n, 3n), position(20n, 5n)]);
    expect(comparePositions(position(10n, 9n), position(10n, 9n))).toBe(0);
  });

  it('uses the commit position as the numeric global position', () => {
    expect(globalPositionOf(position(123456n, 123000n))).toBe(123456);
    expect(() => globalPositionOf(position(2n ** 64n - 1n))).toThrow(/range/);
  });

  it('says whether a position is at or before a checkpoint by commit position', () => {
    const checkpoint = formatCheckpoint(position(500n, 480n));
    expect(isPositionAtOrBefore(499, checkpoint)).toBe(true);
    expect(isPositionAtOrBefore(500, checkpoint)).toBe(true);
    expect(isPositionAtOrBefore(501, checkpoint)).toBe(false);
    expect(isPositionAtOrBefore(0, null)).toBe(false);
    expect(() => isPositionAtOrBefore(1.5, checkpoint)).toThrow(/position/);
  });
});

describe('KurrentDB mapping: errors', () => {
  it("maps the client's wrong-expected-version to the port's, with our versions", () => {
    const conflict = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'project-1',
      expected: 1n,
      current: 4n,
    });

    const mapped = toPortError(conflict, 'project-1', 2);

    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: 'project-1', expected: 2, actual: 5 });
  });

  it('maps a conflict on a stream that does not exist yet to actual version 0', () => {
    const conflict = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'project-1',
      expected: 0n,
      current: NO_STREAM,
    });
    expect(toPortError(conflict, 'project-1', 1)).toMatchObject({ expected: 1, actual: 0 });
  });

  it('passes other errors through unchanged', () => {
    const other = new Error('connection refused');
    const notFound = new StreamNotFoundError(undefined, 'project-1');
    expect(toPortError(other, 'project-1', 'any')).toBe(other);
    expect(toPortError(notFound, 'project-1', 'any')).toBe(notFound);
  });

  it("recognizes the client's stream-not-found, and only that", () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'project-1'))).toBe(true);
    expect(isStreamNotFound(new Error('stream-not-found'))).toBe(false);
  });
});

describe('KurrentDB mapping: events', () => {
  const stored = (event: ReturnType<typeof toKurrentEvent>, overrides: Partial<KurrentRecord> = {}): KurrentRecord => ({
    streamId: 'project-1',
    id: event.id,
    revision: 2n,
    type: event.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: JSON.parse(JSON.stringify(event.metadata)),
    created: new Date('2026-03-01T08:00:00.000Z'),
    position: position(9000n, 8950n),
    ...overrides,
  });

  it('writes JSON data as is, with occurredAt, and the schema version in metadata', () => {
    const event = newEvent('ProjectSubmitted', { title: '海洋装备' }, 3);

    const written = toKurrentEvent(event);

    expect(written).toMatchObject({
      id: event.eventId,
      type: 'ProjectSubmitted',
      contentType: 'application/json',
      data: event.data,
    });
    expect(written.metadata).toEqual({ ...event.metadata, schemaVersion: 3 });
  });

  it('refuses metadata that uses the reserved schemaVersion key', () => {
    const event = { ...newEvent(), metadata: { schemaVersion: 9 } };
    expect(() => toKurrentEvent(event)).toThrow(/reserved/);
  });

  it('reads a stored record back as the RecordedEvent that was written, with positions and recorded time', () => {
    const event = newEvent('ProjectSubmitted', { investmentYuan: 5_000_000 }, 2);

    const recorded = fromKurrentRecord(stored(toKurrentEvent(event)));

    expect(recorded).toEqual({
      ...event,
      streamId: 'project-1',
      streamPosition: 3,
      globalPosition: 9000,
      checkpoint: 'kurrentdb:9000:8950',
      recordedAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it('refuses records Luodi did not write: binary data or no schema version', () => {
    const written = toKurrentEvent(newEvent());
    expect(() => fromKurrentRecord(stored(written, { isJson: false, data: new Uint8Array([1]) }))).toThrow(
      /not written by Luodi/,
    );
    expect(() => fromKurrentRecord(stored(written, { metadata: { correlationId: 'c' } }))).toThrow(
      /not written by Luodi/,
    );
  });

  it('refuses a stream read without a usable $all position (servers before 22.6)', () => {
    const written = toKurrentEvent(newEvent());
    expect(() => fromKurrentRecord(stored(written, { position: undefined }))).toThrow(/22\.6/);
    expect(() => fromKurrentRecord(stored(written, { position: position(2n ** 64n - 1n) }))).toThrow(/22\.6/);
  });
});
