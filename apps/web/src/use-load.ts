import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, Problem } from './api';

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a view and reloads it when `deps` change. A response that arrives after a newer
 * request was started is dropped, so quick filter changes never show stale results.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setProblem(error instanceof ApiError ? error.problem : { status: 0, detail: String(error) });
        setLoading(false);
      },
    );
    // `load` is recreated on every render; `deps` name what it really depends on.
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, problem, loading, reload };
}
