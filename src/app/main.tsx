// Composition root: builds the services and imports every contribution. (Being built.)
import { render } from 'solid-js/web';
import { createBook } from '../core/doc/book-doc';

const book = createBook();
book.ensureSchema();
render(() => <p>Clientela</p>, document.getElementById('root')!);
