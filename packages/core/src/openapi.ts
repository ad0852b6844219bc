export { openapiDocument } from './generated/document.gen';
