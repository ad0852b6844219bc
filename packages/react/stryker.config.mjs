import { mutation } from '../../stryker.shared.mjs';

// 96.8 % measured (158 mutants; 76.6 % on its first run), and the refetch survivor since killed. What survives is
// equivalent: per_page 0 on a first page, the success guard after an abort (an aborted join rejects), refetch's
// n - 1 for n + 1 (any change refetches), and useCallback's dependency list.
export default mutation('react', { break: 95 });
