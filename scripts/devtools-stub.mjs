// Stand-in for react-devtools-core, which ink imports only in development.
export default { initialize() {}, connectToDevTools() {} };
export function initialize() {}
export function connectToDevTools() {}
