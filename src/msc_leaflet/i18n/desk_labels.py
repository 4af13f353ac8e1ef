"""The desk's own words, in the gettext ``ui`` domain next to the layout's.

Each entry is ``key: English source``; the key becomes the ``msgctxt`` (all start with
``desk.`` so they never collide with `labels.UI_MESSAGES`). Placeholders use
``str.format`` names and must survive translation. Plain data kept in `i18n`, not in
`desk`, so extracting the ui template never imports the web app.
"""

from __future__ import annotations

DESK_MESSAGES: dict[str, str] = {
    "desk.name": "Leaflet desk",
    "desk.skip": "Skip to main content",
    "desk.nav": "Main menu",
    "desk.library": "Library",
    "desk.pack": "Patient pack",
    "desk.status": "Status",
    "desk.interface-language": "Interface language",
    "desk.change": "Change",
    "desk.filter": "Find leaflets",
    "desk.search": "Search titles",
    "desk.language": "Language",
    "desk.any-language": "Any language",
    "desk.topic": "Topic",
    "desk.any-topic": "Any topic",
    "desk.no-topic": "No leaflet has this topic any more, so every topic is shown.",
    "desk.no-language": "No leaflet is ready to print in {language} yet. Choose another "
    "language; Status shows how far each translation is.",
    "desk.show": "Show",
    "desk.found": "{count} leaflet(s)",
    "desk.none-found": "No leaflet matches. Clear the search or choose another language.",
    "desk.version": "Version {version}",
    "desk.review": "Review by {date}",
    "desk.overdue": "Review overdue since {date}",
    "desk.printable-in": "Printable in",
    "desk.not-printable": "Not yet printable in {language}: shown in {source}.",
    # A page picture's alt text: the leaflet's title is not in it, since an alt text
    # cannot tag a title in another language as such (the heading above gives it).
    "desk.page-image": "Page {page}",
    # A booklet's page picture is one side of a sheet: two pages, in the order they are
    # printed (`imposition.sheet_order`), the fold between them.
    "desk.sheet-front": "Sheet {sheet}, front: pages {left} and {right}",
    "desk.sheet-back": "Sheet {sheet}, back: pages {left} and {right}",
    "desk.booklet-untagged": "Booklet sheets are for printing: screen readers cannot read "
    "them. For a reader who uses one, give the A4 or A5 PDF.",
    # Heads the build's own warnings, shown in English as the command line prints them.
    "desk.build-warnings": "The build of this PDF warned of the following:",
    "desk.open": "Open",
    "desk.choices": "Print choices",
    "desk.edition": "Edition",
    "desk.edition.single": "One language",
    "desk.edition.parallel": "Side by side with the source language",
    "desk.edition.sequential": "One language, then the source language",
    "desk.paper": "Paper",
    "desk.paper.a4": "A4",
    "desk.paper.a5": "A5",
    "desk.paper.booklet": "Booklet (A5 pages on A4 sheets)",
    "desk.colour": "Colour",
    "desk.colour.rgb": "Screen and office printer",
    "desk.colour.cmyk": "Print shop (CMYK)",
    "desk.not-offered": "“{value}” is not offered here: choose one of these.",
    "desk.update": "Update preview",
    "desk.open-pdf": "Open PDF",
    "desk.open-pdf-hint": "Opens in the browser's viewer; print from there.",
    "desk.pages": "Pages",
    "desk.checks": "Content checks",
    "desk.severity.error": "Error",
    "desk.severity.warning": "Warning",
    "desk.severity.info": "Note",
    "desk.no-findings": "No problems found.",
    "desk.translation": "Translation",
    "desk.ready": "ready",
    "desk.not-ready": "not ready",
    "desk.not-ready-in": "Not yet ready to print in {language}: no PDF to give out.",
    "desk.translated": "{percent}% translated",
    # A translation's sign-offs (`msc-leaflet i18n review`); role is a desk.role.* word.
    "desk.signoff": "Sign-off",
    "desk.signed-off": "Signed off by {by} ({role}) on {date}",
    "desk.signoff-changed": "Changed since {by} ({role}) signed it off on {date}",
    "desk.not-signed-off": "Not signed off yet",
    "desk.role.reviewer": "second linguist",
    "desk.role.back-translation": "back-translation check",
    "desk.role.clinical": "clinician",
    "desk.unavailable": "This edition does not exist in the leaflet's own language.",
    "desk.build-failed": "This leaflet could not be built. "
    "Ask the editor to run msc-leaflet build.",
    "desk.pack-intro": "Choose the leaflets to give, and the language. You get one PDF with a "
    "cover page listing them.",
    "desk.pack-leaflets": "Leaflets",
    # languages: those the leaflets are written in ("Thai"; "Thai or English"): each
    # leaflet's original is added, which is English only in a project written in English.
    "desk.pack-with-source": "Add the original ({languages}) after each leaflet",
    "desk.pack-make": "Make patient pack",
    "desk.pack-cover": "Information to take home",
    "desk.pack-for": "Given by {clinic}",
    "desk.pack-date": "Date: {date}",
    "desk.pack-contents": "In this pack",
    "desk.pack-choose": "Choose at least one leaflet.",
    "desk.status-translations": "Translations",
    "desk.status-checks": "Check results",
    "desk.status-proofs": "Proofs",
    "desk.leaflet": "Leaflet",
    "desk.locale": "Language",
    "desk.done": "Done",
    "desk.state": "State",
    "desk.errors": "{errors} error(s), {warnings} warning(s)",
    "desk.proof": "Proof",
    "desk.interface": "User interface words",
    "desk.error": "Something is not right",
    "desk.no-page": "There is no such page: check the address.",
    "desk.back": "Back to the library",
    # Refusals the desk words itself (a build's or a check's own message stays in
    # English, after desk.build-failed, desk.bad-address or desk.source-error).
    "desk.not-ready-title": "“{title}” is not ready to print in {language}: no PDF to give out.",
    "desk.pack-not-ready": "“{title}” is not ready to print in {language}. Take it out of the "
    "pack, or make the pack in a language it is ready in.",
    "desk.pack-too-many": "A pack holds at most {count} leaflets. Take some out.",
    "desk.pack-cover-english": "The cover of a pack in {language} would print in English. "
    "Translate {entries} in {catalog}, or make the pack in another language.",
    "desk.no-leaflet": "There is no leaflet “{id}”: it may have been renamed or withdrawn.",
    "desk.no-language-here": "This project has no language “{code}”.",
    # field: a desk word ("Paper"), value what the link asked for ("letter").
    "desk.not-offered-in": "{field}: “{value}” is not offered. Choose on the leaflet's page.",
    # A link giving a choice twice (``lang=th&lang=en``); a search or a topic twice on
    # the library (``q=cells&q=MSC``) is said in words of its own.
    "desk.given-twice": "{field}: more than one was given ({value}). Choose one.",
    # The same, said at the field on a leaflet's page (its name is beside it).
    "desk.given-twice-here": "More than one was given ({value}): choose one of these.",
    "desk.search-twice": "More than one search was given ({value}). Search for one at a time.",
    "desk.topic-twice": "More than one topic was given ({value}). Choose one topic.",
    # The answer to a request without the desk's token (HTTP 401): the browser then
    # asks for it as a password.
    "desk.needs-token": "This desk asks for its password. Ask whoever runs the desk for it.",
    "desk.bad-address": "The desk does not know this address: check it, or start again "
    "from the library.",
    "desk.source-error": "A file of the project cannot be read. Ask the editor to correct it:",
    "desk.build-process-died": "A build process stopped unexpectedly (the computer may be "
    "short of memory): try again in a minute, or restart the desk.",
    # file: the PDF's name in the build folder.
    "desk.build-replaced": "Another build replaced {file} each time the desk made it: try "
    "again once the other build (msc-leaflet build, in a terminal?) has finished.",
    # The sign-off page (`/leaflets/<id>/signoff`): what changed since the approval, in
    # the words `msc-leaflet i18n review` prints (`signoff.change_in_words`).
    "desk.changes-since": "Changed since the last approval ({count})",
    "desk.changes-pages": "Pages of the changes",
    # Labels of a change's texts: as approved, and as they are now.
    "desk.was": "was",
    "desk.now": "now",
    # Ends the page: the desk signs nothing off; this command does.
    "desk.signoff-how": "sign off:",
    # language: named as the reader names it ("Thai").
    "desk.change.source": "the {language} text changed",
    "desk.change.translation": "the {language} translation changed",
    # The same words, their fuzzy mark removed (the translator checked them) or added.
    "desk.change.confirmed": "the {language} translation confirmed (it was marked fuzzy)",
    "desk.change.marked-fuzzy": "the {language} translation marked fuzzy (to be checked again)",
    # An item printed as its source writes it (a phone number, a DOI): no translation.
    "desk.change.item": "changed",
    "desk.change.new": "new entry",
    "desk.change.removed": "removed",
    "desk.change.refused": "refused by the build's checks",
    # place: where the text stood at the approval (paragraph/3; several, comma-separated,
    # for a split or merge), kept as it is.
    "desk.change.moved": "moved from {place}",
    "desk.change.split": "split from {place}",
    "desk.change.merged": "merged from {place}",
    "desk.change.rewritten": "rewritten from {place}",
    "desk.change.renumbered": "renumbered only (the same words in the same order)",
    "desk.change.renumbered-many": "{count} texts renumbered only (the same words in the "
    "same order)",
    # change: one of the desk.change.* sentences above, followed by a note.
    "desk.change.small": "{change} (only spaces or punctuation)",
    "desk.change.was-at": "{change} (was {place})",
    # An approval made before these were covered: one line stands for all of them.
    "desk.change.page-items": "page words, numbers, contacts, references and pictures",
    "desk.change.uncovered": "not covered by a sign-off made before they were",
    # In place of an edit's approved text, where the approval kept none: `i18n review`
    # prints this English (signoff_changes.NOT_RECORDED), the desk its translation.
    "desk.change.not-recorded": "not recorded (the approval was made before its texts were kept)",
}
