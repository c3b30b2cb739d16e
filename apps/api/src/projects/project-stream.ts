export const projectStreamId = (projectId: string): string => `project-${projectId}`;
