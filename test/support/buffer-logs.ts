/**
 * Setup file of every jest project: the logger writes into the test environment's buffer
 * (test/support/log-buffer-environment.js), which prints a test's lines only if that test fails.
 */
import { setLogDestination } from '../../activities/src/logger';

const lines = (globalThis as { __repliqueLogLines?: string[] }).__repliqueLogLines;
if (lines) setLogDestination({ write: (line: string) => void lines.push(line) });
