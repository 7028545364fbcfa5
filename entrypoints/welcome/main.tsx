import { runPage } from '@/utils/run-page';
import { startWelcomePage } from './app';
import '@/components/card.css';
import '@/components/controls.css';
import '@/components/language-picker.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  await startWelcomePage(root);
}

void runPage(main);
