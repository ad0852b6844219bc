// `@realtimekit-meetings/mock/openapi`: the effective OpenAPI document (upstream plus spec/overlays), which Prism
// serves from, for whoever checks against the spec itself. Here and not in core, whose install every client pays.
export { openapiDocument } from './generated/document.gen';
