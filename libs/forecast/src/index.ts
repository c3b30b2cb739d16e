export * from './normal-quantile';
export * from './wilson';
export * from './cumulative-incidence';
export * from './poisson-binomial';
export * from './landing-forecast';
export * from './scorecard';
export * from './backtest';
