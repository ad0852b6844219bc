import { mutation } from '../../stryker.shared.mjs';

export default mutation('react', { break: 90 });
