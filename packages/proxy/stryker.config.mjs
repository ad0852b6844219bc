import { mutation } from '../../stryker.shared.mjs';

export default mutation('proxy', { break: 90 });
