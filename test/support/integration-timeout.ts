// Every integration suite starts real processes; under the full suite's load on a 2-core machine a hook
// that starts an engine can take longer than jest's 5 s default (CI timed one out at 5 s). Run before each
// integration suite (jest.config.js setupFilesAfterEnv); a suite that sets more keeps its own. Set here,
// not as the project's testTimeout: jest-circus reads only the global testTimeout option.
jest.setTimeout(60_000);
