// A lit 3 app as lit's docs write one: a custom element with reactive
// properties, scoped styles and event bindings, plus a plain lit-html
// render() into the page. Preparing a template walks it with
// document.createTreeWalker(document, 129), so this needs the app's document
// to be accepted where the browser takes a Node.
import { LitElement, css, html, render } from 'lit';

class TaskList extends LitElement {
  static properties = { heading: {}, tasks: { state: true }, draft: { state: true } };

  static styles = css`
    :host { display: block; border: 1px solid #ccc; padding: 8px; }
    li.done { text-decoration: line-through; }
  `;

  constructor() {
    super();
    this.heading = '';
    this.tasks = [{ text: 'Write the spec', done: false }];
    this.draft = '';
  }

  #add() {
    if (!this.draft) return;
    this.tasks = [...this.tasks, { text: this.draft, done: false }];
    this.draft = '';
  }

  #toggle(index) {
    this.tasks = this.tasks.map((task, i) => (i === index ? { ...task, done: !task.done } : task));
  }

  render() {
    return html`
      <h2>${this.heading}</h2>
      <ul>
        ${this.tasks.map((task, i) => html`<li class=${task.done ? 'done' : ''} @click=${() => this.#toggle(i)}>${task.text}</li>`)}
      </ul>
      <input id="draft" .value=${this.draft} @input=${(e) => (this.draft = e.target.value)} />
      <button id="add" @click=${this.#add}>Add</button>
      <p id="count">${this.tasks.filter((t) => !t.done).length} open</p>
    `;
  }
}
customElements.define('task-list', TaskList);

render(html`lit-html rendered <b>${'directly'}</b>`, document.getElementById('plain'));
