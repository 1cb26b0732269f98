/**
 * Jest's node environment, plus: the log lines a test writes (through activities/src/logger) are kept, and printed
 * to stderr only when that test (or a hook before it) fails, under the test's name. A passing run stays quiet; a
 * failure still comes with every line that led to it. REPLIQUE_TEST_LOGS=live prints them as they come instead.
 * test/support/buffer-logs.ts (a setup file) sends the logger's lines into `__repliqueLogLines`.
 */
const { TestEnvironment } = require('jest-environment-node');

class LogBufferEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.lines = [];
    if (process.env.REPLIQUE_TEST_LOGS !== 'live') this.global.__repliqueLogLines = this.lines;
  }

  flush(title) {
    if (this.lines.length > 0) {
      process.stderr.write(`\n----- log lines of ${title} (${this.lines.length}) -----\n${this.lines.join('')}----- end -----\n`);
    }
    this.lines.length = 0;
  }

  async handleTestEvent(event) {
    // Lines written by beforeAll/beforeEach stay with the next test; a test's own go with it.
    if (event.name === 'test_done') {
      if (event.test.errors.length > 0) this.flush(`the failed test "${fullName(event.test)}"`);
      else this.lines.length = 0;
    } else if (event.name === 'hook_failure') {
      this.flush(`the failed ${event.hook.type} hook`);
    } else if (event.name === 'run_finish') {
      this.lines.length = 0; // afterAll lines of a passing file
    }
  }
}

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}

module.exports = LogBufferEnvironment;
