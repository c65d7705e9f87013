/**
 * The copy-and-paste code for the alliance's own website: it fetches the public list and shows it
 * as links. Plain ES5 and DOM calls (no innerHTML), so it runs in old CMS themes and cannot turn
 * a title into markup.
 */
export function embedSnippet(publicUrl: string, labels: { withdrawn: string; all: string; by?: string; website?: string }): string {
  const api = JSON.stringify(`${publicUrl}/api/public/positions`)
  const withdrawn = JSON.stringify(` (${labels.withdrawn})`)
  // Who says it, named under the list (the alliance's profile), linked to its website if it has one.
  const by = labels.by ? `\n  <p>${labels.website ? `<a href="${escapeHtml(labels.website)}">${escapeHtml(labels.by)}</a>` : escapeHtml(labels.by)}</p>` : ''
  return `<div id="sprachrohr-positionen">
  <a href="${publicUrl}/p">${escapeHtml(labels.all)}</a>${by}
</div>
<script>
(function () {
  var box = document.getElementById('sprachrohr-positionen');
  fetch(${api})
    .then(function (response) { return response.json(); })
    .then(function (positions) {
      var list = document.createElement('ul');
      positions.forEach(function (position) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = position.url;
        link.textContent = position.title;
        item.appendChild(link);
        if (position.status === 'withdrawn') item.appendChild(document.createTextNode(${withdrawn}));
        list.appendChild(item);
      });
      box.appendChild(list);
    });
})();
</script>`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
