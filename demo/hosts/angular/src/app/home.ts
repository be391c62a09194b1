import { Component } from '@angular/core';

@Component({ selector: 'portal-home', template: '<p id="home">Pick an app above.</p>' })
export class Home {}
