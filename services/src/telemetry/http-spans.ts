/**
 * A server span per HTTP request (intake, review), continuing the caller's W3C trace context when it sends one. The
 * request's handlers run in the span's context, so a Temporal update or a Kafka message it sends carries it on.
 * Attributes: method, route pattern (never the path: it holds keys and link tokens), status.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

export function httpSpans(tracer: Tracer): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(`${req.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route: unknown = req.route?.path;
      if (typeof route === 'string') {
        span.updateName(`${req.method} ${req.baseUrl}${route}`);
        span.setAttribute('http.route', `${req.baseUrl}${route}`);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    const active = trace.setSpan(parent, span);
    // Body parsers call on from the request's events: bind them, or the context is lost there.
    context.bind(active, req);
    context.bind(active, res);
    context.with(active, next);
  };
}
