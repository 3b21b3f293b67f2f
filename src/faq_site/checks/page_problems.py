"""Every check of one page, each with its stage: the one entry point the plugin and the tests call.

- `source_problems`: what the page's file, front matter and Markdown show on their own (the
  plugin runs it on every page when the files are collected, `on_files`);
- `rendered_problems`: what its rendered content shows, and how it compares with its French
  page (`on_page_content`);
- `check_markdown`: both, on a page of Markdown rendered here with the site's own Markdown
  configuration, with the precedence rule applied (messages/problems.py): an editor's
  mistake is then a unit test, with the build's exact messages (tests/snippets.py).

The checks that need every page at once (twins, numbers, renames, shared references, the
"all questions" page, MkDocs' own warnings, the published page) stay with the plugin.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from faq_site.checks import markdown_rendering, page_html, parity, what_nato_says
from faq_site.checks.content_allowlist import content_problems, without_unreadable_addresses
from faq_site.checks.generated_parts import check_generated_parts
from faq_site.checks.limits import limit_problems
from faq_site.checks.links import check_links
from faq_site.checks.questions import check_front_matter
from faq_site.checks.rendered import RenderedPage
from faq_site.checks.site import Site
from faq_site.checks.text import check_text, referenced_characters
from faq_site.markdown import abbreviations
from faq_site.messages import mkdocs_warnings
from faq_site.messages.problems import Problem, Problems, Stage
from faq_site.readers.unofficial import about_problems
from faq_site.sources.page import MarkdownPage


def source_problems(source: MarkdownPage, site: Site) -> list[Problem]:
    """Git's markers (FILE), the front matter (FRONT_MATTER), invisible characters, links to one
    language's file and the generated lists' markers (MARKDOWN, or FRONT_MATTER on its lines);
    include lines (`--8<--`) and the About page's publisher and contact markers (MARKDOWN)."""
    problems = check_front_matter(source) + check_text(source, site.languages)
    own = check_generated_parts(source) + abbreviations.include_problems(source) + about_problems(source)
    return problems + [_staged(problem, Stage.MARKDOWN) for problem in own]


@dataclass
class RenderedFindings:
    problems: list[Problem] = field(default_factory=list)
    # A question without a description: its answer's opening sentences, to describe it.
    description: str | None = None


def rendered_problems(
    source: MarkdownPage,
    rendered: RenderedPage,
    page_url: str,
    site: Site,
    description: object = None,
    french: tuple[MarkdownPage, RenderedPage] | None = None,
    listed: tuple[str, ...] = (),
) -> RenderedFindings:
    """The checks of one rendered page (not the "all questions" page): `description` is its front
    matter's, `french` its default-language version, rendered before it (None for a French page),
    `listed` the pages it lists (the home page, the questions), whose problems change it."""
    found = RenderedFindings()

    def add(problems: list[Problem], stage: Stage, causes: tuple[tuple[str, Stage], ...] = ()) -> None:
        found.problems.extend(_staged(problem, stage, causes) for problem in problems)

    # Raw HTML as written (sources/page.py): an element never closed, a tag that does not balance,
    # headings that can have no id; and the ids the editor gave.
    outline = rendered.outline
    add(page_html.unclosed_elements(source) + page_html.check_ids(source, outline), Stage.MARKDOWN)
    add(markdown_rendering.markdown_problems(source), Stage.MARKDOWN)
    # The page as rendered: what it may contain, its links, headings, text and characters.
    add(
        referenced_characters(source, rendered)
        + content_problems(source, rendered, page_url, site)
        + check_links(source, outline, page_url, site)
        + page_html.check_page(source, outline)
        + markdown_rendering.rendered_problems(source, rendered),
        Stage.RENDERED,
    )
    # Its figures, its language, its description; a translation against its French page.
    compared = parity.parity_page(source, rendered)
    add(parity.misfigures(compared), Stage.RENDERED)
    checked = what_nato_says.check_page(description, rendered, source, site.languages, french)
    found.description = checked.description
    add(checked.quotations, Stage.ACROSS)
    if french is None:
        add(checked.problems, Stage.RENDERED)
    else:  # what follows from the French page's own problems is not the translation's
        twin = french[0].src_uri
        add(checked.problems, Stage.RENDERED, ((twin, Stage.FRONT_MATTER),))
        differences = parity.compare(parity.parity_page(*french), compared, site.languages)
        # The pages it lists change it by their own problems, not by how they compare in turn.
        causes = ((twin, Stage.ACROSS), *((uri, Stage.RENDERED) for uri in listed))
        add(differences + checked.lengths, Stage.ACROSS, causes)
    return found


def _staged(problem: Problem, stage: Stage, causes: tuple[tuple[str, Stage], ...] = ()) -> Problem:
    """The problem with its stage (unless it says its own) and these causes too."""
    return replace(problem, stage=problem.stage or stage, causes=problem.causes + causes)


def check_markdown(
    src_uri: str,
    text: str,
    site: Site,
    config: MkDocsConfig,
    pages: tuple[str, ...] = (),
    french: tuple[MarkdownPage, RenderedPage] | None = None,
) -> tuple[list[Problem], MarkdownPage, RenderedPage]:
    """The problems an editor is shown for one page of Markdown, as the build words them.

    The page is rendered with the site's Markdown configuration (`config`: mkdocs.yml read with
    its plugins, the build's language set, readers/typography.py), by MkDocs' own `Page.render`,
    among the site's other pages (`pages`, their Markdown files), whose links MkDocs checks: its
    warnings are worded as in the build (messages/mkdocs_warnings.py). Returns the problems shown
    (the precedence rule applied), and the page as read and as rendered.
    """
    source = MarkdownPage.parse(src_uri, text, site.languages)
    problems = Problems()
    problems.report(limit_problems(source), Stage.MARKDOWN)
    if problems.found:  # the build stops before rendering it, and so does this
        return problems.shown(), source, RenderedPage("", source.language)
    problems.report(source_problems(source, site))
    # MkDocs renders what follows a front matter it can read, and the whole text otherwise.
    markdown = source.body if source.front_matter.span and not source.front_matter.error else source.text
    markdown = abbreviations.without_includes(markdown)  # as the plugin renders it (on_page_markdown)
    page_url = site.languages.prefix(source.language) + source.address
    markdown, unreadable = without_unreadable_addresses(markdown, source, page_url, site.rule)
    problems.report(unreadable, Stage.MARKDOWN)
    warnings = mkdocs_warnings.LinkWarnings(site.languages, {src_uri: source}, problems)
    mkdocs_warnings.listen(warnings)
    try:
        html = _render(src_uri, markdown, config, pages)
    finally:
        mkdocs_warnings.stop_listening()
    rendered = RenderedPage(html, source.language)
    found = rendered_problems(source, rendered, page_url, site, source.meta.get("description"), french)
    problems.report(found.problems)
    return problems.shown(), source, rendered


def _render(src_uri: str, markdown: str, config: MkDocsConfig, pages: tuple[str, ...]) -> str:
    """The page's content as MkDocs renders it from this Markdown, among these pages' files."""
    files = [
        File(uri, config.docs_dir, config.site_dir, config.use_directory_urls) for uri in {src_uri, *pages}
    ]
    file = next(file for file in files if file.src_uri == src_uri)
    page = Page(None, file, config)
    page.markdown = markdown
    page.render(config, Files(files))
    return page.content or ""
