// Styles are webpack's business; Jest only needs the import to resolve.
module.exports = {};
