/**
 * The Temporal SDK's own log lines (worker, activity and workflow context loggers, and the Rust core's, forwarded)
 * through the project's pino logger, so they are JSON lines like every other and pass the same PII redaction (an
 * activity failure's message and stack trace, masked like any logged error). Installed once per process, before the
 * first connection: `installTemporalRuntimeLogging()` in a process's main.
 */
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import type { Logger as SdkLogger, LogLevel, LogMetadata } from '@temporalio/common';
import { createLogger, type Logger } from '@replique/activities/logger';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** An SDK logger writing to a pino logger; the metadata's keys (error, workflowId, …) become fields of the line. */
export function sdkLoggerOver(log: Logger): SdkLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const fields = Object.fromEntries(Object.entries(meta ?? {}).filter(([key]) => typeof key === 'string'));
    log[PINO_LEVEL[level]](fields, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/** Routes the SDK's and the core's log lines (core: warnings and above) to the pino logger `temporal-sdk`. */
export function installTemporalRuntimeLogging(): void {
  Runtime.install({
    logger: sdkLoggerOver(createLogger('temporal-sdk')),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN', other: 'ERROR' }), forward: {} } },
  });
}
