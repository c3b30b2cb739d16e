export const conferenceStreamId = (conferenceId: string): string => `conference-${conferenceId}`;
