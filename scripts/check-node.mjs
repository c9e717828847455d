// Fails early with a clear message on an unsupported Node; npm runs this before installing.
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Apparatus needs Node.js 20 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}
