import { Decider } from '../kernel/decider';
import { ProjectCommand } from './project.commands';
import { decideProject } from './project.decide';
import { ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { initialProjectState, ProjectState } from './project.state';

/**
 * The project aggregate, bound from its parts: project.state.ts (what the events leave),
 * project.decide.ts (the rules), project.input.ts (the commands' own input),
 * project.evolve.ts (folding events), project.access.ts (which departments may act).
 */
export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
