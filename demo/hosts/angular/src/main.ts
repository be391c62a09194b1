// Portico first: it defines <micro-app> before Angular creates one, so `[data]` sets the element's property.
import 'portico';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { Portal } from './app/portal';
import { AppScreen } from './app/app-screen';
import { Home } from './app/home';

bootstrapApplication(Portal, {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(
      [
        { path: '', component: Home },
        { path: 'profile', component: AppScreen, data: { which: 'profile' } },
        { path: 'inventory', component: AppScreen, data: { which: 'inventory' } },
        { path: 'broken', component: AppScreen, data: { which: 'broken' } },
      ],
      withComponentInputBinding(),
    ),
  ],
}).catch((error: unknown) => console.error(error));
