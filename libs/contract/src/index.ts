export * from './problem-codes';
