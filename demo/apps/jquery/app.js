// Classic script: these top-level declarations are globals shared with the inline script in index.html.
var todos = [
  { text: 'Water the plants', done: false },
  { text: 'Ship the portal', done: true },
];

/** Adds a to-do; an empty text gets a numbered placeholder so the button always does something. */
function addTodo(text) {
  text = $.trim(text || '');
  todos.push({ text: text || 'Task ' + (todos.length + 1), done: false });
  render();
}

function pluralize(count, word) {
  return count + ' ' + word + (count === 1 ? '' : 's');
}

/** Redraws the list and the counter from `todos`. */
function render() {
  var $list = $('#list').empty();
  $.each(todos, function (index, todo) {
    var $item = $('<li>').attr('data-index', index).toggleClass('jq-done', todo.done);
    var $label = $('<label>')
      .append($('<input type="checkbox">').prop('checked', todo.done))
      .append($('<span>').text(todo.text));
    var $remove = $('<button type="button" class="jq-remove" aria-label="Remove">').text('\u00d7');
    $list.append($item.append($label, $remove));
  });
  $('#count').text(pluralize(todos.length, 'item'));
}

/**
 * Shows who is signed in to the portal. Inside Portico the portal's shared
 * store is `window.__PORTICO__.store()` (no import from the host); standalone
 * there is no portal, and the app says so.
 */
function watchUser() {
  var $user = $('#user');
  var portico = window.__PORTICO__;
  if (!portico) {
    $user.text('Standalone: no portal sign-in');
    return;
  }
  try {
    portico.store().subscribe(
      'user',
      function (user) {
        $user.text(user ? 'Signed in as ' + user.name : 'Not signed in');
      },
      { immediate: true },
    );
  } catch (error) {
    $user.text('This portal shares no sign-in');
  }
}
