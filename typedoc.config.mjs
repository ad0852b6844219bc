// @ts-check
import { OptionDefaults } from 'typedoc';

/** API reference for the public packages (`pnpm docs`); CI builds it with warnings as errors. */
/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  name: 'RealtimeKit Meetings SDK',
  entryPointStrategy: 'packages',
  entryPoints: [
    'packages/core',
    'packages/client',
    'packages/contract',
    'packages/mock',
    'packages/proxy',
    'packages/react',
  ],
  packageOptions: {
    entryPoints: ['src/index.ts'],
    readme: 'README.md',
    excludePrivate: true,
    // the generated types carry the spec's descriptions as @description
    blockTags: [...OptionDefaults.blockTags, '@description'],
    // no published repository to link sources to yet
    disableSources: true,
  },
  readme: 'README.md',
  projectDocuments: ['docs/guides/*.md'],
  out: 'docs/api',
  treatWarningsAsErrors: true,
  // the React guide hands the token to Cloudflare's UI kit in JSX
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'jsx'],
  disableSources: true,
};

export default config;
