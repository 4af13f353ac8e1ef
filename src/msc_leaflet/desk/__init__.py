"""The clinic desk: a local web app over the library, for the staff who hand out leaflets.

`msc-leaflet serve` starts it. The package follows a request: `app` (routes and their
safety: ids, tokens, headers) → `shelf` (what the project holds: leaflets, titles in
every language, review dates, translation status) → `builds` (PDFs from the incremental
build, in a warm process pool) → `pack` (several leaflets and a cover in one PDF) →
`templates/` (HTML). `interface` translates the desk's own words through the ``ui``
catalogs; `messages` lists them. Nothing here is imported by the rest of the tool except
`messages`, which `i18n.extract` reads so `msc-leaflet i18n update` keeps the desk's words.
"""
