import '@/components/shared/theme.css';
import './style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '@/lib/i18n';
import { RegisterPages } from '@/components/campaigns/RegisterPages';

// The page is in the language its messages came in (public/_locales), for screen readers.
document.documentElement.lang = t('locale_code');
document.title = t('register_pageTitle');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RegisterPages />
  </StrictMode>,
);
