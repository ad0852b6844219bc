#!/usr/bin/env node
// A committed launcher, so that installing the package creates its bin before anything is built.
import('../dist/cli/contract.mjs');
