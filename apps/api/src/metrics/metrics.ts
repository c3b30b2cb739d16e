import { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

collectDefaultMetrics();

const httpDuration = new Histogram({
  name: 'luodi_http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Times every request; labels use the route pattern (not the raw URL) to keep cardinality low. */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const route = (req.route?.path as string | undefined) ?? (res.statusCode === 404 ? 'unmatched' : req.path);
    end({ method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) });
  });
  next();
}

export async function metricsEndpoint(_req: Request, res: Response): Promise<void> {
  res.type(register.contentType).send(await register.metrics());
}
