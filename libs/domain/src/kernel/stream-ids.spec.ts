import {
  conferenceStream,
  cooperationStream,
  demandStream,
  enterpriseStream,
  matchmakingStream,
  parseStreamId,
  projectStream,
  STREAM_KINDS,
  streamIdOf,
} from './stream-ids';

const ID = '3f6c1a52-0d7e-4b8e-9a41-2c5d8e7f9b10';

describe('stream ids', () => {
  it('names each aggregate stream <kind>-<id>', () => {
    expect(projectStream(ID)).toBe(`project-${ID}`);
    expect(enterpriseStream(ID)).toBe(`enterprise-${ID}`);
    expect(conferenceStream(ID)).toBe(`conference-${ID}`);
    expect(demandStream(ID)).toBe(`demand-${ID}`);
    expect(matchmakingStream(ID)).toBe(`matchmaking-${ID}`);
    expect(cooperationStream(ID)).toBe(`cooperation-${ID}`);
    expect(streamIdOf('project', ID)).toBe(projectStream(ID));
  });

  it('reads back what it builds, for every kind', () => {
    for (const kind of STREAM_KINDS) expect(parseStreamId(streamIdOf(kind, ID))).toEqual({ kind, id: ID });
  });

  it('keeps everything after the first dash as the id', () => {
    expect(parseStreamId('project-run-1-2')).toEqual({ kind: 'project', id: 'run-1-2' });
  });

  it('is null for streams that are not an aggregate of ours', () => {
    for (const other of [
      'project',
      'project-',
      'projects-1',
      '$ce-project',
      '$$project-1',
      'test-1',
      'Project-1',
      ' project-1',
    ]) {
      expect(parseStreamId(other)).toBeNull();
    }
  });
});
