import { mutation } from '../../stryker.shared.mjs';

// 76.6 % measured (158 mutants; use-join-token.ts is the weakest, 48.6 %); the goal is 90
export default mutation('react', { break: 76 });
