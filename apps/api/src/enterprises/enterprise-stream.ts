export const enterpriseStreamId = (enterpriseId: string): string => `enterprise-${enterpriseId}`;
