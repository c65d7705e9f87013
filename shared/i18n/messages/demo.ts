export const de = {
  'demo.refused':
    'Die Datenbank enthält schon Personen. Das Demo-Bündnis wird nur in eine leere Datenbank geschrieben, damit nichts vermischt wird. Nimm ein leeres Datenverzeichnis, z. B. DATA_DIR=./demo-data npm run demo.',
  'demo.done': 'Demo-Bündnis angelegt: {initiatives} Initiativen, {groups} Arbeitsgruppen, {people} Personen.',
  'demo.password': 'Alle melden sich mit dem Passwort „{password}“ an: {url}',
  'demo.col.name': 'Name',
  'demo.col.email': 'E-Mail',
  'demo.col.roles': 'Rollen',
  'demo.in_group': 'AG {group}',
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
}
