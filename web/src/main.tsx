// first: configures zod for the CSP before any schema is used
import './csp';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AccessProvider } from './access';
import { router } from './router';

dayjs.locale('zh-cn');

/** Operators who ask their system for less motion get no antd animations (the browser tests ask too). */
const motion = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    {/* autoInsertSpace off: button names stay exactly the manual's words (登录, not 登 录). */}
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { motion } }}>
      <AntApp>
        <AccessProvider>
          <RouterProvider router={router} />
        </AccessProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
