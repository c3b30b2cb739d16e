import { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

collectDefaultMetrics();

const httpDuration = new Histogram({
  name: 'luodi_http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/**
 * Times every request, labelled by route template (`/api/projects/:id`), never by the raw URL:
 * each label value is a series kept forever, so anyone could grow memory and /metrics by
 * requesting unique paths. Requests no route took share one label: static files `static`,
 * refusals before routing (404, a body-parser error) `unmatched`.
 */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const path: unknown = req.route?.path;
    const route = path !== undefined ? `${req.baseUrl}${String(path)}` : res.statusCode < 400 ? 'static' : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}

export async function metricsEndpoint(_req: Request, res: Response): Promise<void> {
  res.type(register.contentType).send(await register.metrics());
}
