import { configure } from '@testing-library/react';

// The hooks talk to a real proxy and mock while every other suite runs on the same two cores: waitFor may wait
// that long for a condition that is always met in the end (it still fails the moment it cannot be).
configure({ asyncUtilTimeout: 10_000 });
