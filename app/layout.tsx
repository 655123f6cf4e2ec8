import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/layout/providers';
import type { Theme } from '@/components/layout/theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafka Console', template: '%s · Kafka Console' },
  description: 'Brokers, topics, consumer lag and throughput of your Kafka clusters',
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
    apple: '/icon-180.png',
  },
  manifest: '/manifest.webmanifest',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const saved = (await cookies()).get('theme')?.value;
  const theme: Theme = saved === 'dark' || saved === 'light' ? saved : 'system';
  return (
    <html lang="en" className={theme === 'system' ? undefined : theme} data-theme={theme}>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
