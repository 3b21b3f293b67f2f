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
    on_config (100)           config_file: mkdocs.yml read safely (tags, keys twice, unknown keys,
                              literal site_url/repo_url), as scripts/check_config.py does in CI;
                              readers/site_url: a default site_url; none local when publishing;
                              sources/files: stop if docs/ holds a link (MkDocs' walk follows them)
    on_config (-110)          default language: a new BuildState, the cards' maker (readers/cards),
                              the publisher known (readers/unofficial). Languages from i18n;
                              messages/mkdocs_warnings listens; readers/languages (permalink
                              title, 404 once); typography's language; search scope; seo;
                              markdown/abbreviations: this language's glossary, snippets kept in it
    on_files (10)             default language: every page of every language read once (sources/page.py);
                              checks/limits (too long, nested too deep: stop), checks/files,
                              markdown/abbreviations (the glossaries), checks/svg_assets,
                              checks/translations, the required pages; each page's file, front
                              matter and Markdown (checks/page_problems.source_problems: a page's
                              `--8<--`, the About page's publisher and contact markers too);
                              readers/navigation (questions, numbers, nav); readers/redirects
                              (renames); readers/withdrawn (withdrawn questions); shared references
    on_files (0)              default language: readers/dates (the translation state, from git:
                              readers/translation_state.py), the record
    on_files (-50)            stop now if a file itself is wrong (name, place, encoding, twin, size)
    on_page_markdown (100)    NFC text, without include lines; valid front matter only; the number of
                              questions in a description; home page's list, "all questions" page
    on_page_markdown (0)      typeset `description`; the publisher and contact (readers/unofficial);
                              `[repository]`, `[issues]` references
    on_page_markdown (-20)    addresses MkDocs cannot read: reported, left out of what it renders
    on_page_content           the content parsed once (checks/rendered.py); typeset the title;
                              readers/provenance (the French page's state); every check of the
                              page, each with its stage (checks/page_problems.rendered_problems:
                              raw HTML, ids, the allow-list, links, headings, text, characters,
                              figures, language, description, a translation against its French
                              page, or, while it is behind, against the French it translates:
                              readers/translated_french.py); a question's description from its
                              answer, if it has none
    on_page_context           provenance note; readers/dates: last-changed date, the notice of a
                              translation behind (overrides/partials/translation-notice.html);
                              redirect targets; search base; seo (its JSON-LD answer: the
                              rendered page's); About; the page's titles (readers/unofficial);
                              its share card (readers/cards)
    on_template_context       About page (404 and the other static templates)
    on_env                    the "all questions" page through checks/content_allowlist, for the
                              elements no question page of its language holds;
                              template_cache: the templates compiled once for every language,
                              without their indentation; the `plain_title` filter
                              (readers/typography); readers/csp: the inline scripts the
                              templates write, the only ones a page may run
    on_post_page (-100)       the page as published, parsed once: checks/content_allowlist, its
                              addresses the content does not hold; readers/csp: no script but the
                              site's own, and the page's Content-Security-Policy
    on_post_template (-100)   readers/csp: the 404 page's
    on_post_build (100)       the last language: stop with every problem shown, if any (the
                              precedence rule, messages/problems.py)
    on_post_build (0)         readers/redirects: this language's redirect pages; readers/withdrawn:
                              its withdrawn questions' pages; the cards drawn
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

from faq_site.checks.content_allowlist import (
    content_addresses,
    content_problems,
    element_signatures,
    published_problems,
    without_unreadable_addresses,
)
from faq_site.checks.files import address_problems, file_problems, markdown_sources
from faq_site.checks.generated_parts import check_required_pages, shared_references
from faq_site.checks.limits import limit_problems
from faq_site.checks.page_problems import rendered_problems, source_problems
from faq_site.checks.rendered import PublishedPage, RenderedPage
from faq_site.checks.site import Site
from faq_site.checks.svg_assets import svg_problems
from faq_site.checks.translations import check_translations, missing_twins
from faq_site.checks.urls import UrlRule
from faq_site.config import FaqConfig
from faq_site.config_file import settings_problems
from faq_site.languages import Languages
from faq_site.markdown import abbreviations
from faq_site.markdown.render import SiteMarkdown
from faq_site.messages import mkdocs_warnings
from faq_site.messages.problems import Stage
from faq_site.readers import (
    about,
    cards,
    csp,
    dates,
    languages,
    navigation,
    provenance,
    provenance_labels,
    redirects,
    search,
    seo,
    typography,
    unofficial,
    withdrawn,
)
from faq_site.readers.record import check_record
from faq_site.readers.site_url import check_site_url
from faq_site.readers.translated_french import translated_french
from faq_site.render_watchdog import RenderWatchdog
from faq_site.sources.files import refuse_links
from faq_site.sources.names import ALL_QUESTIONS, HOME, is_question
from faq_site.sources.page import MarkdownPage
from faq_site.sources.text import read
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
        # Stops a page that takes too long to render, naming it (render_watchdog.py).
        self.watchdog = RenderWatchdog()

    def url_rule(self, config: MkDocsConfig) -> UrlRule:
        """What a page may link to or load (checks/urls.py)."""
        return UrlRule(tuple(self.config.allowed_link_domains), config.repo_url, config.site_url)

    def publisher(self, config: MkDocsConfig) -> unofficial.Publisher:
        """Who publishes the site, and a contact: the settings, or from repo_url (readers/unofficial.py)."""
        return unofficial.publisher(self.config.publisher, self.config.contact, config.repo_url)

    def site(self, files: Files, config: MkDocsConfig) -> Site:
        """What the checks of one page know of the site (checks/site.py)."""
        return Site.of(files, self.lang(), self.url_rule(config))

    def lang(self) -> Languages:
        assert self.languages is not None, "on_config sets the languages"
        return self.languages

    # -- on_startup ---------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # -- on_config ----------------------------------------------------------------------------

    @event_priority(100)  # first: the file itself, before anything reads a setting
    def _config_file(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.config_file_path and (problems := settings_problems(Path(config.config_file_path))):
            count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
            body = "\n".join(f"  - {problem}" for problem in problems)
            raise PluginError(f"mkdocs.yml has {count} to fix before the site can be built:\n{body}")
        return config

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
            mkdocs_warnings.LinkWarnings(self.languages, self.build.sources, self.build.problems)
        )
        languages.configure(config, self.languages)
        typography.configure(config)
        search.set_scope(config)
        seo.configure(config)
        abbreviations.configure(config)
        return config

    on_config = CombinedEvent(_config_file, _config_site_url, _config_docs_folder, _config_language)

    # -- on_files -----------------------------------------------------------------------------

    @event_priority(10)  # every language's files, before static-i18n (-100) keeps the build's own
    def _files_check(self, files: Files, config: MkDocsConfig) -> Files:
        langs, problems = self.lang(), self.build.problems
        self.build.pages = {}
        if config.theme["language"] != langs.default:  # read and checked in the default language's build
            sources = list(self.build.sources.values())
            config.nav = navigation.navigation(self.build.questions[langs.default], sources)
            return files
        # Every page of every language, read once for the whole build (sources/page.py).
        sources = markdown_sources(files, langs)
        self.build.sources.update((source.src_uri, source) for source in sources)
        docs = Path(config.docs_dir)
        problems.report(file_problems(files, docs, langs), Stage.FILE, blocking=True)
        problems.report(address_problems(sources), Stage.FILE, blocking=True)
        problems.report(svg_problems(files, docs), Stage.FILE)
        # What snippets appends: the glossaries, abbreviations only (markdown/abbreviations.py).
        glossaries = abbreviations.glossary_problems(abbreviations.glossary_folder(config), langs.all)
        problems.report(glossaries, Stage.FILE, blocking=True)
        # A page too long, or nested too deep, is not rendered: Python-Markdown could take hours.
        problems.report(
            [p for source in sources for p in limit_problems(source)], Stage.MARKDOWN, blocking=True
        )
        # A page without its twin cannot be built: static-i18n and seo pair every page.
        problems.report(missing_twins(sources, langs), Stage.FILE, blocking=True)
        # Without a home, "all questions" or About page, or any question, there is no site to build.
        problems.report(check_required_pages(sources, langs), Stage.FILE, blocking=True)
        # Each page's conflict markers, front matter, invisible characters, links to x.en.md,
        # generated lists' markers, include lines, the About page's markers (checks/page_problems.py);
        # then what pages say together.
        site = self.site(files, config)
        problems.report([problem for source in sources for problem in source_problems(source, site)])
        self.build.questions, order_problems = navigation.order_questions(sources, langs)
        problems.report(order_problems, Stage.FRONT_MATTER)
        self.build.redirects, rename_problems = redirects.check_renames(sources, langs)
        problems.report(rename_problems, Stage.FRONT_MATTER)
        self.build.withdrawals, withdrawn_problems = withdrawn.check_withdrawals(
            sources, langs, self.build.redirects
        )
        problems.report(withdrawn_problems, Stage.FRONT_MATTER)
        problems.report(check_translations(sources, langs) + shared_references(sources), Stage.MARKDOWN)
        config.nav = navigation.navigation(self.build.questions[langs.default], sources)
        return files

    def _files_read(self, files: Files, config: MkDocsConfig) -> Files:
        if config.theme["language"] == self.lang().default:  # once per build, for every language
            self.build.site_markdown = SiteMarkdown.of_config(config)
            self.build.translations = dates.read_dates(config, self.lang(), self.build.site_markdown)
            config_dir = Path(config.config_file_path).parent
            # A change to NATO's record stops here unless record/CHANGES lists it (readers/record.py).
            check_record(config_dir, self.config.record)
            self.build.record = provenance.read_record_file(config_dir / self.config.record)
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
        questions = self.build.questions[self.lang().of(page.file.src_uri)]
        page.meta = navigation.with_count(navigation.valid_meta(page.meta), questions)
        markdown = navigation.with_lists(markdown, page, questions, self.lang())
        # Include lines, reported in on_files, never read: the "all questions" page's too (every answer).
        return abbreviations.without_includes(markdown)

    def _markdown_text(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        typography.typeset_meta(page, config.theme["language"])
        markdown = self.publisher(config).markdown(markdown)
        return markdown + about.repository_references(config.repo_url)

    @event_priority(-20)  # once the "all questions" page holds every answer
    def _markdown_addresses(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        langs = self.lang()
        source = None if langs.norm_uri(page.file.src_uri) == ALL_QUESTIONS else self.source(page)
        markdown, problems = without_unreadable_addresses(markdown, source, page.url, self.url_rule(config))
        self.build.problems.report(problems, Stage.MARKDOWN)
        return markdown

    @event_priority(-100)  # last: MkDocs renders the Markdown next
    def _markdown_watch(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.watchdog.start(page.file.src_uri)
        return markdown

    on_page_markdown = CombinedEvent(_markdown_lists, _markdown_text, _markdown_addresses, _markdown_watch)

    # -- on_page_content ----------------------------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.watchdog.stop()  # rendered in time
        langs, language, problems = self.lang(), config.theme["language"], self.build.problems
        source = self.source(page)
        # The page's content, parsed once: every check below reads this one tree (checks/rendered.py).
        rendered = self.build.rendered[page.file.src_uri] = RenderedPage(html, language)
        typography.typeset_title(page, language)
        if language == langs.default:
            state = provenance.page_state(rendered, self.build.record)
            self.build.provenance[page.file.src_uri] = state
        if langs.norm_uri(page.file.src_uri) == ALL_QUESTIONS:
            # It joins the questions, each checked on its own page; what no question page judged
            # passes the same allow-list once they all have (on_env).
            self.build.joined_page = page
            return html
        # Every check of the page (checks/page_problems.py), each with its stage.
        site, description = self.site(files, config), page.meta.get("description")
        found = rendered_problems(source, rendered, page.url, site, description, *self.compared_with(page))
        if found.description is not None:
            page.meta["description"] = found.description
        problems.report(found.problems)
        return html

    def compared_with(self, page: Page) -> tuple[tuple[MarkdownPage, RenderedPage] | None, tuple[str, ...]]:
        """A translation's French page, rendered before it (None for a French page), or, while the
        translation is behind, the French version it translates (French first); and for the home
        page, which lists the questions, the questions (their problems can change its list)."""
        langs = self.lang()
        listed = tuple(uri for uri, s in self.build.sources.items() if s.is_question)
        listed = listed if langs.norm_uri(page.file.src_uri) == HOME else ()
        if langs.of(page.file.src_uri) == langs.default:
            return None, listed
        src_uri = langs.uri_for(langs.norm_uri(page.file.src_uri), langs.default)
        rendered = self.build.rendered.get(src_uri)
        if rendered is None:
            return None, listed
        # French first: a translation behind is compared with the French it translates.
        translated = translated_french(
            self.build.translations,
            page.file.src_uri,
            langs,
            self.build.site_markdown,
            lambda body: navigation.with_lists(body, page, self.build.questions[langs.default], langs),
        )
        return translated or (self.build.sources[src_uri], rendered), listed

    def source(self, page: Page) -> MarkdownPage:
        """The page's Markdown as its editor wrote it, read once for the build (on_files)."""
        return self.build.sources[page.file.src_uri]

    # -- on_page_context ----------------------------------------------------------------------

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        langs = self.lang()
        translations = self.build.translations
        note = provenance.provenance(page, config, self.build.provenance, translations, langs)
        if note is not None:
            context["faq_provenance"] = note
            # The label's wording is the plugin's, never a setting (readers/provenance_labels.py).
            context["faq_provenance_label"] = provenance_labels.label(config.theme["language"], note.state)
        dates.set_revision_date(page, config, translations, langs)
        questions = self.build.questions[langs.of(page.file.src_uri)]
        context["faq_behind"] = dates.notice(page, config, translations, langs, questions)
        self.build.pages[page.file.src_uri] = (page.title or "", page.url)
        search.language_base(context, page, langs)
        links = seo.page_links(page, config, langs.default)
        self.build.page_links[links.url] = links
        context["faq_links"] = links
        if is_question(page.file.src_uri):
            context["faq_json_ld"] = seo.faq_json_ld(page, links, self.build.rendered[page.file.src_uri])
        context["faq_about"] = about.about_page(nav, langs)
        home = langs.norm_uri(page.file.src_uri) == HOME
        context["faq_titles"] = unofficial.page_titles(page, config.site_name, home)
        context["faq_card"] = self._card(page, config, note)
        return context

    def _card(self, page: Page, config: MkDocsConfig, note: provenance.Provenance | None) -> cards.CardMeta:
        """The page's share card, written into the site; what its `<head>` says of it."""
        assert self.cards is not None, "on_config makes the cards' maker"
        language = config.theme["language"]
        label = provenance_labels.card_label(language, note.state) if note else ""
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
        page, self.build.joined_page = self.build.joined_page, None
        if page is not None:
            # The "all questions" page joins this language's answers: each of its elements is judged
            # unless a question page has the same one, judged there; and what follows from a
            # question's Markdown (a link reference defined in two of them) is that question's.
            questions = [
                question.source.src_uri for question in self.build.questions[config.theme["language"]]
            ]
            judged = element_signatures(
                [self.build.rendered[q] for q in questions if q in self.build.rendered]
            )
            joined = content_problems(
                self.source(page),
                self.build.rendered[page.file.src_uri],
                page.url,
                self.site(files, config),
                judged_elsewhere=judged,
                judge_relative=False,
            )
            self.build.problems.report(
                joined, Stage.RENDERED, causes=tuple((q, Stage.MARKDOWN) for q in questions)
            )
        self.templates.configure(env)
        typography.add_filters(env)
        # Every inline script the site runs, known before any page is written (readers/csp.py).
        self.build.script_hashes = csp.site_script_hashes(env, config)
        return env

    # -- on_post_page, on_post_template ----------------------------------------------------

    @event_priority(-100)  # last: the page as published, every template rendered
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        source, content = self.source(page), self.build.rendered[page.file.src_uri]
        # The page as published, parsed once: its addresses (those its content's check did not
        # read: the theme's) and its scripts: none but the site's own, wherever they came from.
        published = PublishedPage(output)
        found = published_problems(
            published, source, page.url, self.url_rule(config), content_addresses(content)
        )
        found += csp.script_problems(published, source, self.build.script_hashes, content)
        self.build.problems.report(found, Stage.RENDERED)
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
        withdrawn.write_withdrawn(config, self.build.withdrawals, self.build.pages, self.lang())
        if self.cards is not None:
            self.cards.report(config.theme["language"])

    @event_priority(-110)  # after static-i18n (-100) merged the search entries and built the other languages
    def _post_build_indexes(self, config: MkDocsConfig) -> None:
        search.write_indexes(config, self.lang())
        seo.write_sitemap(config, self.build.page_links)

    on_post_build = CombinedEvent(_post_build_stop, _post_build_redirects, _post_build_indexes)

    def on_build_error(self, *, error: Exception) -> None:
        self.watchdog.stop()  # a build that stopped while a page rendered leaves no timer behind

    # -- on_shutdown --------------------------------------------------------------------------

    def on_shutdown(self) -> None:
        mkdocs_warnings.stop_listening()
