import { startModelLoad } from './app/modelService';
import { isWorkbenchPage } from './app/study/studyUrl';

// The model worker starts first, from this small entry chunk: its downloads, the runtime's compile and its
// sessions overlap the fetch, parse and first render of the app's own code, which comes next. The pages that show
// no model (the researcher's and the study data's) do not load it.
if (isWorkbenchPage()) startModelLoad();
void import('./app/boot');
