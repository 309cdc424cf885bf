import { loadConfig } from '../src/config.js';
import { parseCorpus } from '../src/corpus/clause-parser.js';
import { loadCorpus } from '../src/corpus/document-manifest.js';
import { silentLogger } from '../src/logger.js';
import { openRetriever } from '../src/search/open-retriever.js';

// What the CLI does before answering: load the corpus, parse it, open the persisted index, search once.
const config = loadConfig();
const documents = loadCorpus(config.CORPUS_DIR);
const clauses = parseCorpus(documents);
const retriever = await openRetriever({ config, logger: silentLogger, documents, clauses });
await retriever.search('How quickly must an officer reply to a councillor email?', 5);
