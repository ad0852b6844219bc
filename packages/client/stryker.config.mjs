import { mutation } from '../../stryker.shared.mjs';

export default mutation('client', { break: 90 });
