"""The faq plugin: the site's logic, event by event, in the order MkDocs runs it.

Read this file top to bottom to know what runs when. Each event calls small
parts; they live in sources/ (the editors' files), checks/ (on sources and on
rendered pages), readers/ (what readers get), messages/ (problems and MkDocs'
warnings reworded), markdown/ (the typography extension), languages/.

Why the priorities. mkdocs-static-i18n (`i18n`, priority -100 on most events)
builds the default language, then re-runs the whole build for each other
language inside the default language's `on_post_build`, on the SAME
configuration and the SAME plugin instance. So:

- the parts that need the build's language run after i18n's `on_config`
  (-110), and a new `BuildState` starts when the default language's build does;
- the problems found in every language stop the build at the end of the last
  language's build (`on_post_build` at 100, before i18n's -100, which would
  otherwise start the next language): one sorted list, every language;
- the per-language search indexes and the sitemap are written after i18n's
  `on_post_build` (-110), once i18n has merged the search entries and built
  the other languages.

One event may need parts at several priorities: MkDocs' `CombinedEvent`
registers each at its own. Within a priority, plugins run in the order of
`plugins:` in mkdocs.yml; `faq` is listed last, after search and i18n.

    event (priority)          what runs, in this order
    ------------------------  -------------------------------------------------------------
    on_startup                remember the command (`gh-deploy` publishes)
    on_config (100)           readers/site_url: a default site_url; none local when publishing;
                              sources/files: stop if docs/ holds a link (MkDocs' walk follows them)
    on_config (-110)          default language: a new BuildState, the cards' maker (readers/cards),
                              the publisher known (readers/unofficial). Languages from i18n;
                              messages/mkdocs_warnings listens; readers/languages (permalink
                              title, 404 once); typography's language; search scope; seo;
                              markdown/abbreviations: this language's glossary, snippets kept in it
    on_files (10)             checks/files, markdown/abbreviations (a page's `--8<--`, the
                              glossaries), readers/unofficial (the About page's publisher and
                              contact), checks/svg_assets, checks/stylesheets,
                              checks/translations, the required pages,
                              checks/questions, checks/generated_parts, checks/text;
                              readers/navigation (questions, nav); readers/redirects (renames)
    on_files (0)              default language: readers/dates (one git log), the record
    on_files (-50)            stop now if a file itself is wrong (name, place, encoding, twin)
    on_page_markdown (100)    NFC text, without include lines; valid front matter only; home page's
                              list, "all questions" page
    on_page_markdown (0)      typeset `description`; the publisher and contact (readers/unofficial);
                              `[repository]`, `[issues]` references
    on_page_markdown (-10)    readers/dates: last-changed date, outdated-translation notice
    on_page_markdown (-20)    addresses MkDocs cannot read: reported, left out of what it renders
    on_page_content           checks/text (characters written as references);
                              checks/content_allowlist, checks/links, checks/page_html,
                              checks/markdown_rendering; the "all questions" page's HTML
                              kept for on_env; typeset the title;
                              checks/parity; checks/what_nato_says (language, NATO links,
                              a question's description quotes its answer, or is its opening
                              sentences); readers/provenance (the French page's state)
    on_page_context           provenance note; redirect targets; search base; seo; About; the
                              page's titles (readers/unofficial); its share card (readers/cards)
    on_template_context       About page (404 and the other static templates)
    on_env                    descriptions not quoting their answer, and a translation's
                              parity and paragraph lengths, unless they echo another problem;
                              the "all questions" page through checks/content_allowlist, for
                              what no question's own page reported;
                              template_cache: the templates compiled once for every language,
                              without their indentation; the `plain_title` filter
                              (readers/typography); readers/csp: the inline scripts the
                              templates write, the only ones a page may run
    on_post_page (-100)       the page as published: checks/content_allowlist, every address of
                              it; readers/csp: no script but the site's own, and the page's
                              Content-Security-Policy
    on_post_template (-100)   readers/csp: the 404 page's
    on_post_build (100)       the last language: stop with every problem, if any
    on_post_build (0)         readers/redirects: this language's redirect pages; the cards drawn
    on_post_build (-110)      readers/search: one index per language; readers/seo: sitemap
    on_shutdown               MkDocs' loggers without the filter
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from faq_site.checks import markdown_rendering, page_html, parity, what_nato_says
from faq_site.checks.content_allowlist import (
    content_problems,
    published_problems,
    without_unreadable_addresses,
)
from faq_site.checks.files import address_problems, file_problems, markdown_sources
from faq_site.checks.generated_parts import check_generated_parts, check_required_pages, shared_references
from faq_site.checks.links import check_links
from faq_site.checks.outline import Outline
from faq_site.checks.questions import check_front_matter
from faq_site.checks.stylesheets import stylesheet_problems
from faq_site.checks.svg_assets import svg_problems
from faq_site.checks.text import check_text, referenced_characters
from faq_site.checks.translations import check_translations, missing_twins
from faq_site.checks.urls import UrlRule
from faq_site.config import FaqConfig
from faq_site.languages import Languages
from faq_site.markdown import abbreviations
from faq_site.messages import mkdocs_warnings
from faq_site.readers import (
    about,
    cards,
    csp,
    dates,
    languages,
    navigation,
    provenance,
    redirects,
    search,
    seo,
    typography,
    unofficial,
)
from faq_site.readers.site_url import check_site_url
from faq_site.sources.files import refuse_links
from faq_site.sources.source import ALL_QUESTIONS, HOME, Source, is_question
from faq_site.sources.text import has_invisible, read
from faq_site.state import BuildState
from faq_site.template_cache import CompiledTemplates


class FaqPlugin(BasePlugin[FaqConfig]):
    def __init__(self) -> None:
        self.command: str | None = None
        self.languages: Languages | None = None
        self.build = BuildState()
        # Shared by every language's build (template_cache.py); one per plugin instance.
        self.templates = CompiledTemplates()
        # The share cards of the build, every language (readers/cards.py).
        self.cards: cards.CardMaker | None = None

    def url_rule(self, config: MkDocsConfig) -> UrlRule:
        """What a page may link to or load (checks/urls.py)."""
        return UrlRule(tuple(self.config.allowed_link_domains), config.repo_url, config.site_url)

    def publisher(self, config: MkDocsConfig) -> unofficial.Publisher:
        """Who publishes the site, and a contact: the settings, or from repo_url (readers/unofficial.py)."""
        return unofficial.publisher(self.config.publisher, self.config.contact, config.repo_url)

    def lang(self) -> Languages:
        assert self.languages is not None, "on_config sets the languages"
        return self.languages

    # -- on_startup ---------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # -- on_config ----------------------------------------------------------------------------

    @event_priority(100)  # before static-i18n and the parts below read site_url
    def _config_site_url(self, config: MkDocsConfig) -> MkDocsConfig:
        check_site_url(config, self.command)
        return config

    @event_priority(100)  # before MkDocs walks docs/ (after on_config), following links
    def _config_docs_folder(self, config: MkDocsConfig) -> MkDocsConfig:
        refuse_links(Path(config.docs_dir))
        return config

    @event_priority(-110)  # after static-i18n (-100) has set the build's language
    def _config_language(self, config: MkDocsConfig) -> MkDocsConfig:
        self.languages = Languages.of_config(config)
        if config.theme["language"] == self.languages.default:
            self.build = BuildState()  # a new build starts with the default language
            setting = self.config.cards_cache
            folder = Path(config.config_file_path).parent / setting if setting else cards.default_cache()
            self.cards = cards.CardMaker(folder)
            unofficial.check_known(self.publisher(config))
        mkdocs_warnings.listen(
            mkdocs_warnings.LinkWarnings(
                Path(config.docs_dir), self.languages, self.build.problems, self.build.warned_links
            )
        )
        languages.configure(config, self.languages)
        typography.configure(config)
        search.set_scope(config)
        seo.configure(config)
        abbreviations.configure(config)
        return config

    on_config = CombinedEvent(_config_site_url, _config_docs_folder, _config_language)

    # -- on_files -----------------------------------------------------------------------------

    @event_priority(10)  # every language's files, before static-i18n (-100) keeps the build's own
    def _files_check(self, files: Files, config: MkDocsConfig) -> Files:
        langs, problems = self.lang(), self.build.problems
        sources = markdown_sources(files, langs)
        problems.report(file_problems(files, Path(config.docs_dir), langs), blocking=True)
        problems.report(address_problems(sources), blocking=True)
        # What snippets would include: the glossaries' abbreviations only (markdown/abbreviations.py).
        problems.report([problem for source in sources for problem in abbreviations.include_problems(source)])
        if config.theme["language"] == langs.default:
            glossaries = abbreviations.glossary_problems(abbreviations.glossary_folder(config), langs.all)
            problems.report(glossaries, blocking=True)
        problems.report(unofficial.about_problems(sources))
        problems.report(svg_problems(files, Path(config.docs_dir)))
        problems.report(stylesheet_problems(files, Path(config.docs_dir)))
        # A page without its twin cannot be built: static-i18n and seo pair every page.
        problems.report(missing_twins(sources, langs), blocking=True)
        # Without a home, "all questions" or About page, or any question, there is no site to build.
        problems.report(check_required_pages(sources, langs), blocking=True)
        problems.report(check_translations(sources, langs))
        self.build.questions, order_problems = navigation.order_questions(sources, langs)
        problems.report([problem for source in sources for problem in check_front_matter(source)])
        problems.report([problem for source in sources for problem in check_generated_parts(source)])
        references = shared_references(sources)
        problems.report(references)
        self.build.clashing_references = {langs.of(problem.src_uri) for problem in references}
        problems.report([problem for source in sources for problem in check_text(source, langs)])
        problems.report(order_problems)
        config.nav = navigation.navigation(self.build.questions[langs.default], sources)
        self.build.redirects, rename_problems = redirects.check_renames(sources, langs)
        if config.theme["language"] == langs.default:
            problems.report(rename_problems)
        self.build.pages = {}
        return files

    def _files_read(self, files: Files, config: MkDocsConfig) -> Files:
        if config.theme["language"] == self.lang().default:  # once per build, for every language
            self.build.history, self.build.outdated = dates.read_dates(Path(config.docs_dir), self.lang())
            record = Path(config.config_file_path).parent / self.config.record
            self.build.record = provenance.read_record_file(record)
            self.build.provenance = {}
        return files

    @event_priority(-50)  # after the checks of the files
    def _files_stop(self, files: Files, config: MkDocsConfig) -> Files:
        if self.build.problems.blocking:
            self.build.problems.stop_if_any()
        return files

    on_files = CombinedEvent(_files_check, _files_read, _files_stop)

    # -- on_page_markdown ---------------------------------------------------------------------

    @event_priority(100)  # before anything reads page.meta
    def _markdown_lists(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = read(markdown)  # NFC, as the checks read it (sources/text.py)
        page.meta = navigation.valid_meta(page.meta)
        questions = self.build.questions[self.lang().of(page.file.src_uri)]
        markdown = navigation.with_lists(markdown, page, questions, self.lang())
        # Include lines, reported in on_files, never read: the "all questions" page's too (every answer).
        return abbreviations.without_includes(markdown)

    def _markdown_text(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        typography.typeset_meta(page, config.theme["language"])
        markdown = self.publisher(config).markdown(markdown)
        return markdown + about.repository_references(config.repo_url)

    @event_priority(-10)  # after every answer is on the "all questions" page
    def _markdown_dates(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return dates.with_dates(markdown, page, config, self.build.history, self.build.outdated, self.lang())

    @event_priority(-20)  # once the "all questions" page holds every answer
    def _markdown_addresses(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        langs = self.lang()
        source = None if langs.norm_uri(page.file.src_uri) == ALL_QUESTIONS else Source.read(page.file, langs)
        markdown, problems = without_unreadable_addresses(markdown, source, page.url, self.url_rule(config))
        self.build.problems.report(problems)
        return markdown

    on_page_markdown = CombinedEvent(_markdown_lists, _markdown_text, _markdown_dates, _markdown_addresses)

    # -- on_page_content ----------------------------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        langs, language = self.lang(), config.theme["language"]
        # The "all questions" page repeats the questions, each checked on its own page.
        checked = langs.norm_uri(page.file.src_uri) != ALL_QUESTIONS
        if checked:
            source = Source.read(page.file, langs)
            self.build.problems.report(referenced_characters(source, html))
            # A page whose front matter cannot be read, or with an invisible character: its
            # message comes first, and what follows it is not rendered as the editor meant.
            if not source.meta_error and not has_invisible(source.text):
                outline = Outline.of(html)
                warned, rule = self.build.warned_links, self.url_rule(config)
                judged = self.build.judged_urls[page.url] = set()
                self.build.problems.report(
                    content_problems(source, html, page, files, rule, warned, judged)
                    + check_links(source, outline, page, files, rule, warned)
                    + page_html.check_page(source, outline)
                    # What follows an element never closed is not rendered as written: page_html says so.
                    + ([] if outline.unclosed else markdown_rendering.check_page(source, html))
                )
        else:
            # Its HTML is the joined answers' own, links and all: whatever reaches readers there
            # passes the same allow-list (on_env, once every question's page has).
            self.build.joined_page = (page, html)
        typography.typeset_title(page, language)
        if checked:
            rendered = parity.rendered_page(page, html, langs)
            self.build.problems.report(parity.misfigures(rendered))
            default_url = page.url.removeprefix(f"{language}/")
            if language == langs.default:
                self.build.french_pages[page.url] = rendered
            elif (french := self.build.french_pages.get(default_url)) is not None:
                self.build.parity_problems.extend(parity.compare(french, rendered, langs))
            if not source.meta_error:
                default = self.build.checked_pages.get(default_url) if language != langs.default else None
                read, found = what_nato_says.check_page(page, html, source, langs, default)
                if language == langs.default:
                    self.build.checked_pages[page.url] = read
                self.build.problems.report(found.problems)
                self.build.quotation_problems.extend(found.quotations)
                self.build.parity_problems.extend(found.lengths)
        if language == langs.default:
            state = provenance.state_of(provenance.page_sentences(html), self.build.record)
            self.build.provenance[page.file.src_uri] = state
        return html

    # -- on_page_context ----------------------------------------------------------------------

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        langs = self.lang()
        note = provenance.provenance(page, config, self.build.provenance, self.build.history, langs)
        if note is not None:
            context["faq_provenance"] = note
        self.build.pages[page.file.src_uri] = (page.title or "", page.url)
        search.language_base(context, page, langs)
        links = seo.page_links(page, config, langs.default)
        self.build.page_links[links.url] = links
        context["faq_links"] = links
        if is_question(page.file.src_uri):
            context["faq_json_ld"] = seo.faq_json_ld(page, links)
        context["faq_about"] = about.about_page(nav, langs)
        home = langs.norm_uri(page.file.src_uri) == HOME
        context["faq_titles"] = unofficial.page_titles(page, config.site_name, home)
        context["faq_card"] = self._card(page, config, note)
        return context

    def _card(self, page: Page, config: MkDocsConfig, note: provenance.Provenance | None) -> cards.CardMeta:
        """The page's share card, written into the site; what its `<head>` says of it."""
        assert self.cards is not None, "on_config makes the cards' maker"
        language = config.theme["language"]
        label = config.extra["strings"][language][f"card_{note.state}"] if note else ""
        card = cards.Card(typography.plain_title(page.title), language, config.site_name, label)
        self.cards.write(card, Path(config.site_dir), cards.card_path(page.url))
        return cards.card_meta(card, page.url, config.site_url)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        context["faq_about"] = about.about_page(context.get("nav"), self.lang())
        return context

    # -- on_env -------------------------------------------------------------------------------

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page of this language is rendered, none written yet.
        langs = self.lang()
        others = list(self.build.problems.found)
        self.build.problems.report(
            [p for p in self.build.quotation_problems if what_nato_says.worth_reporting(p, others)]
        )
        self.build.quotation_problems = []
        # The "all questions" page: only what no question's own page reported (in this language),
        # and nothing if two questions define one reference: that is the problem, named already.
        language = config.theme["language"]
        if self.build.joined_page is not None and language not in self.build.clashing_references:
            page, html = self.build.joined_page
            told = {p.message for p in self.build.problems.found if langs.of(p.src_uri) == language}
            # Every address this language's question pages judged (and reported, if refused), as
            # read there: a link quoted as written there (`<name@example.org>`) is the same link.
            judged = {(page.file.src_uri, url) for urls in self.build.judged_urls.values() for url in urls}
            joined = content_problems(
                Source.read(page.file, langs),
                html,
                page,
                files,
                self.url_rule(config),
                self.build.warned_links | judged,
                set(),  # its addresses as published are each question page's own, checked there
                judge_relative=False,
            )
            self.build.problems.report([p for p in joined if p.message not in told])
        self.build.joined_page = None
        if config.theme["language"] != langs.default:
            self.build.problems.report(
                [p for p in self.build.parity_problems if parity.worth_reporting(p, others, langs)]
            )
            self.build.parity_problems = []
        self.templates.configure(env)
        typography.add_filters(env)
        # Every inline script the site runs, known before any page is written (readers/csp.py).
        self.build.script_hashes = csp.site_script_hashes(env, config)
        return env

    # -- on_post_page, on_post_template ----------------------------------------------------

    @event_priority(-100)  # last: the page as published, every template rendered
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        source = Source.read(page.file, self.lang())
        judged = self.build.judged_urls.pop(page.url, None)
        if judged is not None:  # a page whose content was checked: its addresses as published
            rule = self.url_rule(config)
            found = published_problems(output, source.src_uri, source.lines(), page.url, rule, judged)
            self.build.problems.report(found)
        # A script the site's templates do not write: wherever it came from, the page is not published.
        found = csp.script_problems(output, source, self.build.script_hashes, page.content or "")
        self.build.problems.report(found)
        # Not under `mkdocs serve`: its live-reload script, added to each page as it is
        # served, changes with every request, and no hash could allow it.
        return output if self.command == "serve" else csp.with_policy(output, self.build.script_hashes)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        if unknown := csp.unknown_scripts(output_content, self.build.script_hashes):
            script = csp.excerpt(unknown[0])
            raise PluginError(
                f"{template_name} runs a script the site's templates do not write (`{script}`): look "
                "for HTML in mkdocs.yml's strings and in overrides/, and remove it."
            )
        return (
            output_content
            if self.command == "serve"
            else csp.with_policy(output_content, self.build.script_hashes)
        )

    # -- on_post_build ------------------------------------------------------------------------

    @event_priority(100)  # before static-i18n (-100) builds the next language, and MkDocs ends the build
    def _post_build_stop(self, config: MkDocsConfig) -> None:
        if config.theme["language"] == self.lang().built[-1]:
            self.build.problems.stop_if_any()

    def _post_build_redirects(self, config: MkDocsConfig) -> None:
        redirects.write_redirects(config, self.build.redirects, self.build.pages)
        if self.cards is not None:
            self.cards.report(config.theme["language"])

    @event_priority(-110)  # after static-i18n (-100) merged the search entries and built the other languages
    def _post_build_indexes(self, config: MkDocsConfig) -> None:
        search.write_indexes(config, self.lang())
        seo.write_sitemap(config, self.build.page_links)

    on_post_build = CombinedEvent(_post_build_stop, _post_build_redirects, _post_build_indexes)

    # -- on_shutdown --------------------------------------------------------------------------

    def on_shutdown(self) -> None:
        mkdocs_warnings.stop_listening()
