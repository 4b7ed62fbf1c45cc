// jsdom has no TextEncoder; browsers (and core, which needs it) do.
const { TextEncoder, TextDecoder } = require('node:util');
globalThis.TextEncoder ??= TextEncoder;
globalThis.TextDecoder ??= TextDecoder;

// SharePoint registers Fluent UI's icon font on its pages; jsdom has none, and Fluent warns once
// per missing icon (chevrondown, info…). The warnings say nothing about the code under test.
require('@fluentui/react/lib/Styling').setIconOptions({ disableWarnings: true });
