// @ts-check
/**
 * packages/client/src/generated/resource-clients.gen.ts: one function per resource, `createMeetingsClient(options)`,
 * that makes that resource alone (`rtk.meetings` without the rest of the client). A bundle that imports one of them
 * carries that resource's methods and the request pipeline, not the other resources or core's table of every
 * operation (request() by operationId is on createRealtimeKitClient's client only).
 */
import { Imports } from './imports.mjs';
import { pascal } from './surface.mjs';
import { jsdoc, TS_HEADER } from './text.mjs';

/** `meetings` -> `createMeetingsClient`, the function that makes a resource alone. */
export const resourceClientFunction = (/** @type {string} */ resource) => `create${pascal(resource)}Client`;

/**
 * @param {string[]} resources the client's resources, in the order of `RealtimeKitResources`
 * @param {(resource: string) => string} resourceClass @param {(resource: string) => string} resourceFile
 */
export function resourceClientsModule(resources, resourceClass, resourceFile) {
  const imports = new Imports();
  const connect = imports.value('../create-client', 'createApiClient');
  const options = imports.type('../options', 'RealtimeKitClientOptions');
  const functions = resources.map((resource) => {
    const cls = imports.value(`./${resourceFile(resource).replace(/\.ts$/, '')}`, resourceClass(resource));
    const doc = jsdoc([
      `\`rtk.${resource}\` alone: the same options, checks, methods and errors as \`createRealtimeKitClient(options).${resource}\`, and a bundle that imports only this carries no other resource.`,
    ]);
    return `${doc}export function ${resourceClientFunction(resource)}(options?: ${options}): ${cls} {
  return new ${cls}(${connect}(options));
}`;
  });
  return `${TS_HEADER}
${imports}

${functions.join('\n\n')}
`;
}
