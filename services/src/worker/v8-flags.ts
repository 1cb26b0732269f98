/**
 * V8 settings of the worker process, set before any activity compiles a regular expression (import this first).
 *
 * `--no-regexp-tier-up`: a regular expression is compiled to native code at its first run, not first to bytecode and
 * again to native code at its second. V8 drops a regexp's code when it has not run between full garbage collections
 * and compiles it again later; the triage's large Unicode patterns (pii-names, keywords, out-of-office) then paid two
 * compiles each time. Measured on the triage stages with two full GCs every 20 emails: 14.5 → 12.7 ms of CPU per
 * email, medians of 5 passes (test/bench/regexp-gc.ts; docs/benchmarks/README.md, 2026-12-07 10:40–12:00).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
