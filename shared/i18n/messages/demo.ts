export const de = {
  'demo.refused':
    'Die Datenbank enthält schon Personen. Das Demo-Bündnis wird nur in eine leere Datenbank geschrieben, damit nichts vermischt wird. Nimm ein leeres Datenverzeichnis, z. B. DATA_DIR=./demo-data npm run demo.',
  'demo.done': 'Demo-Bündnis angelegt: {initiatives} Initiativen, {groups} Arbeitsgruppen, {people} Personen.',
  'demo.password': 'Alle melden sich mit dem Passwort „{password}“ an: {url}',
  'demo.col.name': 'Name',
  'demo.col.email': 'E-Mail',
  'demo.col.roles': 'Rollen',
  'demo.in_group': 'AG {group}',
  'demo.positions': '{n} Positionen in allen Phasen:',
  'demo.col.status': 'Status',
  'demo.col.title': 'Titel',
  'demo.col.page': 'Seite',
  'demo.col.public': 'Öffentlich',
  'demo.start': 'Server starten mit „npm start“ (gleiche Umgebung: PORT, PUBLIC_URL, DATA_DIR), dann {url} öffnen.',
} as const

export const en: Record<keyof typeof de, string> = {
  'demo.refused':
    'The database already contains people. The demo alliance is only written into an empty database, so nothing gets mixed up. Use an empty data directory, e.g. DATA_DIR=./demo-data npm run demo.',
  'demo.done': 'Demo alliance created: {initiatives} initiatives, {groups} working groups, {people} people.',
  'demo.password': 'Everybody logs in with the password “{password}”: {url}',
  'demo.col.name': 'Name',
  'demo.col.email': 'Email',
  'demo.col.roles': 'Roles',
  'demo.in_group': 'working group {group}',
  'demo.positions': '{n} positions in every state:',
  'demo.col.status': 'Status',
  'demo.col.title': 'Title',
  'demo.col.page': 'Page',
  'demo.col.public': 'Public',
  'demo.start': 'Start the server with “npm start” (same environment: PORT, PUBLIC_URL, DATA_DIR), then open {url}.',
}
