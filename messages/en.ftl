# Suluh's messages to editors, in English. Every message here is also in id.ftl, with the same `$values`
# (a test checks both). Plain words: "a list", "text", "`key: value` lines"; never a parser's terms.
# A message says what is wrong; its hint (hint-…) says what to write or do.

## Shared pieces

totals = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
help = help: { $hint }
in-path = { $what } in `{ $path }`
hint-did-you-mean = did you mean `{ $suggestion }`?

## YAML (site.yaml, front matter, data/, i18n/)

unknown-key = unknown key `{ $key }`
hint-remove-key = remove this line
hint-allowed-keys = the keys allowed here: { $keys }
missing-key = the required key `{ $key }` is missing
hint-add-key = add a line `{ $key }: …`
wrong-type = `{ $key }` is { $found } here
wrong-type-here = this value is { $found }
kind-text = text
kind-list = a list
kind-lines = `key: value` lines
kind-whole-number = a whole number
kind-number = a number
kind-yes-no = yes/no (`true` or `false`)
kind-empty = empty
kind-other = another kind of value
hint-write-text-quoted = write it as plain text, in quotes if it starts with `{ $bracket }`
hint-write-text = write it as plain text
hint-write-list = write it as a list: one line per item, each starting with `- `
hint-write-lines = write it as `key: value` lines, indented under this key
hint-write-whole-number = write it as a whole number, e.g. `3`
hint-write-number = write it as a number, e.g. `1.5`
hint-write-yes-no = write `true` (yes) or `false` (no)
hint-write-other = check what this key takes in the documentation
unknown-value = unknown value `{ $value }`
hint-use-one-of = use one of: { $values }
bad-date = `{ $value }` is not a valid date
hint-bad-date = write dates as YYYY-MM-DD, e.g. 2026-11-01
bad-event-time = `{ $value }` is not a valid event date or time
hint-bad-event-time = write `2031-03-14`, `2031-03-14T09:00` (site time zone) or `2031-03-14T09:00:00+07:00`
negative-amount = `{ $value }` is a negative amount
hint-negative-amount = write the fee as a whole number of rupiah, e.g. 350000
not-whole-amount = `{ $value }` is not a whole amount
hint-not-whole-amount = write the fee as a whole number without separators, e.g. 350000
tariff-and-amount = the fee names tariff `{ $tariff }` and also an item or amount
hint-tariff-and-amount = keep `tariff: { $tariff }` (its item and amount come from data/tariffs.yaml) and remove `item`, `amount` and `currency`
yaml-syntax = the YAML cannot be read here: { $problem }
yaml-syntax-tab = a tab is used for indenting
yaml-syntax-colon = a `: ` appears inside a value
yaml-syntax-indent = a line is indented differently from the lines around it
yaml-syntax-quote = a quote is opened and not closed
yaml-syntax-bracket = a `[` or `{"{"}` is opened and not closed
yaml-syntax-alias = a `*` or `&` starts a value
yaml-syntax-other = the lines are not `key: value` lines or a list
hint-yaml-syntax = check the indentation (spaces, not tabs), and put text containing `: `, `#` or starting with a quote, `*`, `&`, `[` or `{"{"}` in quotes
yaml-too-deep = lists and `key: value` lines are nested too deeply
hint-yaml-too-deep = nest lists and `key: value` lines less deeply
yaml-too-many-aliases = repeated values (`*name`) expand to too many values
hint-yaml-too-many-aliases = write the values out instead of repeating anchors (`*name`) inside each other
yaml-other = the YAML here cannot be used: { $problem }
hint-yaml-other = check the YAML at this place against the documentation of its key

## Files and folders

io-not-found = it does not exist
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is a file, not a folder
io-other = { $error }

## site.yaml

site-yaml-is-folder = `site.yaml` is a folder, not a file
hint-site-yaml-is-folder = remove the folder and write the site configuration into a file named site.yaml
no-site-yaml = no `site.yaml` in { $folder }
hint-no-site-yaml = run Suluh in a site folder, pass --root DIR, or create a site with `suluh init DIR`
bad-base-url = `base_url` is not a web address starting with http:// or https://: `{ $url }`
hint-bad-base-url = write the address the site will be published at, e.g. `https://imigrasi-lampung.example`
bad-language-code = `{ $code }` is not a language code
hint-bad-language-code = use a lowercase ISO 639 code such as `id`, `en` or `ar`
unknown-default-language = unknown language code `{ $code }` in `default_language`
hint-add-default-language = add `{ $code }` under `languages`, or use one of: { $codes }
unknown-time-zone = unknown time zone `{ $zone }`
hint-unknown-time-zone = use an IANA time zone name such as `Asia/Jakarta`, `Asia/Makassar` or `Asia/Jayapura`
bad-theme-name = `{ $theme }` is not a theme folder name
hint-bad-theme-name = write the name of a folder under `themes/`, e.g. `default`

## Building

cannot-replace-output = cannot replace the output folder { $folder }: { $reason }
hint-cannot-replace-output = check that no other program holds the folder open and that it is writable
cannot-create-staging = cannot create a working folder beside { $folder }: { $reason }
hint-cannot-create-staging = check that the output's parent folder exists and is writable

## Content files

no-content-folder = no `content/` folder in { $folder }
hint-no-content-folder = run Suluh in a site folder (with site.yaml and content/), or pass --root DIR
cannot-read = cannot read `{ $path }`: { $reason }
hint-cannot-read = check that it is a file you may read
file-too-large = the file is too large: { $size } MiB, the limit is { $limit } MiB
hint-file-too-large = split it into several smaller pages (a guide this long is hard to read on a phone)
not-utf8 = the file is not valid UTF-8 text
hint-not-utf8 = save the file with UTF-8 encoding (most editors offer it under "Save as")
bad-folder-name = the folder name in `{ $path }` cannot be used in a web address
hint-bad-folder-name = rename the folder using letters, digits and `-`
bad-file-name = the file name `{ $file }` cannot be used in a web address
hint-bad-file-name = rename the file using letters, digits and `-`
unknown-language-suffix = unknown language code `{ $code }` in the file name
hint-language-suffix-near = did you mean `.{ $suggestion }.md`? Otherwise add `{ $code }` under `languages` in site.yaml
hint-language-suffix = add `{ $code }` under `languages` in site.yaml, or rename the file (site languages: { $codes })
hint-site-languages = the site's languages: { $codes }
too-deep = elements nested more than { $levels } levels deep
hint-too-deep = close the HTML elements (or lists and quotes) opened above, or nest them less deeply
paginate-by-zero = `paginate_by` must be at least 1
hint-paginate-by-zero = remove `paginate_by` to list every page on one page
empty-file = the file is empty
no-front-matter = the file does not start with front matter
hint-no-front-matter = start the file with a `---` line, then `title: …`, then another `---` line
front-matter-not-closed = the front matter is not closed
hint-front-matter-not-closed = add a line with only `---` after the last front-matter line
bad-slug = `slug` cannot be used in a web address: `{ $slug }`
hint-bad-slug = write a single word or words joined by `-`, without `/`, `..` or spaces at the ends
empty-tag = the tag `{ $tag }` has no letters or digits and is left out
hint-empty-tag = use a word as a tag
unsafe-link = the unsafe link `{ $link }` was removed
hint-unsafe-link = links may use http, https, mailto or tel, or point to another page

## Links

link-escape = the link `{ $link }` points outside the content folder
hint-link-escape = link to a Markdown file inside content/, relative to this file
link-to-draft = link to a draft page: `{ $link }`
hint-link-to-draft = publish that page (remove `draft: true`), build with --drafts, or remove the link
broken-link = broken link: `{ $link }`
hint-broken-link-near = there is no file `{ $path }`; did you mean `{ $suggestion }`?
hint-broken-link = there is no file `{ $path }`; check the path, relative to this file
broken-anchor = broken link to a heading: `#{ $anchor }` is not a heading in `{ $link }`
hint-no-headings = the target page has no headings; remove the `#…` part
hint-headings-there = the headings there: { $headings }

## Tariffs (data/tariffs.yaml)

unknown-tariff = unknown tariff `{ $tariff }`
hint-add-tariff = add `{ $tariff }:` with its item, amount and legal basis to { $file }
hint-unknown-tariff = use an id from { $file } (e.g. `{ $example }`), or add `{ $tariff }` there
expired-tariff = the tariff `{ $tariff }` is no longer charged: it ended on { $until }
hint-expired-tariff = quote the tariff that replaced it, or update `{ $tariff }` in { $file }
unknown-language-in-tariff = unknown language code `{ $code }` in the item of tariff `{ $tariff }`
tariff-ends-before-start = the tariff `{ $tariff }` ends ({ $until }) before it starts ({ $from })
hint-tariff-ends-before-start = check the dates: `valid_until` is the last day the tariff is charged
empty-legal-basis = the tariff `{ $tariff }` has an empty legal basis
hint-empty-legal-basis = name the regulation that sets the fee, e.g. `PP 45/2024`

## check: writing for readers

image-without-alt = image without alt text
hint-image-without-alt = describe the image between the brackets, e.g. `![Denah loket layanan](denah.png)`
heading-level-1 = level-1 heading `{ $heading }` in the body
hint-heading-level-1 = the title is the page's level-1 heading; start sections with `##`
heading-skips-level = the heading `{ $heading }` skips from level { $from } to level { $to }
hint-heading-skips-level = use { $marks } here, so screen-reader users can follow the outline
empty-link = link without text
hint-empty-link = write the words the reader clicks between the brackets: `[biaya paspor](biaya.md)`
no-description = page without a description
hint-no-description = add `description:` with one or two plain sentences: they appear in search results, link previews and leaflets
no-fees = procedure without fees
hint-no-fees = add `fees:`; for a free service write `- { "{" } item: …, amount: 0 { "}" }` so readers know it is free
no-requirements = procedure without requirements
hint-no-requirements = add `requirements:`, the documents to bring, one per line
no-date = page without a date in a section listed by date
hint-no-date = add `date: YYYY-MM-DD` (or an `event:` with its `start`) so it is listed in the right place
duplicate-title = the title `{ $title }` is also used by { $other }
hint-duplicate-title = give each guide a title that says how it differs
placeholder = placeholder `{ $placeholder }` in { $what }: `{ $value }`
placeholder-in-event = the event's { $key }
placeholder-in-fee-note = a fee's note
placeholder-in-contact = the contact's { $key }
hint-placeholder = replace it with the real value before publishing (`placeholders:` in site.yaml lists what counts as a placeholder)
not-reviewed = procedure never reviewed
hint-not-reviewed = check the guide against its sources (fees, requirements, steps), then add `reviewed: YYYY-MM-DD` with the date of that check
review-overdue = last reviewed on { $date }, more than { $months } months ago
hint-review-overdue = check the guide against its sources again, then set `reviewed:` to the date of that check
untranslated = not translated into: { $languages }
hint-untranslated = readers see this text with a "not yet available" notice; add { $files }
missing-ui-strings = { $count } UI strings missing in `{ $lang }`: { $keys }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
hint-missing-ui-strings = add these keys to i18n/{ $lang }.yaml; until then the default language's text is shown

## check --external

external-moved = external link `{ $link }` has moved permanently ({ $status })
hint-external-moved = update the link to { $to }
external-broken = external link `{ $link }` is broken: { $status }
hint-external-gone = the page is gone: find where it moved, link to another source, or remove the link
hint-external-refused = the site refuses automatic checks or needs a login: open the link in a browser to confirm
hint-external-slow-down = the site asked us to slow down: check again later
hint-external-open = open the link in a browser; if it stays broken, link to another source
external-timed-out = external link `{ $link }` timed out after { $seconds } s
hint-external-timed-out = the site may be down or slow; check again later or open the link in a browser
external-dns = external link `{ $link }`: the address's domain was not found
hint-external-dns = check the spelling of the address; the domain may no longer exist
external-failed = external link `{ $link }` could not be checked: { $reason }

## Output

path-empty = the path is empty
path-absolute = it is an absolute path
path-goes-up = it goes up out of the output folder (`..`)
path-unsafe-segment = it contains an empty or unsafe part
output-escape = the output path `{ $path }` cannot be used: { $reason }
hint-output-escape = use plain relative names without `..`, `/` at the start or special characters
output-conflict = two outputs would be written to `{ $path }`: from { $first } and { $second }
hint-output-conflict = give one of them another `slug` or alias
cannot-write-output = cannot write the output for `{ $path }`: { $reason }
hint-cannot-write-output = check that the output folder is writable and the disk is not full
icon-missing = the theme has no icons/icon.svg
icon-unknown = there is no icon called { $name }
icon-not-svg = the icon is not a readable SVG drawing ({ $reason })
icon-size = the icon cannot be drawn at its size
icon-png = the icon cannot be saved as PNG ({ $reason })
hint-icon = save the logo as a valid SVG file (a drawing, not text)
internal-copy-job = internal error: a copy job was sent to the template renderer
hint-report-bug = this is a bug in Suluh, not in your text: please report it

## Themes and templates

unknown-theme = the theme `{ $theme }` was not found: there is no folder `themes/{ $theme }/`
hint-unknown-theme = create `themes/{ $theme }/`, or use `theme: default`
missing-template = missing template `{ $name }`
hint-template-near = did you mean `{ $suggestion }`? Otherwise create templates/{ $name }
hint-missing-template = create templates/{ $name } in the site, or remove the `template` key
template-error = template error: { $detail }
hint-template-named = fix the template named above
hint-template-variable = check the variable's name, or guard it with `{"{"}% if … %{"}"}`
hint-template-not-found = create that template in templates/, or fix the name in `extends`/`include`
hint-template-syntax = fix the template syntax at this position
template-not-utf8 = the template is not valid UTF-8 text
hint-template-not-utf8 = save the template as UTF-8
cannot-read-template = cannot read the template: { $reason }

## Leaflets

unknown-page = there is no page `{ $page }`
hint-unknown-page = give the page's path under content/ without `.md`, e.g. `paspor/paspor-baru`
unknown-language = unknown language code `{ $code }`
leaflet-untranslated = `{ $page }` has no { $language } version
hint-leaflet-untranslated = translate it first (content/{ $page }.{ $code }.md), or choose another --lang
leaflet-fonts = the theme has no fonts for leaflets
hint-leaflet-fonts = put .ttf fonts covering the site's languages in the theme's fonts/ folder
logo-not-utf8 = the logo is not an SVG text file
hint-logo-not-utf8 = save the logo as SVG (text), or remove static/logo.svg
cannot-read-logo = cannot read the logo: { $reason }
missing-leaflet-template = missing leaflet template `leaflets/{ $name }.typ`
hint-missing-leaflet-template = add leaflets/{ $name }.typ to the theme, or choose another layout
leaflet-template = leaflet template error: { $detail }
hint-leaflet-typst = { $detail }
hint-leaflet-template = fix the leaflet template at this position
missing-card-template = missing share card template `cards/card.typ`
hint-missing-card-template = add cards/card.typ (UTF-8 Typst) to the theme
alias-escape = the alias `{ $alias }` is not a path inside the site
hint-alias-escape = write the old web address path, e.g. `/paspor/lama/`, without `..` or a domain
hint-i18n-file = an i18n file is a list of `key: text` lines; put text with `:` or `#` in quotes

## suluh new and suluh init

bad-page-path = `{ $target }` is not SECTION/SLUG
hint-bad-page-path = write the section folder and the page name, e.g. `suluh new paspor/paspor-dinas`
file-exists = `{ $file }` already exists
hint-file-exists = choose another slug, or edit the existing file
cannot-create-folder-for = cannot create the folder for `{ $file }`: { $reason }
cannot-create = cannot create `{ $file }`: { $reason }
cannot-write = cannot write `{ $file }`: { $reason }
hint-check-permissions = check that you may write to that folder
hint-check-disk = check that the disk is not full
not-a-folder = `{ $folder }` is a file, not a folder
hint-not-a-folder = give the path of a new or empty folder, e.g. `suluh init situs-saya`
hint-cannot-read-folder = check that the folder exists and that you may read it
folder-not-empty = `{ $folder }` is not empty (it holds { $files })
hint-folder-not-empty = choose a new folder name (it is created for you) or empty this one; `suluh init` never overwrites files
hint-cannot-create-folder = check that the parent folder exists and that you may write to it

## serve

internal-the-site = the site
internal-files = { $files }
internal-rebuild = internal error while rebuilding { $files }; please report it ({ $detail })
hint-internal-rebuild = this is a bug in Suluh, not in your text: the last good version stays served; save again to retry, and report the message at the project's issue tracker
server-address = cannot read the server's address: { $reason }
cannot-watch = cannot watch { $folder } for changes: { $reason }
hint-cannot-watch = on Linux, raise fs.inotify.max_user_watches (sysctl) or close other programs that watch folders
cannot-start-server = cannot start the server: { $reason }
cannot-start-watcher = cannot start watching for changes: { $reason }
server-stopped = the server stopped: { $reason }
port-in-use = port { $port } on { $interface } is already in use (another `suluh serve` or another server?)
hint-port-in-use = stop the other program, or use another port: suluh serve --port { $next }
not-an-address-here = { $interface } is not an address of this computer
hint-not-an-address-here = serve on this computer only with --interface 127.0.0.1 (the default)
port-not-allowed = not allowed to listen on port { $port } of { $interface }
hint-port-not-allowed = ports below 1024 need administrator rights; use the default: --port 1111
cannot-listen = cannot listen on { $address }: { $reason }
hint-cannot-listen = try another port with --port, e.g. --port 1112
overlay-close = Close
overlay-title = The last change has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}; this is the last good version
icon-ico = the icon cannot be saved as favicon.ico ({ $reason })
placeholder-in-source = a source

## Progress and summaries

stage-pages = pages
stage-search = search
stage-leaflets = leaflets
build-waiting = waiting for another build of { $folder }…
build-failed = Build failed; { $folder } was left unchanged.
build-done = Built { $files } files into { $folder } in { $ms } ms.
check-no-problems = No problems found.
leaflet-written = Wrote { $file } ({ $kb } KB)
new-created = Created { $file }
init-done = Created a new site in { $folder } ({ $files } files): a procedure, a rights page and an event, in Indonesian and English.

    Next steps:
      1. Put your office's title, address and contact details in { $root }/site.yaml.
      2. Preview the site while you edit it (open http://127.0.0.1:1111/):
           suluh serve --root { $root }
      3. Add a page:
           suluh new layanan/visa --root { $root }
      4. Find mistakes and missing translations, then build the site into { $root }/dist:
           suluh check --root { $root }
           suluh build --root { $root }

## serve in the terminal

serve-serving = Serving { $folder } at { $address }
serve-watching = Watching for changes; press Ctrl+C to stop.
serve-stopped = Stopped.
serve-no-temporary-folder = warning: cannot create a temporary folder ({ $reason }); keeping the site in memory
serve-cannot-spill = warning: cannot write to { $folder } ({ $reason }); keeping the site in memory instead
serve-first-build-failed = The site has errors; the browser shows them until they are fixed.
serve-rebuild-failed = Rebuild failed in { $ms } ms; still serving the last good version (the browser shows the errors).
serve-first-build = Built { $files } files in { $ms } ms (served from memory and a temporary folder, never dist/).
serve-rebuilt = { $what ->
    [search] Search indexes rebuilt
   *[all] Rebuilt
} in { $ms } ms: { $count } { $count ->
    [one] file
   *[other] files
} changed{ $count ->
    [0] {""}
   *[other] : { $files }
} ({ $prepare ->
    [none] {""}
   *[other] read, load and link { $prepare } ms;{" "}
}{ $rendered } of { $jobs } outputs rendered)

## check: summary tables

table-translations = Missing translations
table-pages-of = { $count } of { $total } pages and sections
table-ui-strings = { $count ->
    [one] { $count } UI string
   *[other] { $count } UI strings
}
table-ui-strings-label = UI strings (i18n/{ $lang }.yaml):
table-home = (home)
table-more = … and { $count } more
table-translations-footer =
    {"  "}Add `<page>.<lang>.md` beside the original and the keys to `i18n/<lang>.yaml`;
    {"  "}untranslated pages are shown in the default language with a notice.
    {"  "}`--format json` lists every one with its file.
table-review = Guides to review
table-never-reviewed = { $count } never reviewed
table-overdue = { $count } overdue
table-never-reviewed-label = never reviewed
table-overdue-label = overdue
table-review-footer =
    {"  "}Check each against its sources, then set `reviewed: YYYY-MM-DD`.
    {"  "}`--format json` lists every one with its file.
totals-about-translations = ({ $translations } of them about missing translations)
totals-about-reviews = ({ $reviews } of them about reviews)
totals-about-both = ({ $translations } of them about missing translations, { $reviews } about reviews)

## The page `suluh new` writes (front matter with comments, then the body)

new-page-template =
    ---
    title: { $title }
    # One or two plain sentences: shown in search results, link previews and the leaflet.
    description: ""
    date: { $today }
    updated: { $today }
    # weight: 10                 # order inside the section (smaller first)
    # tags: [paspor]
    # draft: true                # not published until you remove this line
    #
    # For a procedure (remove what does not apply):
    # requirements:
    #   - KTP (kartu tanda penduduk) asli
    # fees:
    #   - { "{" } item: Paspor biasa 48 halaman, amount: 350000 { "}" }   # currency defaults to IDR
    #   - tariff: paspor-elektronik  # or a fee of data/tariffs.yaml, with its legal basis
    # processing_time: 4 hari kerja
    # sources:                     # the regulations and official pages the guide rests on
    #   - Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian
    # reviewed: { $today }           # the day someone checked the guide against its sources
    # leaflet: true              # or { "{" } layout: booklet { "}" }: a printable PDF for outreach
    #
    # Link other guides by their Markdown file, e.g. [paspor baru](../paspor/paspor-baru.md)
    #
    # For an event (times without an offset are in { $timezone }):
    # event:
    #   start: { $today }T09:00
    #   end: { $today }T12:00
    #   location: Aula kantor
    #   address: ""
    ---

    Write the guide here. Address the reader directly, in short sentences.

    ## Langkah-langkah

    1. The first ordered list is the step list.
    2. Each step is one short sentence.

## Comments in the site `suluh init` writes

init-comment-site-intro = Site configuration. Only title, base_url, default_language and languages are required.
init-comment-base-url = The address the site will be published at; links in feeds, the sitemap and leaflet QR codes use it.
init-comment-arabic-1 = To add Arabic (written right to left; the direction follows from the code), uncomment the next line,
init-comment-arabic-2 = then translate pages as `<slug>.ar.md` beside the originals. `suluh check` lists what is left to do.
init-comment-timezone = Event times written without an offset are in this IANA time zone.
init-comment-theme = The built-in theme. Override one of its files by putting your own under templates/ or static/.
init-comment-contact = Shown on every page and leaflet unless a section or page gives its own `contact:`.
init-comment-event = An event: times without an offset are in the site's timezone.
init-comment-reviewed = the day someone checked the guide against its sources; `suluh check` asks again after 12 months
init-comment-procedure = A procedure: what to bring, what it costs, how long it takes. The first numbered list below is the step list.
init-comment-currency = currency defaults to IDR
init-comment-leaflet = a printable PDF for outreach: dist/leaflets/<lang>/layanan/paspor-baru.pdf
external-not-an-address = it is not a valid address ({ $reason })
external-redirect-nowhere = it redirects ({ $status }) without saying where to
external-redirect-invalid = it redirects to an invalid address `{ $to }`
external-redirect-not-web = it redirects to `{ $to }`, which is not a web address
external-too-many-redirects = it redirects more than { $count } times
external-refused = the site refused the connection
external-connection-failed = no connection to the site could be made

## Plain language (`suluh check`)

plain-long-sentence = a sentence of { $words } words (more than { $limit })
hint-plain-long-sentence = split it into shorter sentences, one idea each; move details into a list
plain-unexplained-acronym = `{ $acronym }` is not explained before it is used
hint-plain-unexplained-acronym = write it out at its first use, e.g. `full name ({ $acronym })`, or add `{ $acronym }` to data/glossary.yaml
plain-passive-paragraph = { $passive } of { $total } sentences here are passive
hint-plain-passive-id = say who does what: `Petugas memeriksa berkas Anda` rather than `Berkas diperiksa`
hint-plain-passive-en = say who does what: `the officer checks your papers` rather than `your papers are checked`
plain-word = `{ $word }` is an official word readers may not know
hint-plain-word = write `{ $instead }` instead
plain-sentence-words-zero = `sentence_words` must be at least 1
hint-plain-sentence-words = 25 words is a common limit for a plain sentence
plain-passive-share = `passive_share` must be above 0 and at most 1, not { $value }
hint-plain-passive-share = 0.5 flags a paragraph where most sentences are passive
plain-words-unknown-language = unknown language code `{ $code }` in `plain_words`
hint-plain-words-language = write `word: plainer word`, or group words under a site language ({ $languages })

## Glossary (data/glossary.yaml)

glossary-empty-term = a glossary term is empty
hint-glossary-empty-term = write the term as the guides write it, e.g. `ITAS:`
glossary-link-not-markdown = the link of `{ $term }` is not a Markdown file: `{ $link }`
hint-glossary-link = name the guide that explains the term, relative to content/, e.g. `izin-tinggal/itas.md`
glossary-link-list = the link of `{ $term }` is a list
hint-glossary-link-list = write one guide, e.g. `link: izin-tinggal/itas.md`
glossary-explanation-list = the `{ $code }` explanation of `{ $term }` is a list
hint-glossary-explanation-list = write the explanation as one text: one or two plain sentences
glossary-unknown-key = unknown key `{ $key }` in glossary term `{ $term }`
hint-glossary-unknown-key = write the explanation under a site language ({ $languages }), or use `link:` or `aliases:`
glossary-no-explanation = glossary term `{ $term }` has no explanation in `{ $code }`
hint-glossary-no-explanation = add `{ $code }:` with one or two plain sentences; other languages fall back to it
glossary-same-anchor = glossary terms `{ $first }` and `{ $term }` would share the anchor `#{ $anchor }`
hint-glossary-same-anchor = keep one of them and list the other under its `aliases`
glossary-broken-link = broken link in glossary term `{ $term }`: `{ $link }`
hint-glossary-broken-link = there is no file `{ $path }`; write the path relative to content/

## Posters, event packs and share images

unknown-handout = handout `{ $path }` is not a page of the site
handout-is-section = handout `{ $path }` is a section, not a guide
hint-unknown-handout = name a guide's Markdown file, relative to this file (e.g. `../paspor/paspor-baru.md`)
missing-image = image `{ $src }` is not a file of this page's folder
hint-missing-image-bundle = put the picture in content/{ $folder }/ and name it here
hint-missing-image-no-bundle = make the page a folder (`<slug>/index.md`) and put the picture beside it
share-image-without-alt = the share image has no alt text
hint-share-image-without-alt = describe the picture in `alt`, e.g. `alt: Loket layanan paspor`
missing-print-template = missing template `leaflets/{ $name }.typ`
hint-missing-print-template = add leaflets/{ $name }.typ to the theme
